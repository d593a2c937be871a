-- What Attain's statements expect of the database beyond its tables (decision 029): the version row
-- the read cache watches, ids for inserts that name none, SQLite's functions the product calls, and
-- the knowledge base's full-text index.

-- Every statement that writes a table moves this row (the triggers below), whoever runs it: the
-- portal's servers, a script, psql. It is seen when the write commits; PRAGMA data_version reads it
-- (server/postgres/client.ts), so every server's read cache sees every write (decision 013).
CREATE TABLE "attain_data_version" ("v" bigint NOT NULL);
--> statement-breakpoint
INSERT INTO "attain_data_version" VALUES (0);
--> statement-breakpoint
CREATE FUNCTION attain_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE attain_data_version SET v = v + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Drizzle's SQLite dialect writes NULL for an id it leaves to the database; SQLite then numbers the
-- row, and so does this trigger, from the identity column's sequence.
CREATE FUNCTION attain_fill_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN NEW.id := nextval(TG_ARGV[0]); END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Run after every migration (server/postgres/migrate.ts), so new tables get both triggers too.
CREATE FUNCTION attain_add_triggers() RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.table_name AS t, pg_get_serial_sequence(quote_ident(c.table_name), 'id') AS seq
    FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND c.is_identity = 'YES'
  LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER attain_fill_id BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION attain_fill_id(%L)', r.t, r.seq);
  END LOOP;
  FOR r IN
    SELECT table_name AS t FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'attain_data_version'
  LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER attain_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION attain_bump_version()', r.t);
  END LOOP;
END $$;
--> statement-breakpoint
-- SQLite's max(a, b) and min(a, b) of two values: NULL when either is NULL (unlike GREATEST and LEAST).
CREATE FUNCTION max(a anycompatible, b anycompatible) RETURNS anycompatible LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN a >= b THEN a ELSE b END
$$;
--> statement-breakpoint
CREATE FUNCTION min(a anycompatible, b anycompatible) RETURNS anycompatible LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN a <= b THEN a ELSE b END
$$;
--> statement-breakpoint
-- strftime(format, seconds, 'unixepoch') for the formats the product uses (%Y, %m, %d, %H, %M, %S), in UTC.
CREATE FUNCTION strftime(fmt text, secs numeric, modifier text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN modifier = 'unixepoch' THEN to_char(to_timestamp(secs) AT TIME ZONE 'UTC',
    replace(replace(replace(replace(replace(replace(fmt, '%Y', 'YYYY'), '%m', 'MM'), '%d', 'DD'), '%H', 'HH24'), '%M', 'MI'), '%S', 'SS')) END
$$;
--> statement-breakpoint
-- SQLite's count of rows this connection changed; here the version row, which every write statement
-- moves (its own uncommitted ones included): it stays put exactly when nothing was written.
CREATE FUNCTION total_changes() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT v FROM attain_data_version $$;
--> statement-breakpoint
-- JSON kept as text, read with SQLite's path syntax ($.key, $."key", $[0]).
CREATE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_path_query_first(doc::jsonb, path::jsonpath) #>> '{}'
$$;
--> statement-breakpoint
CREATE FUNCTION json_set(doc text, path text, value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_set(doc::jsonb, string_to_array(substr(path, 3), '.'), to_jsonb(value), true)::text
$$;
--> statement-breakpoint
CREATE FUNCTION json_array(VARIADIC vals anycompatiblearray) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT array_to_json(vals)::text
$$;
--> statement-breakpoint
-- The elements of a JSON array (or the values of an object) kept as text, as SQLite's json_each.
CREATE FUNCTION json_each(doc text) RETURNS TABLE ("key" text, "value" text) LANGUAGE sql IMMUTABLE AS $$
  SELECT (e.ordinality - 1)::text, e.v #>> '{}'
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(doc::jsonb) = 'array' THEN doc::jsonb ELSE '[]'::jsonb END)
    WITH ORDINALITY AS e(v, ordinality)
  UNION ALL
  SELECT o.key, o.value #>> '{}'
  FROM jsonb_each(CASE WHEN jsonb_typeof(doc::jsonb) = 'object' THEN doc::jsonb ELSE '{}'::jsonb END) AS o
$$;
--> statement-breakpoint
-- The knowledge base's full-text index: the same segmented columns as SQLite's articles_fts
-- (server/kb/article-input.ts ftsRow), weighted title 10, codes 5, body 1 as bm25 weighs them there.
CREATE TABLE "articles_fts" (
  "rowid" bigint PRIMARY KEY,
  "title" text NOT NULL,
  "body" text NOT NULL,
  "codes" text NOT NULL,
  "doc" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', "title"), 'A') || setweight(to_tsvector('simple', "codes"), 'B') || setweight(to_tsvector('simple', "body"), 'D')
  ) STORED
);
--> statement-breakpoint
CREATE INDEX "articles_fts_doc_idx" ON "articles_fts" USING gin ("doc");
--> statement-breakpoint
SELECT attain_add_triggers();
