import { serverCaller } from "@/server/api/rsc";

/** One advisory for its pages; one that does not exist (or a draft for a visitor) is null. */
export async function loadAdvisory(raw: string) {
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : null;
  if (!id) return null;
  try {
    return await (await serverCaller()).advisories.get({ id });
  } catch (err) {
    if (err instanceof Error && "code" in err && (err as { code: string }).code === "NOT_FOUND") return null;
    throw err;
  }
}
