/**
 * SQLite SQL as Drizzle's SQLite dialect and our raw statements write it, rewritten for PostgreSQL
 * (decision 029). Pure: a statement in, a statement out, the same for the same input, so the client
 * translates each distinct statement once.
 *
 * What is rewritten here (the rest lives in PostgreSQL as functions with SQLite's names and meaning,
 * db/postgres/compat.sql):
 * - `?` placeholders become `$1`, `$2`... (typed as text where only `IS NULL` tests them); backquoted names become double-quoted ones;
 * - `LIKE` becomes `ILIKE` (SQLite's LIKE ignores ASCII case);
 * - `a IS b` and `a IS NOT b` with a value on the right become `IS [NOT] DISTINCT FROM`;
 * - `INSERT OR IGNORE` becomes `INSERT ... ON CONFLICT DO NOTHING`, and a conflict target's columns
 *   lose their table name;
 * - `CAST(x AS REAL)` reads as double precision (PostgreSQL's real has 24 bits), `AS INTEGER` as bigint;
 * - `char(n)` (a character by code) becomes `chr(n)`;
 * - `INDEXED BY name` (SQLite's plan hint) is dropped, as is a unary `+` before a column (SQLite's way to keep an index out of a plan) is dropped;
 * - a camelCase name (`AS tierCount`) is quoted, so PostgreSQL keeps its case as SQLite does.
 * Strings, quoted names and comments pass through untouched.
 */

type Token = { kind: "word" | "string" | "ident" | "param" | "other" | "space" | "comment"; text: string };

function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === "`") {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) break;
        if (sql[j] === c) {
          if (sql[j + 1] === c) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      const text = sql.slice(i, j + 1);
      if (c === "'") out.push({ kind: "string", text });
      else if (c === '"') out.push({ kind: "ident", text });
      else out.push({ kind: "ident", text: `"${text.slice(1, -1).replaceAll('"', '""').replaceAll("``", "`")}"` });
      i = j + 1;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const j = end === -1 ? sql.length : end;
      out.push({ kind: "comment", text: sql.slice(i, j) });
      i = j;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      const j = end === -1 ? sql.length : end + 2;
      out.push({ kind: "comment", text: sql.slice(i, j) });
      i = j;
    } else if (c === "?") {
      out.push({ kind: "param", text: "?" });
      i++;
    } else if (/\s/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /\s/.test(sql[j]!)) j++;
      out.push({ kind: "space", text: sql.slice(i, j) });
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      out.push({ kind: "word", text: sql.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: "other", text: c });
      i++;
    }
  }
  return out;
}

const lower = (t: Token | undefined) => (t && t.kind === "word" ? t.text.toLowerCase() : "");

/** The statement rewritten for PostgreSQL, and how many parameters it takes. */
export function toPostgres(sql: string): { sql: string; params: number } {
  const all = tokenize(sql);
  // Indices of the tokens that matter (no spaces or comments), to look at neighbours.
  const sig = all.map((t, i) => (t.kind === "space" || t.kind === "comment" ? -1 : i)).filter((i) => i >= 0);
  const at = (k: number) => (k >= 0 && k < sig.length ? all[sig[k]!] : undefined);
  let params = 0;
  let onConflict = false;
  let depth = 0;
  let returningAt = -1;
  for (let k = 0; k < sig.length; k++) {
    const t = all[sig[k]!]!;
    const w = lower(t);
    if (t.kind === "param") {
      t.text = `$${++params}`;
      // `? IS NULL` gives PostgreSQL nothing to type the value by; as text, any value can be tested.
      if (lower(at(k + 1)) === "is" && lower(at(k + 2)) === "null") t.text += "::text";
      if (lower(at(k + 1)) === "is" && lower(at(k + 2)) === "not" && lower(at(k + 3)) === "null") t.text += "::text";
    } else if (
      t.text === "+" &&
      at(k + 1)?.kind === "ident" &&
      (["and", "or", "where", "on", "not", "by", "when", "then", "else", "select"].includes(lower(at(k - 1))) ||
        ["(", ",", "="].includes(at(k - 1)?.text ?? ""))
    )
      // SQLite's unary + on a column (which keeps the planner off that column's index) does not apply to text here.
      t.text = "";
    else if (t.text === "(") depth++;
    else if (t.text === ")") depth--;
    else if (w === "like") t.text = "ILIKE";
    else if (w === "indexed" && lower(at(k + 1)) === "by" && at(k + 2)) {
      // SQLite's INDEXED BY names its plan; PostgreSQL's planner chooses by itself.
      t.text = "";
      at(k + 1)!.text = "";
      at(k + 2)!.text = "";
    } else if (t.kind === "word" && /[a-z]/.test(t.text) && /[A-Z]/.test(t.text) && at(k + 1)?.text !== "(")
      // A camelCase alias or name: SQLite keeps its case, PostgreSQL would fold it to lower case.
      t.text = `"${t.text}"`;
    else if (w === "returning" && depth === 0) returningAt = sig[k]!;
    else if (w === "is") {
      const next = lower(at(k + 1));
      if (next === "not") {
        const after = lower(at(k + 2));
        if (!["null", "true", "false", "distinct"].includes(after)) {
          t.text = "IS DISTINCT";
          all[sig[k + 1]!]!.text = "FROM";
        }
      } else if (!["null", "true", "false", "distinct"].includes(next)) {
        t.text = "IS NOT DISTINCT FROM";
      }
    } else if (w === "insert" && lower(at(k + 1)) === "or" && lower(at(k + 2)) === "ignore") {
      all[sig[k + 1]!]!.text = "";
      all[sig[k + 2]!]!.text = "";
      onConflict = true;
    } else if (w === "as" && at(k + 2)?.text === ")") {
      const next = at(k + 1);
      if (lower(next) === "real") next!.text = "double precision";
      else if (lower(next) === "integer") next!.text = "bigint";
    } else if (w === "char" && at(k + 1)?.text === "(" && lower(at(k - 1)) !== "as") t.text = "chr";
  }
  // ON CONFLICT ("t"."c"): PostgreSQL takes the target's columns unqualified.
  for (let k = 0; k + 2 < sig.length; k++) {
    if (lower(at(k)) !== "on" || lower(at(k + 1)) !== "conflict" || at(k + 2)?.text !== "(") continue;
    for (let j = k + 3; j + 2 < sig.length && at(j)?.text !== ")"; j++)
      if (at(j)?.kind === "ident" && at(j + 1)?.text === "." && at(j + 2)?.kind === "ident") {
        at(j)!.text = "";
        at(j + 1)!.text = "";
      }
  }
  if (onConflict) {
    if (returningAt >= 0) all[returningAt]!.text = `ON CONFLICT DO NOTHING ${all[returningAt]!.text}`;
    else {
      // Before a trailing semicolon, if any.
      let end = all.length;
      while (end > 0 && (all[end - 1]!.kind === "space" || all[end - 1]!.text === ";")) end--;
      all.splice(end, 0, { kind: "other", text: " ON CONFLICT DO NOTHING" });
    }
  }
  return { sql: all.map((t) => t.text).join(""), params };
}
