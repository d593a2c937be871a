import { describe, expect, it } from "vitest";
import { z, type ZodType } from "zod";
import { appRouter } from "@/server/api/root";

/**
 * Every free-text field has a documented maximum: each procedure's input schema, as JSON Schema,
 * has a maxLength on every string, a maxItems on every array and a maxProperties on every
 * free-form object (a record). A value of unknown shape (z.unknown, z.any) is refused outright.
 * Enums and literals are bounded by their values; numbers, booleans and dates by their type.
 */

type Json = Record<string, unknown>;

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: ZodType[] } }>;

/** Marks dates and "no input" (which JSON Schema cannot express) so that the walk knows they are bounded. */
const BOUNDED_MARK = "x-attain-bounded";

function toJson(schema: ZodType): Json {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    reused: "inline",
    cycles: "ref",
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === "date" || def.type === "void" || def.type === "undefined") ctx.jsonSchema[BOUNDED_MARK] = true;
    },
  }) as Json;
}

/** The unbounded places of a JSON Schema, as paths such as `body` or `tags[]`. */
function unbounded(node: unknown, root: Json, at: string, seen = new Set<unknown>()): string[] {
  if (node === true) return [`${at || "(input)"}: any value`];
  if (!node || typeof node !== "object") return [];
  const s = node as Json;
  if (typeof s.$ref === "string") {
    const target = s.$ref.replace(/^#\/(\$defs|definitions)\//, "");
    const defs = (root.$defs ?? root.definitions ?? {}) as Record<string, unknown>;
    if (seen.has(target)) return [];
    return unbounded(defs[target], root, at, new Set([...seen, target]));
  }
  const out: string[] = [];
  for (const key of ["anyOf", "oneOf", "allOf"] as const)
    if (Array.isArray(s[key])) for (const branch of s[key] as unknown[]) out.push(...unbounded(branch, root, at, seen));
  if (s.not) out.push(...unbounded(s.not, root, at, seen));
  if ("enum" in s || "const" in s || s[BOUNDED_MARK]) return out;
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  if (types.length === 0 && !s.anyOf && !s.oneOf && !s.allOf && !s.not && !s.properties && !s.items)
    out.push(`${at || "(input)"}: a value of any shape`);
  if (types.includes("string") && typeof s.maxLength !== "number")
    out.push(`${at || "(input)"}: string without maxLength`);
  if (types.includes("array")) {
    if (typeof s.maxItems !== "number" && !(Array.isArray(s.prefixItems) && s.items === false))
      out.push(`${at || "(input)"}: array without maxItems`);
    if (Array.isArray(s.prefixItems))
      (s.prefixItems as unknown[]).forEach((p, i) => out.push(...unbounded(p, root, `${at}[${i}]`, seen)));
    if (s.items && s.items !== false) out.push(...unbounded(s.items, root, `${at}[]`, seen));
  }
  if (types.includes("object") || s.properties) {
    for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, unknown>))
      out.push(...unbounded(v, root, at ? `${at}.${k}` : k, seen));
    const extra = s.additionalProperties;
    const open = extra !== undefined && extra !== false;
    if (open && typeof s.maxProperties !== "number" && !(s.propertyNames && "enum" in (s.propertyNames as Json)))
      out.push(`${at || "(input)"}: object with free-form keys and no maxProperties`);
    if (open && extra !== true) out.push(...unbounded(extra, root, `${at}{}`, seen));
    if (s.patternProperties)
      for (const v of Object.values(s.patternProperties as Record<string, unknown>))
        out.push(...unbounded(v, root, `${at}{}`, seen));
  }
  return out;
}

/** Every unbounded field of every procedure, as "path: field: what is missing". */
export function unboundedInputs(): string[] {
  const out: string[] = [];
  for (const path of Object.keys(procedures).sort())
    for (const input of procedures[path]!._def.inputs) {
      const json = toJson(input);
      out.push(...unbounded(json, json, "").map((f) => `${path} ${f}`));
    }
  return out;
}

describe("[SECURITY] every input field has a maximum", () => {
  it("finds the unbounded fields it is meant to find", () => {
    const probe = (schema: ZodType) => {
      const json = toJson(schema);
      return unbounded(json, json, "");
    };
    expect(probe(z.object({ a: z.string() }))).toEqual(["a: string without maxLength"]);
    expect(probe(z.object({ a: z.array(z.string().max(3)) }))).toEqual(["a: array without maxItems"]);
    expect(probe(z.object({ a: z.record(z.string().max(9), z.number()) }))).toEqual([
      "a: object with free-form keys and no maxProperties",
    ]);
    expect(probe(z.object({ a: z.unknown() }))).toEqual(["a: a value of any shape"]);
    expect(
      probe(
        z.object({
          a: z
            .string()
            .max(3)
            .transform((s) => s.length),
        }),
      ),
    ).toEqual([]);
    expect(probe(z.object({ a: z.date(), b: z.enum(["x", "y"]), c: z.literal("z"), d: z.number() }))).toEqual([]);
    expect(probe(z.void())).toEqual([]);
    expect(probe(z.object({ a: z.array(z.object({ b: z.string() })).max(2) }))).toEqual([
      "a[].b: string without maxLength",
    ]);
  });

  it("every procedure of appRouter bounds every string, array and free-form object of its input", () => {
    expect(Object.keys(procedures).length).toBeGreaterThan(50);
    expect(unboundedInputs()).toEqual([]);
  });
});
