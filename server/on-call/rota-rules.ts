/**
 * What a rota, a shift and an override may be: each refusal is a translated sentence. Pure.
 */
import { DateTime } from "luxon";
import type { MessageValues } from "@/server/errors";
import { findOverlaps, isValidZone, localToInstant, type Shift } from "./rota";

export type Refusal = { message: string; messageKey: string; values?: MessageValues };

/** The longest shift or override: a month (longer ones are almost always a typing mistake). */
export const MAX_SHIFT_DAYS = 31;
/** The most people in a weekly rotation. */
export const MAX_MEMBERS = 52;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A rota's settings: a real zone, a local first handover that exists, distinct members. */
export function rotaRefusal(input: {
  timeZone: string;
  kind: "weekly" | "custom";
  startDate: string;
  handoverTime: string;
  members: number[];
}): Refusal | null {
  if (!isValidZone(input.timeZone)) return { message: "Choose a valid time zone.", messageKey: "onCall.errors.zone" };
  if (!HHMM.test(input.handoverTime) || !DateTime.fromISO(input.startDate).isValid)
    return { message: "Give the first handover as a date and a time (HH:mm).", messageKey: "onCall.errors.handover" };
  if (!localToInstant(`${input.startDate}T${input.handoverTime}`, input.timeZone))
    return {
      message: "That handover time does not exist in the rota's zone (the clocks skip it); choose another.",
      messageKey: "onCall.errors.handoverSkipped",
    };
  if (new Set(input.members).size !== input.members.length)
    return { message: "Each person may be in the rotation once.", messageKey: "onCall.errors.duplicateMember" };
  if (input.kind === "weekly" && input.members.length === 0)
    return { message: "A weekly rota needs at least one person.", messageKey: "onCall.errors.noMembers" };
  return null;
}

/**
 * A new shift or override entered as local times in the rota's zone: both must exist, the end
 * after the start, at most MAX_SHIFT_DAYS long, and not overlapping another of the same kind and role.
 * Returns the instants, or the refusal.
 */
export function shiftRefusal(
  input: { role: Shift["role"]; userId: number; startsLocal: string; endsLocal: string },
  timeZone: string,
  sameKind: Shift[],
): { refusal: Refusal } | { startsAt: Date; endsAt: Date } {
  const startsAt = localToInstant(input.startsLocal, timeZone);
  const endsAt = localToInstant(input.endsLocal, timeZone);
  if (!startsAt || !endsAt)
    return {
      refusal: {
        message: "Give the start and end as local times that exist in the rota's zone.",
        messageKey: "onCall.errors.localTime",
      },
    };
  if (endsAt <= startsAt)
    return { refusal: { message: "The end must be after the start.", messageKey: "onCall.errors.endBeforeStart" } };
  if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_DAYS * 86_400_000)
    return {
      refusal: {
        message: `A shift may last at most ${MAX_SHIFT_DAYS} days.`,
        messageKey: "onCall.errors.tooLong",
        values: { days: MAX_SHIFT_DAYS },
      },
    };
  const shift: Shift = { role: input.role, userId: input.userId, startsAt, endsAt };
  if (findOverlaps([...sameKind, shift]).some(([a, b]) => a === shift || b === shift))
    return {
      refusal: {
        message: "This overlaps another entry for the same role; change or remove that one first.",
        messageKey: "onCall.errors.overlap",
      },
    };
  return { startsAt, endsAt };
}
