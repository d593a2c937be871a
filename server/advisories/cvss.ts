/**
 * CVSS v3.1 base scores (pure): a vector is checked strictly here (prefix `CVSS:3.1/`, each base
 * metric once with a value the specification allows, known optional metrics only), then scored by
 * `ae-cvss-calculator` (decision 026), whose own parser is lenient. Severity follows the
 * specification's rating scale; a score of 0.0 (no impact) is not an advisory.
 */
import * as cvssLib from "ae-cvss-calculator";
import type { AdvisorySeverity } from "@/db/schema/enums";

// The package is a UMD bundle: bundlers see its named exports, Node's ESM loader only `default`.
const { Cvss3P1 } = (cvssLib as unknown as { default?: typeof cvssLib }).default ?? cvssLib;

const BASE: Record<string, readonly string[]> = {
  AV: ["N", "A", "L", "P"],
  AC: ["L", "H"],
  PR: ["N", "L", "H"],
  UI: ["N", "R"],
  S: ["U", "C"],
  C: ["H", "L", "N"],
  I: ["H", "L", "N"],
  A: ["H", "L", "N"],
};
const OPTIONAL: Record<string, readonly string[]> = {
  E: ["X", "U", "P", "F", "H"],
  RL: ["X", "O", "T", "W", "U"],
  RC: ["X", "U", "R", "C"],
  CR: ["X", "L", "M", "H"],
  IR: ["X", "L", "M", "H"],
  AR: ["X", "L", "M", "H"],
  MAV: ["X", "N", "A", "L", "P"],
  MAC: ["X", "L", "H"],
  MPR: ["X", "N", "L", "H"],
  MUI: ["X", "N", "R"],
  MS: ["X", "U", "C"],
  MC: ["X", "N", "L", "H"],
  MI: ["X", "N", "L", "H"],
  MA: ["X", "N", "L", "H"],
};

export type CvssResult = { vector: string; score: number; severity: AdvisorySeverity | null };

/** Whether a text is a complete CVSS v3.1 vector (every base metric once, valid values). */
export function isCvss31Vector(text: string): boolean {
  const parts = text.trim().split("/");
  if (parts.shift() !== "CVSS:3.1") return false;
  const seen = new Set<string>();
  for (const part of parts) {
    const [key, value, ...rest] = part.split(":");
    if (!key || value === undefined || rest.length > 0 || seen.has(key)) return false;
    const allowed = BASE[key] ?? OPTIONAL[key];
    if (!allowed?.includes(value)) return false;
    seen.add(key);
  }
  return Object.keys(BASE).every((k) => seen.has(k));
}

/** The specification's qualitative rating of a base score (0.0 is "none": returned as null). */
export function severityOf(score: number): AdvisorySeverity | null {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return null;
}

/** The base score and severity of a vector; null when it is not a valid v3.1 vector. */
export function scoreCvss(text: string): CvssResult | null {
  const vector = text.trim();
  if (!isCvss31Vector(vector)) return null;
  const scores = new Cvss3P1(vector).calculateScores();
  const score = Math.round((scores.base ?? 0) * 10) / 10;
  return { vector, score, severity: severityOf(score) };
}
