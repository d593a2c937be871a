import type { Role } from "@/db/schema/enums";

/** What a signed-in session carries everywhere on the server. */
export type SessionUser = {
  id: number;
  role: Role;
  organizationId: number | null;
  name: string;
  email: string;
  /** A customer who administers their own organization's people (absent: false). */
  orgAdmin?: boolean;
};
