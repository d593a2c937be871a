/** The length rule of new passwords (password-policy.ts has the rest); light enough for the browser. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** "tooShort" or "tooLong" when a new password's length is outside the rule; counts characters, not UTF-16 units. */
export function passwordLengthProblem(password: string): "tooShort" | "tooLong" | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  return null;
}
