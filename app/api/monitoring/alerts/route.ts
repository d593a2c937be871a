import { getDb } from "@/server/db";
import { handleMonitoringAlert } from "@/server/monitoring/http";

export const dynamic = "force-dynamic";

/** The vendor's monitoring posts signed anomaly alerts here (server/monitoring, decision 028). */
export async function POST(req: Request) {
  return handleMonitoringAlert(req, getDb(), () => new Date());
}
