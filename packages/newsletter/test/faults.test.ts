import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createNewsletter, messages } from "../src/index.js";
import { unsubscribeToken } from "../src/tokens.server.js";
import { withDatabase } from "./db-rows.js";
import {
  Clock,
  ctx,
  DRIVERS,
  form,
  MemoryTransport,
  quietLogger,
  SECRET,
  setup,
  setupMigrated,
  type TestEnv,
  tokenFrom,
} from "./helpers.js";

const MINUTE = 60_000;

function collectingLogger() {
  const lines: string[] = [];
  return {
    lines,
    info() {},
    warn: (m: string) => lines.push(m),
    error: (m: string) => lines.push(m),
  };
}

/** Run raw SQL statements against the test database behind `env` (to break it on purpose). */
function rawSql(env: TestEnv, ...statements: string[]): Promise<void> {
  return withDatabase(env.options, async (handle) => {
    for (const statement of statements) await sql.raw(statement).execute(handle.db);
  });
}

const blockerDir = mkdtempSync(path.join(tmpdir(), "vaart-blocked-"));
const blocker = path.join(blockerDir, "not-a-folder");
writeFileSync(blocker, "");
afterAll(() => rmSync(blockerDir, { recursive: true, force: true }));

describe("database unavailable", () => {
  const unavailableCases = [
    [
      "PostgreSQL on a closed port",
      { databaseUrl: "postgres://vaart:vaart@127.0.0.1:9/vaart_test" },
    ],
    // A data folder whose parent is a regular file: cannot be created, even as root.
    ["SQLite in a location that cannot be created", { dataDir: path.join(blocker, "data") }],
  ] as const;

  it.each(unavailableCases)("%s: a clear error to the caller, no mail", async (_name, location) => {
    const clock = new Clock();
    const transport = new MemoryTransport();
    const logger = collectingLogger();
    const newsletter = createNewsletter({
      siteUrl: "https://www.example.nl",
      mailFrom: "updates@example.nl",
      secret: SECRET,
      now: clock.now,
      transport,
      logger,
      ...location,
    });
    try {
      clock.advance(-5_000);
      const formToken = newsletter.issueFormToken();
      clock.advance(5_000);
      const fields = { email: "anna@example.nl", consent: "yes", formToken };
      const started = Date.now();
      expect(await newsletter.subscribe(fields, ctx)).toEqual({
        status: "unavailable",
        message: messages.unavailable,
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await newsletter.confirm("a".repeat(43))).toMatchObject({ status: "unavailable" });
      const unsub = unsubscribeToken([SECRET], "00000000-0000-4000-8000-000000000000");
      expect(await newsletter.unsubscribe(unsub)).toMatchObject({ status: "unavailable" });
      await expect(newsletter.stats()).rejects.toThrow();
      expect(transport.sent).toHaveLength(0);
      expect(logger.lines.join("\n")).toMatch(/nothing stored/);
    } finally {
      await newsletter.close();
    }
  });
});

describe.each(DRIVERS)("faults (%s)", (driver) => {
  it("a failure halfway through a signup leaves no partial state", async () => {
    const env = await setupMigrated(driver, { logger: quietLogger });
    // Break the second insert of the signup transaction.
    await (driver === "sqlite"
      ? rawSql(
          env,
          "CREATE TRIGGER break_consents BEFORE INSERT ON newsletter_consents BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
        )
      : rawSql(
          env,
          "CREATE FUNCTION break_consents() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$",
          "CREATE TRIGGER break_consents BEFORE INSERT ON newsletter_consents FOR EACH ROW EXECUTE FUNCTION break_consents()",
        ));
    const result = await env.newsletter.subscribe(form(env, { email: "half@example.nl" }), ctx);
    expect(result).toEqual({ status: "unavailable", message: messages.unavailable });
    expect(await env.newsletter.counts()).toEqual({ subscribers: 0, consents: 0, tokens: 0 });
    expect(env.transport.sent).toHaveLength(0);

    // Repaired: the same person can sign up normally.
    await rawSql(
      env,
      `DROP TRIGGER break_consents${driver === "sqlite" ? "" : " ON newsletter_consents"}`,
    );
    expect(
      await env.newsletter.subscribe(form(env, { email: "half@example.nl" }), ctx),
    ).toMatchObject({
      status: "ok",
    });
    expect(env.transport.sent).toHaveLength(1);
  });

  it("a failing mail transport keeps the signup pending with the failure recorded, and retries", async () => {
    const logger = collectingLogger();
    const env = await setup(driver, { logger });
    env.transport.failNext = Number.POSITIVE_INFINITY;
    const result = await env.newsletter.subscribe(form(env, { email: "retry@example.nl" }), ctx);
    expect(result).toEqual({ status: "ok", message: messages.checkMailbox });
    expect(env.transport.sent).toHaveLength(0);
    let stats = await env.newsletter.stats();
    expect(stats.totals.pending).toBe(1);
    expect(stats.mailFailures).toBe(1);
    expect(logger.lines.join("\n")).toMatch(/ECONNREFUSED.*|will retry/);

    // Not due yet: nothing is attempted.
    expect(await env.newsletter.resendPending()).toEqual({
      due: 0,
      sent: 0,
      failed: 0,
      requeued: 0,
    });
    // Due, but mail is still down: attempted, failed, kept.
    env.clock.advance(5 * MINUTE);
    expect(await env.newsletter.resendPending()).toEqual({
      due: 1,
      sent: 0,
      failed: 1,
      requeued: 0,
    });
    // Back-off doubles: due again after 10 more minutes, when mail works again.
    env.transport.failNext = 0;
    env.clock.advance(5 * MINUTE);
    expect(await env.newsletter.resendPending()).toEqual({
      due: 0,
      sent: 0,
      failed: 0,
      requeued: 0,
    });
    env.clock.advance(5 * MINUTE);
    expect(await env.newsletter.resendPending()).toEqual({
      due: 1,
      sent: 1,
      failed: 0,
      requeued: 0,
    });
    expect(env.transport.sent).toHaveLength(1);
    stats = await env.newsletter.stats();
    expect(stats.mailFailures).toBe(0);

    // Nothing more is due; the link in the retried mail works.
    env.clock.advance(24 * 60 * MINUTE);
    expect(await env.newsletter.resendPending()).toEqual({
      due: 0,
      sent: 0,
      failed: 0,
      requeued: 0,
    });
    expect(
      await env.newsletter.confirm(tokenFrom(env.transport.sent[0], "bevestigen")),
    ).toMatchObject({
      status: "confirmed",
    });
  });

  it("a mail claimed but never recorded as sent (crash) is sent again by resend-pending", async () => {
    const env = await setup(driver);
    // Simulate the process dying between storing the signup and sending: the transport
    // never returns, so the outcome is never recorded.
    let release: () => void = () => {};
    const hang = new Promise<void>((resolve) => {
      release = resolve;
    });
    const original = env.transport.send.bind(env.transport);
    let reachedSend: () => void = () => {};
    const sending = new Promise<void>((resolve) => {
      reachedSend = resolve;
    });
    env.transport.send = () => {
      reachedSend();
      return hang;
    };
    void env.newsletter.subscribe(form(env, { email: "crash@example.nl" }), ctx);
    await sending; // the signup is committed and the mail is "in flight" forever
    env.transport.send = original;

    const second = env.another();
    expect(await second.resendPending()).toEqual({ due: 0, sent: 0, failed: 0, requeued: 0 });
    env.clock.advance(6 * MINUTE); // past the 5-minute claim lease
    expect(await second.resendPending()).toEqual({ due: 1, sent: 1, failed: 0, requeued: 0 });
    expect(env.transport.to("crash@example.nl")).toHaveLength(1);
    release(); // let the first instance's send end, so that close() does not wait for it
  });
});
