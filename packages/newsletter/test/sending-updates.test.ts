import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsubscribeToken } from "../src/tokens.server.js";
import { withDatabase } from "./db-rows.js";
import { DRIVERS, SECRET, setupMigrated, type TestEnv } from "./helpers.js";
import { SmtpSink } from "./smtp-sink.js";
import { frozenUpdate, seedConfirmed } from "./update-fixtures.js";

const sink = new SmtpSink();
let smtpUrl = "";
beforeAll(async () => {
  smtpUrl = await sink.listen();
});
afterAll(() => sink.close());

/** A migrated newsletter sending over SMTP to the sink. */
function sending(driver: (typeof DRIVERS)[number], overrides = {}) {
  return setupMigrated(driver, {
    transport: undefined,
    smtpUrl,
    sendRate: 0,
    updateRetry: { baseDelayMs: 60_000, maxDelayMs: 3_600_000, maxAttempts: 3 },
    ...overrides,
  });
}

const to = (prefix: string) => sink.messages.filter((m) => m.to.startsWith(prefix));

function deliveries(env: TestEnv, slug: string) {
  return withDatabase(env.options, (handle) =>
    handle.db
      .selectFrom("newsletter_deliveries as d")
      .innerJoin("newsletter_subscribers as s", "s.id", "d.subscriber_id")
      .select(["s.email", "d.state", "d.attempts", "d.message_id", "d.last_error", "d.due_at"])
      .where("d.update_slug", "=", slug)
      .execute(),
  );
}

describe.each(DRIVERS)("sending an Update (%s)", (driver) => {
  it("mails every confirmed subscriber once, personal, with one-click unsubscribe, List-Id and a stable Message-ID", async () => {
    const env = await sending(driver);
    const prefix = `hdr-${driver}-`;
    await seedConfirmed(env.options, 3, prefix, "Anna <b>");
    const started = await env.newsletter.updates.start(
      frozenUpdate(`kopjes-${driver}`, { subject: "Nieuws\r\nBcc: stiekem@example.nl" }),
    );
    expect(started).toMatchObject({ status: "started", audience: 3 });
    const report = await env.newsletter.updates.sendPending();
    expect(report).toMatchObject({ sent: 3, failed: 0, uncertain: 0 });
    const mails = to(prefix);
    expect(mails).toHaveLength(3);
    const [mail] = mails;
    const head = mail?.head ?? "";
    expect(head).toMatch(
      /^List-Unsubscribe: <https:\/\/www\.example\.nl\/nieuwsbrief\/afmelden\/[A-Za-z0-9_-]+>, <mailto:info@example\.nl\?subject=afmelden>$/m,
    );
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(head).toMatch(/^List-Id: Vaart in samenwerken Updates <updates\.www\.example\.nl>$/im);
    expect(head).toMatch(
      new RegExp(`^Message-ID: <kopjes-${driver}\\.[0-9a-f-]{36}@www\\.example\\.nl>$`, "m"),
    );
    expect(head).toMatch(/^Date: .+ \+0000$/m);
    // The subject's line break cannot start a header of its own.
    expect(head).not.toMatch(/^Bcc:/im);
    expect(head).toMatch(/^Subject: Nieuws Bcc: stiekem@example\.nl$/m);
    // The greeting is escaped in the HTML part.
    expect(mail?.data).toContain("Hallo Anna &lt;b&gt;,");
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(3);
    const [progress] = await env.newsletter.updates.progress(`kopjes-${driver}`);
    expect(progress).toMatchObject({ status: "done", audience: 3, open: 0 });
    expect(progress?.counts.sent).toBe(3);
  });

  it("refuses a second start of the same Update, in Dutch, and changes nothing", async () => {
    const env = await sending(driver);
    await seedConfirmed(env.options, 2, `twice-${driver}-`);
    const first = await env.newsletter.updates.start(frozenUpdate("tweemaal"));
    expect(first.status).toBe("started");
    const second = await env.newsletter.updates.start(frozenUpdate("tweemaal"));
    expect(second).toMatchObject({ status: "already-started" });
    expect(second.message).toMatch(/wordt al verstuurd of is al verstuurd/);
    expect(await deliveries(env, "tweemaal")).toHaveLength(2);
    const bad = await env.newsletter.updates.start(frozenUpdate("Geen Slug!"));
    expect(bad).toMatchObject({ status: "invalid" });
    expect(bad.message).toMatch(/slug "Geen Slug!"/);
  });

  it("skips a subscriber who unsubscribes after the start", async () => {
    const env = await sending(driver);
    const prefix = `weg-${driver}-`;
    const ids = await seedConfirmed(env.options, 3, prefix);
    await env.newsletter.updates.start(frozenUpdate("afgemeld"));
    const unsub = await env.newsletter.unsubscribe(unsubscribeToken([SECRET], ids[1] ?? ""));
    expect(unsub.status).toBe("unsubscribed");
    const report = await env.newsletter.updates.sendPending();
    expect(report).toMatchObject({ sent: 2, skipped: 1 });
    expect(to(prefix).map((m) => m.to)).not.toContain(`${prefix}1@example.nl`);
    const [p] = await env.newsletter.updates.progress("afgemeld");
    expect(p?.counts).toMatchObject({ sent: 2, skipped: 1 });
    expect(p?.status).toBe("done");
  });

  it("retries a 4xx later and records the 250 then; a 5xx is failed and never retried", async () => {
    const env = await sending(driver);
    const prefix = `vier-${driver}-`;
    await seedConfirmed(env.options, 2, prefix);
    const answered = new Map<string, number>();
    sink.reply = (rcpt) => {
      const n = (answered.get(rcpt) ?? 0) + 1;
      answered.set(rcpt, n);
      if (rcpt === `${prefix}0@example.nl` && n === 1) return "451 4.7.1 probeer later";
      if (rcpt === `${prefix}1@example.nl`) return "550 5.1.1 onbekend adres";
      return "250 OK";
    };
    try {
      await env.newsletter.updates.start(frozenUpdate("vier-vijf"));
      const first = await env.newsletter.updates.sendPending();
      expect(first).toMatchObject({ sent: 0, retried: 1, failed: 1 });
      let rows = await deliveries(env, "vier-vijf");
      const retry = rows.find((r) => r.email === `${prefix}0@example.nl`);
      expect(retry).toMatchObject({ state: "pending", attempts: 1 });
      expect(retry?.last_error).toMatch(/451/);
      expect(rows.find((r) => r.email === `${prefix}1@example.nl`)).toMatchObject({
        state: "failed",
      });
      // Not due yet: nothing is sent before the backoff.
      expect((await env.newsletter.updates.sendPending()).sent).toBe(0);
      env.clock.advance(61_000);
      expect(await env.newsletter.updates.sendPending()).toMatchObject({ sent: 1, failed: 0 });
      rows = await deliveries(env, "vier-vijf");
      expect(rows.map((r) => r.state).sort()).toEqual(["failed", "sent"]);
      expect(to(prefix).map((m) => m.to)).toEqual([`${prefix}0@example.nl`]);
      expect(answered.get(`${prefix}1@example.nl`)).toBe(1);
      const [p] = await env.newsletter.updates.progress("vier-vijf");
      expect(p?.status).toBe("done");
    } finally {
      sink.reply = () => "250 OK queued";
    }
  });

  it("pauses itself after repeated temporary failures and says why; resume sends only to those not yet mailed", async () => {
    const env = await sending(driver, { pauseAfterFailures: 3, sendConcurrency: 1 });
    const prefix = `pauze-${driver}-`;
    await seedConfirmed(env.options, 8, prefix);
    let down = false;
    let count = 0;
    sink.reply = () => {
      count += 1;
      if (count === 3) down = true;
      return down ? "421 4.3.2 even niet" : "250 OK";
    };
    try {
      await env.newsletter.updates.start(frozenUpdate("pauze"));
      const report = await env.newsletter.updates.sendPending();
      expect(report.sent).toBe(2);
      expect(report.retried).toBe(3);
      let [p] = await env.newsletter.updates.progress("pauze");
      expect(p?.status).toBe("paused");
      expect(p?.pauseReason).toMatch(/automatisch gepauzeerd na 3 tijdelijke fouten.*421/);
      // Paused: nothing goes out, even when due.
      env.clock.advance(3_600_000);
      down = false;
      expect((await env.newsletter.updates.sendPending()).sent).toBe(0);
      expect((await env.newsletter.updates.resume("pauze")).status).toBe("ok");
      expect((await env.newsletter.updates.sendPending()).sent).toBe(6);
      [p] = await env.newsletter.updates.progress("pauze");
      expect(p).toMatchObject({ status: "done", open: 0 });
      const mails = to(prefix);
      expect(mails).toHaveLength(8);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(8);
      // The owner's pause and resume: a manual pause holds everything back.
      expect((await env.newsletter.updates.pause("pauze")).status).not.toBe("ok");
    } finally {
      sink.reply = () => "250 OK queued";
    }
  });

  it("a lease that ends: claimed rows are sent later, attempted ones are uncertain until the owner re-sends them", async () => {
    const env = await sending(driver, { updateLeaseMs: 120_000 });
    const prefix = `lease-${driver}-`;
    await seedConfirmed(env.options, 2, prefix);
    await env.newsletter.updates.start(frozenUpdate("lease"));
    // A crashed instance: one row claimed, one attempted, neither recorded.
    const leaseUntil = new Date(env.clock.now().getTime() + 120_000).toISOString();
    await withDatabase(env.options, async (handle) => {
      const rows = await handle.db
        .selectFrom("newsletter_deliveries")
        .select("subscriber_id")
        .execute();
      await handle.db
        .updateTable("newsletter_deliveries")
        .set({ state: "claimed", lease_owner: "dood", lease_until: leaseUntil })
        .where("subscriber_id", "=", rows[0]?.subscriber_id ?? "")
        .execute();
      await handle.db
        .updateTable("newsletter_deliveries")
        .set({ state: "attempted", lease_owner: "dood", lease_until: leaseUntil })
        .where("subscriber_id", "=", rows[1]?.subscriber_id ?? "")
        .execute();
    });
    // Within the lease nobody touches them.
    expect(await env.newsletter.updates.sendPending()).toMatchObject({ sent: 0 });
    env.clock.advance(121_000);
    const after = await env.newsletter.updates.sendPending();
    expect(after.recovered).toEqual({ released: 1, uncertain: 1 });
    expect(after.sent).toBe(1);
    const [p] = await env.newsletter.updates.progress("lease");
    expect(p).toMatchObject({ status: "done" });
    expect(p?.counts).toMatchObject({ sent: 1, uncertain: 1 });
    const uncertain = await env.newsletter.updates.uncertain("lease");
    expect(uncertain).toHaveLength(1);
    // Never re-sent by itself.
    expect((await env.newsletter.updates.sendPending()).sent).toBe(0);
    const again = await env.newsletter.updates.resendUncertain("lease");
    expect(again.requeued).toBe(1);
    expect((await env.newsletter.updates.sendPending()).sent).toBe(1);
    const mails = to(prefix);
    expect(mails).toHaveLength(2);
    expect(mails.at(-1)?.messageId).toBe(uncertain[0]?.messageId);
    expect((await env.newsletter.updates.progress("lease"))[0]?.status).toBe("done");
  });

  it("a stopping instance (SIGTERM) claims nothing more, hands back its claims and finishes the mails in flight", async () => {
    const env = await sending(driver, { sendConcurrency: 2, now: () => new Date() });
    const prefix = `stop-${driver}-`;
    await seedConfirmed(env.options, 40, prefix);
    await env.newsletter.updates.start(frozenUpdate("stoppen"));
    sink.delayMs = 150;
    try {
      const worker = env.newsletter.updates.worker({ idleMs: 50 });
      worker.start();
      while (to(prefix).length < 3) await new Promise((r) => setTimeout(r, 20));
      await worker.stop();
      const received = to(prefix).length;
      const rows = await deliveries(env, "stoppen");
      const states = rows.map((r) => r.state);
      // Nothing in between: every mail that went out is recorded sent, the rest is pending.
      expect(states.filter((s) => s === "claimed" || s === "attempted")).toEqual([]);
      expect(states.filter((s) => s === "sent")).toHaveLength(received);
      expect(states.filter((s) => s === "pending")).toHaveLength(40 - received);
      await new Promise((r) => setTimeout(r, 400));
      expect(to(prefix)).toHaveLength(received);
    } finally {
      sink.delayMs = 0;
    }
  });

  // 200–440 s on a loaded CI machine (one core busy besides the run).
  it("10,000 recipients: each delivered exactly once", { timeout: 1_200_000 }, async () => {
    const env = await sending(driver, { sendConcurrency: 8 });
    const prefix = `tienduizend-${driver}-`;
    const before = sink.messages.length;
    await seedConfirmed(env.options, 10_000, prefix);
    const started = await env.newsletter.updates.start(frozenUpdate("tienduizend"));
    expect(started).toMatchObject({ status: "started", audience: 10_000 });
    const report = await env.newsletter.updates.sendPending();
    expect(report.sent).toBe(10_000);
    const mails = sink.messages.slice(before).filter((m) => m.to.startsWith(prefix));
    expect(mails).toHaveLength(10_000);
    expect(new Set(mails.map((m) => m.to)).size).toBe(10_000);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(10_000);
    const [p] = await env.newsletter.updates.progress("tienduizend");
    expect(p).toMatchObject({ status: "done", open: 0 });
    expect(p?.counts.sent).toBe(10_000);
  });
});
