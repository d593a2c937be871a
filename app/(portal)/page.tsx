import { redirect } from "next/navigation";
import { CustomerHome } from "@/components/home/customer-home";
import { ExecutiveHome } from "@/components/home/executive-home";
import { StaffHome } from "@/components/home/staff-home";
import { can } from "@/server/auth/permissions";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";

/** Each role's home: a customer sees their organization; staff the open queue; executives the tiers. */
export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  const api = await serverCaller();
  if (user.role === "customer") {
    const [overview, open, service] = await Promise.all([
      api.home.customer(),
      api.tickets.list({ status: "open", sort: "due", limit: 5 }),
      api.sla.ourService({}),
    ]);
    const quarter = service.columns.find((c) => c.kind === "quarter")!;
    const brief = {
      quarter: service.quarter,
      byMetric: quarter.byMetric,
      creditsCents: service.credits.reduce((s, c) => s + c.availabilityCreditCents + c.supportCreditCents, 0),
    };
    return <CustomerHome overview={overview} userName={user.name} openTickets={open.items} brief={brief} />;
  }
  if (user.role === "executive") return <ExecutiveHome tiers={await api.home.tiers()} userName={user.name} />;
  const [data, onCall] = await Promise.all([
    api.home.staff(),
    can(user, "oncall.read") ? api.onCall.now() : Promise.resolve(null),
  ]);
  return <StaffHome data={data} userName={user.name} onCall={onCall} />;
}
