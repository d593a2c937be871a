/**
 * Freezes a value and everything inside it, for values held in memory and handed to many requests
 * (decoded session claims, parsed review snapshots): a caller that changed one would change it for
 * every later reader, so none can.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
