import { describe, expect, it } from "vitest";
import { datasetFingerprint } from "./fingerprint";

const files = [
  { path: "db/migrations/0000_init.sql", content: "CREATE TABLE t (id integer);" },
  { path: "db/seed/scale.ts", content: "export const x = 1;" },
];
const args = { tickets: 1000, articles: 10, anchor: null };

describe("datasetFingerprint", () => {
  it("is stable: the same sources and arguments give the same hex digest", () => {
    const a = datasetFingerprint(files, args);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(datasetFingerprint(files, { ...args })).toBe(a);
  });

  it("ignores the order files were listed in and the order of argument keys", () => {
    expect(datasetFingerprint([...files].reverse(), { anchor: null, articles: 10, tickets: 1000 })).toBe(
      datasetFingerprint(files, args),
    );
  });

  it("changes when a source file changes, is added or is renamed", () => {
    const base = datasetFingerprint(files, args);
    expect(datasetFingerprint([files[0]!, { ...files[1]!, content: "export const x = 2;" }], args)).not.toBe(base);
    expect(datasetFingerprint([...files, { path: "db/migrations/0001_more.sql", content: "" }], args)).not.toBe(base);
    expect(datasetFingerprint([files[0]!, { ...files[1]!, path: "db/seed/scale2.ts" }], args)).not.toBe(base);
  });

  it("changes when an argument changes", () => {
    expect(datasetFingerprint(files, { ...args, tickets: 1001 })).not.toBe(datasetFingerprint(files, args));
  });

  it("does not confuse content moving across a file boundary", () => {
    const a = datasetFingerprint(
      [
        { path: "a", content: "xy" },
        { path: "b", content: "z" },
      ],
      {},
    );
    const b = datasetFingerprint(
      [
        { path: "a", content: "x" },
        { path: "b", content: "yz" },
      ],
      {},
    );
    expect(a).not.toBe(b);
  });

  it("treats Windows and POSIX separators alike", () => {
    expect(datasetFingerprint([{ path: "db\\seed\\scale.ts", content: "1" }], {})).toBe(
      datasetFingerprint([{ path: "db/seed/scale.ts", content: "1" }], {}),
    );
  });
});
