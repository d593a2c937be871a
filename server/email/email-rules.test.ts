import { describe, expect, it } from "vitest";
import {
  classifyRecipient,
  replyAddress,
  ticketFromToken,
  ticketMessageId,
  ticketRootMessageId,
  ticketsFromMessageIds,
  ticketToken,
} from "./addresses";
import { ignoreReason } from "./classify";
import { renderMarkdown } from "@/server/kb/markdown";
import { htmlToMarkdown } from "./html";
import { keepLineBreaks } from "./plain";
import { defaultDelivery, deliveryFor } from "./preferences";
import { REPLY_ABOVE_MARKER, trimReply } from "./trim";

const KEY = "unit-test-key";
const SUPPORT = ["support@attain.test", "help@attain.test"];

describe("[EMAIL] reply addresses and message ids", () => {
  it("a ticket's reply address routes back to it; a wrong signature or a foreign address names nothing", () => {
    const address = replyAddress("support@attain.test", 42, KEY);
    expect(address).toMatch(/^support\+t42-[a-z2-7]{10}@attain\.test$/);
    expect(classifyRecipient(address.toUpperCase(), SUPPORT, KEY)).toEqual({ kind: "ticket", ticketId: 42 });
    expect(classifyRecipient("Support@Attain.test", SUPPORT, KEY)).toEqual({ kind: "support" });
    expect(classifyRecipient(address.replace("t42", "t43"), SUPPORT, KEY)).toEqual({ kind: "other" });
    expect(classifyRecipient("sales@attain.test", SUPPORT, KEY)).toEqual({ kind: "other" });
    expect(classifyRecipient(address.replace("support", "sales"), SUPPORT, KEY)).toEqual({ kind: "other" });
    expect(ticketFromToken(ticketToken(7, KEY), "another-key")).toBeNull();
  });

  it("our message ids in References name the ticket, newest reference first; other systems' ids name nothing", () => {
    const root = ticketRootMessageId(5, KEY, "attain.test");
    const one = ticketMessageId(9, KEY, "attain.test", "abc.123");
    expect(ticketsFromMessageIds(["<x@gmail.com>", root, one], KEY, "attain.test")).toEqual([9, 5]);
    expect(ticketsFromMessageIds([one], KEY, "elsewhere.example")).toEqual([]);
    expect(ticketsFromMessageIds(["<t9-aaaaaaaaaa@attain.test>"], KEY, "attain.test")).toEqual([]);
  });
});

describe("[EMAIL] what is not a person's mail", () => {
  const mail = (headers: Record<string, string>, extra: Partial<Parameters<typeof ignoreReason>[0]> = {}) =>
    ignoreReason({
      headers,
      envelopeFrom: "a@b.example",
      fromAddress: "a@b.example",
      contentType: "text/plain",
      subject: "Help",
      ...extra,
    });
  it("auto-replies, bounces and list mail are recognised by their headers", () => {
    expect(mail({ "auto-submitted": "auto-replied" })).toBe("auto_reply");
    expect(mail({ "auto-submitted": "no" })).toBeNull();
    expect(mail({ "x-autoreply": "yes" })).toBe("auto_reply");
    expect(mail({ precedence: "bulk" })).toBe("list");
    expect(mail({ "list-id": "<dev.lists.example>" })).toBe("list");
    expect(mail({}, { envelopeFrom: "" })).toBe("bounce");
    expect(mail({}, { fromAddress: "MAILER-DAEMON@b.example" })).toBe("bounce");
    expect(mail({}, { contentType: "multipart/report; report-type=delivery-status; boundary=x" })).toBe("bounce");
    expect(mail({}, { subject: "Out of Office: back Monday" })).toBe("auto_reply");
    expect(mail({}, { subject: "自动回复：我正在休假" })).toBe("auto_reply");
    expect(mail({})).toBeNull();
  });
});

describe("[EMAIL] the new text of a reply", () => {
  it("cuts Gmail's attribution and the quoted history below it", () => {
    expect(
      trimReply("Android 14.\n\nOn Fri, 4 Dec 2026 at 10:30, Attain <support@attain.test> wrote:\n> Which version?\n"),
    ).toBe("Android 14.");
  });
  it("cuts an attribution wrapped over two lines, and a Chinese one", () => {
    expect(
      trimReply("Yes.\n\nOn Fri, Dec 4, 2026 at 10:30 AM Attain Support <\nsupport@attain.test> wrote:\n> old"),
    ).toBe("Yes.");
    expect(trimReply("好的，已升级。\n\n在 2026年12月4日 10:30，Attain Support 写道：\n> 请升级")).toBe(
      "好的，已升级。",
    );
  });
  it("cuts Outlook's header block, a signature and a phone's footer, and our own marker", () => {
    expect(trimReply("Done.\n\n________________________________\nFrom: Attain\nSent: Friday\nTo: Dana\n\nold")).toBe(
      "Done.",
    );
    expect(trimReply("Done.\n-- \nDana\nNimbus Live")).toBe("Done.");
    expect(trimReply("Done.\n\nSent from my iPhone")).toBe("Done.");
    expect(trimReply(`Thanks!\n\n${REPLY_ABOVE_MARKER}\nTicket #4 ...`)).toBe("Thanks!");
  });
  it("drops the rule Outlook draws above the quoted message (an HTML reply, converted)", () => {
    expect(trimReply(`我们在华为手机上也复现了。\n\n张三\n\n* * *\n\n${REPLY_ABOVE_MARKER}\nWe received`)).toBe(
      "我们在华为手机上也复现了。\n\n张三",
    );
  });
  it("keeps answers written between quotes, and a text with nothing quoted", () => {
    const inline = "> Which version?\nAndroid 14.\n> Which SDK?\n4.3.1";
    expect(trimReply(inline)).toBe(inline);
    expect(trimReply("Just a question.\nSecond line.")).toBe("Just a question.\nSecond line.");
  });
});

describe("[EMAIL] a plain-text mail keeps its lines", () => {
  it("a signature, an address or log lines stay on their own lines when the text is rendered as Markdown", () => {
    expect(keepLineBreaks("Thanks,\nDana\n\n12:00:01 frame dropped\n12:00:02 decoder stall")).toBe(
      "Thanks,  \nDana\n\n12:00:01 frame dropped  \n12:00:02 decoder stall",
    );
    const html = renderMarkdown(keepLineBreaks("Dana Li\nNimbus Live\n+1 555 0100"), "ticket").html;
    expect(html.match(/<br>/g)).toHaveLength(2);
  });
  it("leaves a fenced code block as it was written", () => {
    const fenced = "Log:\n```\nline one\nline two\n```\nEnd.";
    expect(keepLineBreaks(fenced)).toBe(fenced);
  });
});

describe("[EMAIL] HTML mail as Markdown", () => {
  it("keeps emphasis, lists and web links; drops scripts, images, unsafe links and the quoted block", () => {
    const md = htmlToMarkdown(
      `<p>Try <b>4.3.2</b> (<a href="https://docs.example/x">notes</a>, <a href="javascript:alert(1)">bad</a>)</p>` +
        `<ul><li>one</li><li>two</li></ul><script>alert(1)</script><img src="cid:logo">` +
        `<div class="gmail_quote">On Fri wrote:<blockquote>old</blockquote></div>`,
    );
    expect(md).toBe("Try **4.3.2** ([notes](https://docs.example/x), bad)\n\n-   one\n-   two");
  });
});

describe("[EMAIL] notification preferences", () => {
  it("a person's choice wins; without one, the role's default; pages always go by email", () => {
    expect(deliveryFor("customer", "reply", {})).toBe("email");
    expect(deliveryFor("customer", "reply", { reply: "in_app" })).toBe("in_app");
    expect(deliveryFor("agent", "review_shared", {})).toBe("in_app");
    expect(deliveryFor("executive", "status_changed", {})).toBe("digest");
    expect(deliveryFor("agent", "page", { sla: "in_app" })).toBe("email");
    expect(defaultDelivery("account_manager", "sla")).toBe("digest");
  });
});
