/**
 * Freezes a value and everything inside it, for values held in memory and handed to many requests
 * (decoded session claims, parsed review snapshots): a caller that changed one would change it for
 * every later reader, so none can.
 */
export function deepFreeze<T>(value: T): T {
  // A Buffer or another typed array cannot be frozen (its elements are not properties).
  if (value && typeof value === "object" && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    // A Map's or a Set's entries are not properties: their values are frozen, the collection itself
    // (like a Date) cannot be frozen against its own methods.
    const inside = value instanceof Map || value instanceof Set ? value.values() : Object.values(value);
    for (const inner of inside) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
