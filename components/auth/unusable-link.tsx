import Link from "@/components/ui/link";
import { AuthFrame } from "./auth-frame";

/** A page for a mailed link that no longer works (expired, used): why, and where to get a new one. */
export function UnusableLink({
  title,
  message,
  href,
  action,
}: {
  title: string;
  message: string;
  href: string;
  action: string;
}) {
  return (
    <AuthFrame title={title}>
      <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {message}
      </p>
      <Link
        href={href}
        className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        {action}
      </Link>
    </AuthFrame>
  );
}
