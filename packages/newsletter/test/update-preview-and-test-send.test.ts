import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailTransport } from "../src/index.js";
import { sendTestUpdate } from "../src/updates/test-send.server.js";
import { freezeUpdateFile } from "../src/updates/update-files.server.js";
import { dumpTables, SIGNUP_TABLES } from "./db-rows.js";
import {
  ctx,
  DRIVERS,
  form,
  PG_URL,
  runCli,
  setup,
  setupMigrated,
  type TestEnv,
  tokenFrom,
} from "./helpers.js";
import { header, headOf, part, SmtpSink } from "./smtp-sink.js";

const pkg = path.resolve(import.meta.dirname, "..");
const repo = path.resolve(pkg, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "vaart-update-cli-"));
const UPDATE = path.join(repo, "apps/site/content/updates/2026-12-updates.md");
const SUBJECT = "Updates december: vertrouwen in de keten begint bij de eigen tafel";

const sink = new SmtpSink();
let smtpUrl = "";
beforeAll(async () => {
  smtpUrl = await sink.listen();
});
afterAll(async () => {
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, {
    cwd: dir,
    env: {
      SITE_URL: "https://www.example.nl",
      NEWSLETTER_MAIL_FROM: "Vaart in samenwerken <updates@example.nl>",
      ...env,
    },
  });

/** Every row of every newsletter table, Updates and deliveries included. */
const everyRow = (env: TestEnv) =>
  dumpTables(env, [...SIGNUP_TABLES, "newsletter_updates", "newsletter_deliveries"]);

describe("pnpm newsletter check", () => {
  it("passes the Updates in the repository and names file and problem of a broken one", async () => {
    const ok = await cli(["check"]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain(
      `OK  apps/site/content/updates/2026-12-updates.md  2026-12-01  ${SUBJECT}`,
    );

    const broken = path.join(dir, "2027-02-updates.md");
    writeFileSync(
      broken,
      '---\nsubject: "Hallo\\nBcc: x@example.nl"\ndate: 2027-02-01\n---\n\n[x](javascript:alert(1))\n',
    );
    const result = await cli(["check", UPDATE, broken]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("OK  apps/site/content/updates/2026-12-updates.md");
    expect(result.stderr).toContain(`${broken} heeft 2 problemen:`);
    expect(result.stderr).toContain('regel 2, veld "subject": bevat een regeleinde');
    expect(result.stderr).toContain(
      'regel 6: de link "javascript:alert(1)" kan niet in een Update',
    );
    expect(result.stderr).toContain("1 van de 2 Update(s) heeft problemen.");
  });
});

describe("pnpm newsletter preview", () => {
  it("writes the mail as .eml (a MIME message) and .html, greeting an example name", async () => {
    const out = path.join(dir, "voorbeeld");
    const result = await cli(["preview", UPDATE, "--out", out]);
    expect(result).toMatchObject({ code: 0 });
    const eml = path.join(out, "2026-12-updates.eml");
    const html = path.join(out, "2026-12-updates.html");
    expect(result.stdout).toContain(eml);
    expect(result.stdout).toContain(html);

    const message = readFileSync(eml, "utf8");
    const head = headOf(message);
    expect(header(head, "Subject")).toBe(SUBJECT);
    expect(header(head, "From")).toBe("Vaart in samenwerken <updates@example.nl>");
    expect(head).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(head).toMatch(/^MIME-Version: 1\.0$/m);
    const text = part(message, "text/plain") ?? "";
    expect(text).toContain("Hallo Anna,\n\nDit is de eerste Update");
    expect(text).toContain(
      "Bekijk deze Update in je browser: https://www.example.nl/nieuwsbrief/archief/2026-12-updates",
    );
    expect(text).toContain(
      "Afmelden met één klik: https://www.example.nl/nieuwsbrief/afmelden/voorbeeld",
    );
    const htmlPart = part(message, "text/html") ?? "";
    expect(htmlPart).toContain(">Hallo Anna,</p>");
    expect(readFileSync(html, "utf8")).toBe(htmlPart.replace(/\r\n/g, "\n"));
  });

  it("refuses a file with problems, naming them, and writes nothing", async () => {
    const broken = path.join(dir, "zonder-datum.md");
    writeFileSync(broken, "---\nsubject: Zonder datum\n---\n\nTekst.\n");
    const out = path.join(dir, "niets");
    const result = await cli(["preview", broken, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${broken}: veld "date" ontbreekt`);
    expect(() => readFileSync(path.join(out, "zonder-datum.eml"))).toThrow();
  });
});

describe.each(DRIVERS)("pnpm newsletter send --test (%s)", (driver) => {
  it("sends only to the test addresses, subject prefixed [TEST], and records nothing", async () => {
    const env = await setup(driver);
    // A confirmed subscriber who is also one of the test addresses.
    await env.newsletter.subscribe(form(env, { email: "lid@example.nl", firstName: "Lid" }), ctx);
    await env.newsletter.confirm(tokenFrom(env.transport.to("lid@example.nl")[0], "bevestigen"));
    const before = await everyRow(env);
    const databaseUrl =
      driver === "postgres"
        ? `${PG_URL}?options=${encodeURIComponent(`-c search_path=${env.options.pgSchema}`)}`
        : `sqlite:${path.join(env.options.dataDir ?? "", "vaart.sqlite")}`;
    const received = sink.messages.length;

    const result = await cli(["send", UPDATE, "--test", "lid@example.nl", "Test@Example.nl"], {
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
    });
    expect(result.stderr).toBe("");
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(
      `Testmail "[TEST] ${SUBJECT}" verstuurd naar lid@example.nl (smtp)`,
    );
    expect(result.stdout).toContain("Niets vastgelegd");

    const mails = sink.messages.slice(received);
    expect(mails.map((m) => m.to)).toEqual(["lid@example.nl", "Test@example.nl"]);
    for (const mail of mails) {
      expect(header(mail.head, "Subject")).toBe(`[TEST] ${SUBJECT}`);
      expect(header(mail.head, "To")).toBe(mail.to);
      expect(part(mail.data, "text/plain")).toContain("Hallo,\n\nDit is de eerste Update");
      expect(part(mail.data, "text/html")).toContain("Bekijk deze Update in je browser");
    }
    expect(await everyRow(env)).toBe(before);
  });
});

describe("send --test refuses what it cannot send", () => {
  it("names each address that is not valid, and sends nothing", async () => {
    const received = sink.messages.length;
    const result = await cli(
      ["send", UPDATE, "--test", "goed@example.nl", "--test", "geen-adres"],
      {
        SMTP_URL: smtpUrl,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Testadres niet goed — "geen-adres": /);
    expect(sink.messages.length).toBe(received);
  });

  it("reports an address the mail server did not take, and goes on with the others", async () => {
    const failing: MailTransport = {
      name: "failing",
      async send(mail) {
        if (mail.to === "stuk@example.nl") throw new Error("550 mailbox unavailable");
      },
    };
    const report = await sendTestUpdate(UPDATE, ["stuk@example.nl", "heel@example.nl"], {
      site: { siteUrl: "https://www.example.nl", siteName: "Vaart in samenwerken" },
      sender: { from: "updates@example.nl", replyTo: "info@example.nl" },
      transport: failing,
    });
    expect(report).toMatchObject({
      subject: `[TEST] ${SUBJECT}`,
      sent: ["heel@example.nl"],
      failed: [{ to: "stuk@example.nl", error: "550 mailbox unavailable" }],
    });
  });
});

describe.each(DRIVERS)(
  "an Update's text from the studio: freeze, preview, test send, start (%s)",
  (driver) => {
    it("uses the newsletter's own settings and transport, and the same start as `send`", async () => {
      const env = await setupMigrated(driver);
      const text = readFileSync(UPDATE, "utf8");
      const frozen = env.newsletter.updates.freeze({ file: "2026-12-updates.md", text });
      expect(frozen.slug).toBe("2026-12-updates");
      expect(frozen.sourceHash).toBe(
        createHash("sha256").update(readFileSync(UPDATE)).digest("hex"),
      );
      // The same as the file's freeze the CLI uses.
      const fromFile = await freezeUpdateFile(UPDATE, {
        siteUrl: "https://www.example.nl",
        siteName: "Vaart in samenwerken",
      });
      expect(frozen).toEqual({ ...fromFile, slug: "2026-12-updates" });

      const mail = env.newsletter.updates.previewMail(frozen);
      expect(mail.subject).toBe(SUBJECT);
      expect(mail.text).toContain("Hallo Anna,");
      expect(mail.html).toContain("https://www.example.nl/nieuwsbrief/afmelden/voorbeeld");

      const before = await everyRow(env);
      const report = await env.newsletter.updates.sendTest(frozen, ["proef@example.nl"]);
      expect(report.sent).toEqual(["proef@example.nl"]);
      expect(env.transport.to("proef@example.nl")[0]?.subject).toBe(`[TEST] ${SUBJECT}`);
      expect(await everyRow(env)).toBe(before);
      await expect(env.newsletter.updates.sendTest(frozen, ["geen-adres"])).rejects.toThrow(
        /Testadres niet goed — "geen-adres"/,
      );
      expect(() =>
        env.newsletter.updates.freeze({
          file: "kapot.md",
          text: "---\ndate: 2026-12-01\n---\n\nx\n",
        }),
      ).toThrow(/veld "subject" ontbreekt/);

      expect((await env.newsletter.updates.start(frozen)).status).toBe("started");
      expect((await env.newsletter.updates.start(frozen)).status).toBe("already-started");
    });
  },
);
