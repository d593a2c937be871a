import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { withoutEmptyParams } from "./proxy";

const get = (url: string, method = "GET") => {
  const to = withoutEmptyParams(new NextRequest(`http://127.0.0.1:3000${url}`, { method }));
  return to && to.pathname + to.search;
};

describe("a page's address keeps only the filters that were filled in", () => {
  it("drops the empty fields a filter form submits, keeping the others in order", () => {
    expect(get("/tickets?status=&area=voice_calling&q=")).toBe("/tickets?area=voice_calling");
    expect(get("/incidents?severity=&region=")).toBe("/incidents");
  });

  it("leaves a clean address, the API and other methods alone", () => {
    expect(get("/tickets?status=open")).toBeNull();
    expect(get("/tickets")).toBeNull();
    expect(get("/api/trpc/tickets.list?input=")).toBeNull();
    expect(get("/tickets?status=", "POST")).toBeNull();
  });
});
