"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, FormAlert, inputBase, StatusNote, useServerErrorText } from "@/components/admin/controls";
import { useTRPC } from "@/components/trpc/client";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { EscalationRouteMode, ProductArea } from "@/db/schema/enums";

type Route = { productArea: ProductArea; mode: EscalationRouteMode; experts: { id: number; name: string }[] };
type Candidate = { id: number; name: string; role: string };

/** One product area's route: on call or least loaded, and the area's experts. */
function RouteRow({ route, candidates }: { route: Route; candidates: Candidate[] }) {
  const t = useTranslations("escalationRoutes");
  const tt = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useServerErrorText();
  const [mode, setMode] = useState(route.mode);
  const [experts, setExperts] = useState(route.experts.map((e) => e.id));
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(
    trpc.tickets.saveEscalationRoute.mutationOptions({
      onSuccess: () => {
        setDone(t("saved"));
        router.refresh();
      },
    }),
  );
  const area = tt(`tickets.productAreas.${route.productArea}`);
  return (
    <form
      aria-label={area}
      className="rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        save.mutate({ productArea: route.productArea, mode, expertIds: experts });
      }}
    >
      <h2 className="text-base font-semibold text-slate-900">{area}</h2>
      <div className="mt-3 flex flex-wrap items-start gap-6">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">{t("mode")}</span>
          <select
            className={`mt-1 ${inputBase}`}
            value={mode}
            onChange={(e) => setMode(e.target.value as EscalationRouteMode)}
          >
            <option value="on_call">{t("modes.on_call")}</option>
            <option value="least_loaded">{t("modes.least_loaded")}</option>
          </select>
        </label>
        <fieldset className="text-sm">
          <legend className="font-medium text-slate-700">{t("experts")}</legend>
          <div className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-3">
            {candidates.map((c) => (
              <label key={c.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={experts.includes(c.id)}
                  onChange={() => setExperts((x) => (x.includes(c.id) ? x.filter((y) => y !== c.id) : [...x, c.id]))}
                />
                {c.name} <span className="text-xs text-slate-500">{tt(`roles.${c.role}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <p className="mt-2 text-xs text-slate-500">{t(mode === "on_call" ? "help.on_call" : "help.least_loaded")}</p>
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={!hydrated || save.isPending}>
          {t("save")}
        </Button>
        <StatusNote message={done} />
      </div>
      {save.error ? <FormAlert>{errorText(save.error)}</FormAlert> : null}
    </form>
  );
}

export function EscalationRoutesEditor({ routes, candidates }: { routes: Route[]; candidates: Candidate[] }) {
  return (
    <div className="space-y-4">
      {routes.map((r) => (
        <RouteRow key={r.productArea} route={r} candidates={candidates} />
      ))}
    </div>
  );
}
