"use client";

/**
 * Signs out and returns to the sign-in page on the host the portal was opened on: next-auth would
 * send the browser to NEXTAUTH_URL's host (another name for the same portal signs the user out and
 * lands them on a host they never used), so the redirect is taken here, relative to this page.
 * next-auth's client (about 14 kB compressed with its helpers) is loaded on the click, not with
 * every page.
 */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={async () => {
        const { signOut } = await import("next-auth/react");
        await signOut({ redirect: false });
        window.location.assign(new URL("/signin", window.location.origin).href);
      }}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      {label}
    </button>
  );
}
