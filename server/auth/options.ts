import { eq, sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { users } from "@/db/schema";
import { ROLES } from "@/db/schema/enums";
import { getDb } from "@/server/db";
import { recordAudit } from "@/server/audit/service";
import { verifyPassword } from "./password";
import type { SessionUser } from "./session";

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1024) });
const ZSessionUser = z.object({
  id: z.number().int(),
  role: z.enum(ROLES),
  organizationId: z.number().int().nullable(),
  name: z.string(),
  email: z.string(),
});

/** Checks an email and password; the same null for an unknown email and a wrong password. */
export async function authenticate(raw: unknown): Promise<SessionUser | null> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const db = getDb();
  const user = db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, parsed.data.email))
    .get();
  if (!user || !user.active) return null;
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  const now = new Date();
  db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id)).run();
  recordAudit(db, { actorId: user.id, action: "sign_in", entity: "user", entityId: String(user.id), at: now });
  return { id: user.id, role: user.role, organizationId: user.organizationId, name: user.name, email: user.email };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const user = await authenticate(credentials);
        return user ? { ...user, id: String(user.id) } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as Omit<SessionUser, "id"> & { id: string };
        token.attain = { ...u, id: Number(u.id) };
      }
      return token;
    },
    session({ session, token }) {
      const parsed = ZSessionUser.safeParse(token.attain);
      return { ...session, attain: parsed.success ? parsed.data : null };
    },
  },
};
