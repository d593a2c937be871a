import { describe, expect, it } from "vitest";
import { toPostgres } from "./translate";

describe("SQLite statements rewritten for PostgreSQL", () => {
  it("numbers the placeholders and leaves question marks in strings alone", () => {
    expect(toPostgres("select * from t where a = ? and b = '?' and c in (?, ?)")).toEqual({
      sql: "select * from t where a = $1 and b = '?' and c in ($2, $3)",
      params: 3,
    });
  });

  it("types a value that only IS NULL tests, as PostgreSQL cannot infer it", () => {
    expect(toPostgres("select 1 from t where (? is null or t.code = ?) and ? is not null").sql).toBe(
      "select 1 from t where ($1::text is null or t.code = $2) and $3::text is not null",
    );
  });

  it("quotes backquoted and camelCase names, so PostgreSQL keeps their case", () => {
    expect(toPostgres("SELECT count(*) AS tierCount FROM `tiers`").sql).toBe(
      'SELECT count(*) AS "tierCount" FROM "tiers"',
    );
    expect(toPostgres('select "orgId" from t').sql).toBe('select "orgId" from t');
  });

  it("matches LIKE without regard to case, as SQLite does", () => {
    expect(toPostgres("select 1 from t where lower(a) not like ? escape '\\'").sql).toBe(
      "select 1 from t where lower(a) not ILIKE $1 escape '\\'",
    );
  });

  it("reads IS and IS NOT between values as null-safe comparisons", () => {
    expect(toPostgres("a is b and c is not d and e is null and f is not null").sql).toBe(
      "a IS NOT DISTINCT FROM b and c IS DISTINCT FROM d and e is null and f is not null",
    );
  });

  it("turns INSERT OR IGNORE into ON CONFLICT DO NOTHING, before RETURNING", () => {
    expect(toPostgres("INSERT OR IGNORE INTO t (a) VALUES (?);").sql).toBe(
      "INSERT   INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING;",
    );
    expect(toPostgres("insert or ignore into t (a) values (?) returning id").sql).toBe(
      "insert   into t (a) values ($1) ON CONFLICT DO NOTHING returning id",
    );
  });

  it("takes a conflict target's columns without their table", () => {
    expect(toPostgres('insert into "t" ("k") values (?) on conflict ("t"."k") do update set "v" = ?').sql).toBe(
      'insert into "t" ("k") values ($1) on conflict ("k") do update set "v" = $2',
    );
  });

  it("casts to double precision and bigint where SQLite casts to real and integer", () => {
    expect(toPostgres("select cast(a as real), cast(b as integer) from t").sql).toBe(
      "select cast(a as double precision), cast(b as bigint) from t",
    );
  });

  it("drops SQLite's unary plus on a column and writes char() as chr()", () => {
    expect(toPostgres('select snippet(x, char(2)) from t where a = 1 and +"t"."b" = ?').sql).toBe(
      'select snippet(x, chr(2)) from t where a = 1 and "t"."b" = $1',
    );
    expect(toPostgres("select a + b from t").sql).toBe("select a + b from t");
  });

  it("drops SQLite's INDEXED BY, leaving the plan to PostgreSQL", () => {
    expect(toPostgres("SELECT count(*) FROM tickets t INDEXED BY tickets_open_due_idx WHERE a = ?").sql).toBe(
      "SELECT count(*) FROM tickets t    WHERE a = $1",
    );
  });

  it("leaves comments and strings untouched", () => {
    expect(toPostgres("-- is it? like\nselect 'a is b' /* ? */").sql).toBe("-- is it? like\nselect 'a is b' /* ? */");
  });
});
