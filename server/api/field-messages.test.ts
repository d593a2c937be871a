import { describe, expect, it } from "vitest";
import { z } from "zod";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import { fieldMessages } from "./field-messages";

const schema = z.object({
  productArea: z.enum(["voice_calling", "video_calling"]),
  subject: z.string().trim().min(5, "Please write a subject of at least 5 characters.").max(200),
  reason: z.string().trim().min(1),
  note: z.string().max(10),
  watchers: z.array(z.string().email()).max(1),
  startedAt: z.date(),
  count: z.number().int().min(1).max(5),
  code: z.string().refine((v) => v === "ok", { message: "Not ok", params: { messageKey: "errors.badQuarter" } }),
});

function refusals(input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a refusal");
  return fieldMessages(parsed.error);
}

const lookup = (catalogue: unknown, key: string): unknown =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);

describe("field messages", () => {
  const out = refusals({
    productArea: "",
    subject: "abc",
    reason: "  ",
    note: "x".repeat(11),
    watchers: ["a@b.example", "c@d.example"],
    startedAt: null,
    count: 9,
    code: "no",
  });

  it("an empty choice asks to choose, not 'Invalid option: expected one of ...'", () => {
    expect(out.productArea).toEqual([{ key: "errors.field.choose" }]);
  });

  it("lengths name the bound the schema sets; an empty required text asks to fill it in", () => {
    expect(out.subject).toEqual([{ key: "errors.field.tooShort", values: { min: 5 } }]);
    expect(out.reason).toEqual([{ key: "errors.field.required" }]);
    expect(out.note).toEqual([{ key: "errors.field.tooLong", values: { max: 10 } }]);
    expect(out.watchers).toEqual([{ key: "errors.field.tooMany", values: { max: 1 } }]);
    expect(out.count).toEqual([{ key: "errors.field.tooBig", values: { max: 5 } }]);
    expect(out.startedAt).toEqual([{ key: "errors.field.date" }]);
  });

  it("a refinement that names its own sentence keeps it", () => {
    expect(out.code).toEqual([{ key: "errors.badQuarter" }]);
  });

  it("an address that is not one asks for an email address", () => {
    expect(refusals({ watchers: ["nope"] }).watchers).toEqual([{ key: "errors.field.email" }]);
  });

  it("every key it can name is a sentence in English and in Chinese, without zod's words", () => {
    const keys = [
      "required",
      "choose",
      "chooseOne",
      "tooShort",
      "tooLong",
      "tooFew",
      "tooMany",
      "tooSmall",
      "tooBig",
      "number",
      "date",
      "url",
      "format",
      "email",
      "invalid",
    ].map((k) => `errors.field.${k}`);
    for (const key of [...keys, "errors.form.invalid", "errors.form.summaryItem"])
      for (const catalogue of [en, zh]) {
        const text = lookup(catalogue, key);
        expect(typeof text, key).toBe("string");
        expect(text as string).not.toMatch(/expected|Invalid input|Invalid option/);
      }
  });
});
