import { once } from "node:events";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsletter, createSmtpTransport, NewsletterConfigError } from "../src/index.js";
import { ctx, DRIVERS, form, SECRET, setup } from "./helpers.js";
import { SmtpSink } from "./smtp-sink.js";

const sink = new SmtpSink();
let smtpUrl = "";
beforeAll(async () => {
  smtpUrl = await sink.listen();
});
afterAll(async () => {
  await sink.close();
});

describe.each(DRIVERS)("SMTP_URL transport (%s)", (driver) => {
  it("delivers the confirmation mail over SMTP with one-click unsubscribe headers", async () => {
    const env = await setup(driver, { transport: undefined, smtpUrl });
    const before = sink.messages.length;
    const email = `smtp-${driver}@example.nl`;
    const result = await env.newsletter.subscribe(
      form(env, { email, firstName: "Anna\r\nBcc: x" }),
      ctx,
    );
    expect(result).toMatchObject({ status: "ok" });
    expect(sink.messages.length).toBe(before + 1);
    const message = sink.messages.at(-1);
    expect(message?.rcpts).toEqual([email]);
    // Folded header lines (RFC 5322) come unfolded.
    const head = message?.head ?? "";
    expect(head).toMatch(
      /^List-Unsubscribe: <https:\/\/www\.example\.nl\/nieuwsbrief\/afmelden\//m,
    );
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(head).toMatch(/^Reply-To: info@example\.nl$/m);
    expect(head).not.toMatch(/^Bcc:/im);
    expect((await env.newsletter.stats()).mailFailures).toBe(0);
  });

  it("keeps the signup when the SMTP server is down, and records why", async () => {
    const env = await setup(driver, { transport: undefined, smtpUrl: "smtp://127.0.0.1:9" });
    const result = await env.newsletter.subscribe(form(env, { email: "down@example.nl" }), ctx);
    expect(result).toMatchObject({ status: "ok" });
    const stats = await env.newsletter.stats();
    expect(stats.totals.pending).toBe(1);
    expect(stats.mailFailures).toBe(1);
  });
});

describe("SMTP timeouts stay below the mail lease", () => {
  const LEASE = 5 * 60_000;
  it("the SMTP transport is created with connection, greeting and socket timeouts of 30 s", async () => {
    const transport = createSmtpTransport("smtp://127.0.0.1:9");
    expect(transport.timeouts).toEqual({
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 30_000,
    });
    const { connectionTimeout, greetingTimeout, socketTimeout } = transport.timeouts;
    expect(connectionTimeout + greetingTimeout + socketTimeout).toBeLessThan(LEASE);
    await transport.close?.();
  });

  it("refuses a mail timeout that is not well below the lease, naming the option", () => {
    const make = () =>
      createNewsletter({
        siteUrl: "https://www.example.nl",
        mailFrom: "updates@example.nl",
        secret: SECRET,
        smtpUrl: "smtp://127.0.0.1:9",
        mailTimeoutMs: 120_000,
      });
    expect(make).toThrow(NewsletterConfigError);
    expect(make).toThrow(/mailTimeoutMs/);
  });
});

describe.each(DRIVERS)("SMTP server that never answers (%s)", (driver) => {
  it("gives up after the timeout, keeps the signup and schedules a retry", async () => {
    // Accepts the connection but never sends a greeting.
    const silent = createServer(() => {});
    silent.listen(0, "127.0.0.1");
    await once(silent, "listening");
    const address = silent.address();
    const silentPort = typeof address === "object" && address ? address.port : 0;
    try {
      const env = await setup(driver, {
        transport: undefined,
        smtpUrl: `smtp://127.0.0.1:${silentPort}`,
        mailTimeoutMs: 500,
      });
      const started = Date.now();
      const result = await env.newsletter.subscribe(form(env, { email: "stil@example.nl" }), ctx);
      expect(result).toMatchObject({ status: "ok" });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await env.newsletter.stats()).mailFailures).toBe(1);
    } finally {
      silent.close();
    }
  });
});
