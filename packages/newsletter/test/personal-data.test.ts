/** No address, token or confirmation link in a production log line or a stored error. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createNewsletter, createNewsletterFromEnv, type OutgoingMail } from "../src/index.js";
import { tableRows } from "./db-rows.js";
import { Clock, ctx, DRIVERS, form, SECRET, setup } from "./helpers.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each(DRIVERS)("logs and stored errors (%s)", (driver) => {
  it("no address, token or link in any log line or stored error in production", async () => {
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const dir = mkdtempSync(path.join(tmpdir(), "vaart-logs-"));
    const failing = {
      name: "smtp-like",
      async send(mail: OutgoingMail) {
        const error = new Error(
          `Can't send mail - all recipients were rejected: 450 4.2.0 <${mail.to}>: try later; see ${mail.link}`,
        ) as Error & { responseCode: number };
        error.responseCode = 450;
        throw error;
      },
    };
    const env = await setup(driver, { logger: { info: log, warn: log, error: log } });
    const outboxEnv = {
      SITE_URL: "https://www.example.nl",
      NEWSLETTER_SECRET: SECRET,
      NEWSLETTER_MAIL_FROM: "updates@example.nl",
      NEWSLETTER_MAIL_TRANSPORT: "outbox",
      DATA_DIR: dir,
      ...(driver === "postgres"
        ? { DATABASE_URL: env.options.databaseUrl ?? "" }
        : { DATABASE_URL: `sqlite:${path.join(dir, "p.sqlite")}` }),
    };
    const prod = createNewsletterFromEnv(
      { ...outboxEnv, NODE_ENV: "production" },
      {
        pgSchema: env.options.pgSchema,
        now: env.clock.now,
        logger: { info: log, warn: log, error: log },
        firstSendWaitMs: 30_000, // the test reads the log right after subscribe()
      },
    );
    const failingProd = createNewsletter({
      ...env.options,
      transport: failing,
      logger: { info: log, warn: log, error: log },
    });
    try {
      await prod.subscribe(form(env, { email: "geheim@example.nl" }), ctx);
      await failingProd.subscribe(form(env, { email: "ook-geheim@example.nl" }), ctx);
      env.clock.advance(HOUR);
      await failingProd.resendPending();
      const outbox = readdirSync(path.join(dir, "outbox"));
      expect(outbox).toHaveLength(1);
      const eml = readFileSync(path.join(dir, "outbox", outbox[0] ?? ""), "utf8").replace(
        /=\r?\n/g,
        "",
      );
      const link = /\/nieuwsbrief\/bevestigen\/([A-Za-z0-9_-]{43})/.exec(eml)?.[1] ?? "";
      expect(link).not.toBe("");
      const text = lines.join("\n");
      expect(lines.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/@example\.nl/);
      expect(text).not.toContain("/nieuwsbrief/");
      expect(text).not.toContain(link);
      const subs = await tableRows<{ mail_last_error: string | null }>(
        env,
        "newsletter_subscribers",
      );
      const errors = subs.map((s) => s.mail_last_error).filter(Boolean);
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e).not.toMatch(/@|https?:|nieuwsbrief/);
        expect(e).toContain("450 4.2.0 <address>");
      }
    } finally {
      await prod.close();
      await failingProd.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("outbox in production", () => {
  it("writes the mail but keeps the confirmation link out of the log", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vaart-prod-outbox-"));
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const clock = new Clock();
    const newsletter = createNewsletterFromEnv(
      {
        NODE_ENV: "production",
        DATA_DIR: dir,
        DATABASE_URL: `sqlite:${path.join(dir, "prod.sqlite")}`,
        SITE_URL: "https://www.example.nl",
        NEWSLETTER_MAIL_FROM: "updates@example.nl",
        NEWSLETTER_SECRET: SECRET,
        NEWSLETTER_MAIL_TRANSPORT: "outbox",
      },
      // The test reads the outbox right after subscribe(): wait for the send.
      { now: clock.now, logger: { info: log, warn: log, error: log }, firstSendWaitMs: 30_000 },
    );
    try {
      const formToken = newsletter.issueFormToken();
      expect(
        await newsletter.subscribe({ email: "prod@example.nl", consent: "yes", formToken }, ctx),
      ).toMatchObject({ status: "ok" });
      const files = readdirSync(path.join(dir, "outbox"));
      expect(files).toHaveLength(1);
      expect(readFileSync(path.join(dir, "outbox", files[0] ?? ""), "utf8")).toContain(
        "/nieuwsbrief/bevestigen/",
      );
      expect(lines.join("\n")).toContain("written to");
      expect(lines.join("\n")).not.toContain("/bevestigen/");
      expect(lines.join("\n")).not.toContain("prod@example.nl");
    } finally {
      await newsletter.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
