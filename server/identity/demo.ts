/**
 * The demo's shared password. The demo seed gives it to every demo account and the sign-in page of
 * a demo installation prints it; in production mode (`ATTAIN_MODE=production`) it never signs
 * anyone in (server/auth/options.ts), and the password policy refuses it as a new password.
 */
export const DEMO_PASSWORD = "attain-demo";
