/**
 * The confirmation-mail queue (src/mail/queue.server.ts): leases, retries, abandoned and
 * rejected mail, and mail held back by the site-wide hourly cap.
 */
import { describe, expect, it } from "vitest";
import {
  afterFailure,
  cancel,
  claim,
  type Delivery,
  type DeliveryPatch,
  defer,
  enqueue,
  failed,
  mailState,
  rejected,
  requeue,
  retryDelayMs,
  sent,
} from "../src/mail/queue.server.js";
import { ctx, DRIVERS, form, setup, tokenFrom } from "./helpers.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe.each(DRIVERS)("claims and rejections (%s)", (driver) => {
  it("each claim's lease runs from the claim, not from the start of a long resend run", async () => {
    const env = await setup(driver);
    const { newsletter, transport, clock } = env;
    transport.failNext = 3;
    for (const n of [1, 2, 3])
      await newsletter.subscribe(form(env, { email: `lang${n}@example.nl` }), ctx);
    clock.advance(10 * MINUTE); // the retries are due
    const other = env.another();
    const original = transport.send.bind(transport);
    let nested = false;
    transport.send = async (mail) => {
      clock.advance(3 * MINUTE); // a slow mail server: each send takes 3 minutes
      if (mail.to === "lang3@example.nl" && !nested) {
        nested = true;
        // Another instance's cron run while the third mail is being sent.
        await other.resendPending();
      }
      return original(mail);
    };
    const report = await newsletter.resendPending();
    expect(report).toMatchObject({ due: 3, sent: 3 });
    expect(transport.sent.map((m) => m.to).sort()).toEqual([
      "lang1@example.nl",
      "lang2@example.nl",
      "lang3@example.nl",
    ]);
  });

  it("a permanent 5xx rejection is never retried or requeued", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    let attempts = 0;
    transport.send = async () => {
      attempts += 1;
      const error = new Error("550 5.1.1 <weg@example.nl>: Recipient address rejected") as Error & {
        responseCode: number;
      };
      error.responseCode = 550;
      throw error;
    };
    await newsletter.subscribe(form(env, { email: "weg@example.nl" }), ctx);
    expect(attempts).toBe(1);
    env.clock.advance(DAY);
    expect(await newsletter.resendPending()).toMatchObject({ due: 0 });
    expect(await newsletter.resendPending({ includeAbandoned: true })).toMatchObject({
      due: 0,
      requeued: 0,
    });
    expect(attempts).toBe(1);
    expect(await newsletter.stats()).toMatchObject({ mailFailures: 1, mailRejected: 1 });
  });

  it("the site-wide hourly cap stores signups and mails them later; none lost", async () => {
    const env = await setup(driver, { maxConfirmationMailsPerHour: 2 });
    const { newsletter, transport } = env;
    for (let i = 0; i < 5; i += 1) {
      expect(
        await newsletter.subscribe(form(env, { email: `piek${i}@example.nl` }), {
          ...ctx,
          ip: `192.0.2.${i}`,
        }),
      ).toMatchObject({ status: "ok" });
    }
    expect(transport.sent).toHaveLength(2);
    expect(await newsletter.counts()).toMatchObject({ subscribers: 5 });
    expect(await newsletter.resendPending()).toMatchObject({ due: 0 });
    env.clock.advance(HOUR);
    expect(await newsletter.resendPending()).toMatchObject({ due: 2, sent: 2 });
    env.clock.advance(HOUR);
    expect(await newsletter.resendPending()).toMatchObject({ due: 1, sent: 1 });
    expect(new Set(transport.sent.map((m) => m.to)).size).toBe(5);
  });
});

describe.each(DRIVERS)("confirmation mail retries (%s)", (driver) => {
  it("counts only consecutive failures: after many sends one failure is still retried", async () => {
    const env = await setup(driver, {
      retry: { baseDelayMs: 5 * MINUTE, maxDelayMs: 60 * MINUTE, maxAttempts: 3 },
      rateLimits: { perMailbox: { max: 10, windowMs: 30 * 24 * 60 * MINUTE } },
    });
    const { newsletter, transport } = env;
    await newsletter.subscribe(form(env, { email: "geduld@example.nl" }), ctx);
    for (let i = 0; i < 3; i += 1) {
      env.clock.advance(11 * MINUTE);
      await newsletter.requestNewConfirmation("geduld@example.nl", ctx);
    }
    expect(transport.sent).toHaveLength(4);
    env.clock.advance(11 * MINUTE);
    transport.failNext = 1;
    await newsletter.requestNewConfirmation("geduld@example.nl", ctx);
    expect(transport.sent).toHaveLength(4);
    env.clock.advance(5 * MINUTE);
    expect(await newsletter.resendPending()).toEqual({ due: 1, sent: 1, failed: 0, requeued: 0 });
    expect(transport.sent).toHaveLength(5);
    expect(await newsletter.confirm(tokenFrom(transport.sent[4], "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
  });

  it("a new request starts the failure count afresh, and --include-abandoned requeues given-up mail", async () => {
    const env = await setup(driver, {
      retry: { baseDelayMs: 5 * MINUTE, maxDelayMs: 60 * MINUTE, maxAttempts: 2 },
    });
    const { newsletter, transport } = env;
    transport.failNext = Number.POSITIVE_INFINITY;
    await newsletter.subscribe(form(env, { email: "storing@example.nl" }), ctx);
    env.clock.advance(5 * MINUTE);
    expect(await newsletter.resendPending()).toEqual({ due: 1, sent: 0, failed: 1, requeued: 0 });
    // Given up after two consecutive failures: nothing is due any more.
    env.clock.advance(24 * 60 * MINUTE);
    expect(await newsletter.resendPending()).toEqual({ due: 0, sent: 0, failed: 0, requeued: 0 });
    expect((await newsletter.stats()).mailFailures).toBe(1);

    // The visitor asks again while mail is still down: one failure, but retried.
    await newsletter.requestNewConfirmation("storing@example.nl", ctx);
    env.clock.advance(5 * MINUTE);
    expect(await newsletter.resendPending()).toEqual({ due: 1, sent: 0, failed: 1, requeued: 0 });
    env.clock.advance(24 * 60 * MINUTE);
    expect(await newsletter.resendPending()).toEqual({ due: 0, sent: 0, failed: 0, requeued: 0 });

    // Mail works again; the owner requeues what was abandoned.
    transport.failNext = 0;
    expect(await newsletter.resendPending({ includeAbandoned: true })).toEqual({
      due: 1,
      sent: 1,
      failed: 0,
      requeued: 1,
    });
    expect((await newsletter.stats()).mailFailures).toBe(0);
    expect(
      await newsletter.confirm(tokenFrom(transport.to("storing@example.nl")[0], "bevestigen")),
    ).toMatchObject({ status: "confirmed" });
  });
});

describe("the queue's states and transitions (no database)", () => {
  const policy = { baseDelayMs: 5 * MINUTE, maxDelayMs: 60 * MINUTE, maxAttempts: 2 };
  const t0 = new Date("2026-11-27T12:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const apply = (d: Delivery, patch: DeliveryPatch): Delivery => ({
    ...d,
    ...patch,
    attempts: patch.attempts === "+1" ? d.attempts + 1 : (patch.attempts ?? d.attempts),
  });
  const idle: Delivery = {
    dueAt: null,
    claimedAt: null,
    attempts: 0,
    lastError: null,
    sentAt: null,
    outcome: null,
    rank: 1,
  };

  it("names every state the columns can hold, along the paths of the diagram", () => {
    expect(mailState(idle, t0).name).toBe("idle");
    const waiting = apply(idle, enqueue(t0, 10 * MINUTE, 2));
    expect(mailState(waiting, t0)).toEqual({
      name: "waiting",
      dueAt: at(10 * MINUTE).toISOString(),
    });
    expect(waiting).toMatchObject({ rank: 2, claimedAt: t0.toISOString(), attempts: 0 });
    // A lease that ends without an outcome makes the mail due.
    expect(mailState(waiting, at(10 * MINUTE)).name).toBe("due");
    const held = apply(waiting, defer(at(HOUR)));
    expect(mailState(held, at(30 * MINUTE)).name).toBe("waiting");
    expect(mailState(apply(held, claim(at(HOUR), 10 * MINUTE)), at(HOUR)).name).toBe("waiting");

    const once = apply(apply(waiting, failed()), afterFailure(policy, 1, "421 later", t0));
    expect(mailState(once, t0)).toMatchObject({ name: "retry-later", attempts: 1 });
    expect(once.dueAt).toBe(at(5 * MINUTE).toISOString());
    expect(mailState(once, at(5 * MINUTE)).name).toBe("due");
    const twice = apply(apply(once, failed()), afterFailure(policy, 2, "421 later", t0));
    expect(mailState(twice, at(DAY))).toEqual({
      name: "abandoned",
      attempts: 2,
      lastError: "421 later",
    });
    expect(mailState(apply(twice, requeue(at(DAY))), at(DAY))).toMatchObject({
      name: "due",
      attempts: 0,
    });
    // A new request starts afresh from any state.
    expect(apply(twice, enqueue(at(DAY), 10 * MINUTE, 1))).toMatchObject({
      attempts: 0,
      lastError: null,
    });

    const done = apply(once, sent(at(6 * MINUTE)));
    expect(mailState(done, at(DAY))).toEqual({
      name: "sent",
      sentAt: at(6 * MINUTE).toISOString(),
    });
    expect(done).toMatchObject({ attempts: 0, lastError: null, dueAt: null });
    const refused = apply(waiting, rejected("550 no such user"));
    expect(mailState(refused, at(DAY))).toEqual({
      name: "rejected",
      attempts: 1,
      lastError: "550 no such user",
    });
    expect(mailState(apply(waiting, cancel()), at(DAY)).name).toBe("idle");
    expect(retryDelayMs(policy, 10)).toBe(60 * MINUTE);
  });
});
