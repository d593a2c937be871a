/**
 * How a new password the policy refused reads to its user: the translated sentence that says what
 * to fix. Pure; apart from account-rules.ts because the policy carries its list of common passwords,
 * which the browser's bundle must not.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from "@/server/auth/password-policy";
import type { Refusal } from "./account-rules";

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password.`,
  tooLong: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  common: "This password is too common or easy to guess. Choose a longer, less predictable one.",
  personal: "Do not build the password from your name or email address.",
};

/** The sentence that tells a user what to fix about a new password the policy refused. */
export function passwordRefusal(problem: PasswordProblem): Refusal {
  return {
    message: PASSWORD_MESSAGES[problem],
    messageKey: `errors.password.${problem}`,
    values: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
  };
}
