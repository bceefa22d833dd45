import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createNewsletter, type OutgoingMail } from "@vaart/newsletter";
import { afterEach, describe, expect, it } from "vitest";
import { productionEnv, type RunningSite, startSite, tempDataDir } from "./server-process";

let site: RunningSite | undefined;
afterEach(() => {
  site?.child.kill("SIGKILL");
  site = undefined;
});

const outboxMails = (dir: string) => {
  try {
    return (
      readdirSync(path.join(dir, "outbox"))
        .filter((f) => f.endsWith(".eml"))
        // Folded header lines unfolded (RFC 5322) before matching.
        .map((f) => readFileSync(path.join(dir, "outbox", f), "utf8").replace(/\r?\n[ \t]+/g, " "))
    );
  } catch {
    return [];
  }
};

describe("the site's instances send the Updates", () => {
  it("a running site instance sends a started Update to its confirmed subscribers, then stops on SIGTERM", async () => {
    const dataDir = tempDataDir("site-updates");
    const env = productionEnv(dataDir, { NEWSLETTER_SEND_RATE: "50" });
    // Three confirmed subscribers and a started Update, as the owner's commands leave them.
    const links: string[] = [];
    const newsletter = createNewsletter({
      databaseUrl: env.DATABASE_URL,
      dataDir,
      siteUrl: String(env.SITE_URL),
      mailFrom: String(env.NEWSLETTER_MAIL_FROM),
      secret: String(env.NEWSLETTER_SECRET),
      firstSendWaitMs: 30_000,
      logger: { info() {}, warn() {}, error() {} },
      transport: {
        name: "memory",
        async send(mail: OutgoingMail) {
          if (mail.link) links.push(mail.link);
        },
      },
    });
    for (const name of ["anna", "bram", "cor"]) {
      await newsletter.subscribe(
        { email: `${name}@example.nl`, consent: "yes", formToken: newsletter.issueFormToken() },
        { consentText: "Ja, ik wil de Updates ontvangen.", ip: "203.0.113.9" },
      );
    }
    for (const link of links) {
      expect((await newsletter.confirm(link.split("/").at(-1))).status).toBe("confirmed");
    }
    const started = await newsletter.updates.start({
      slug: "eerste-update",
      subject: "De eerste Update",
      preheader: null,
      date: "2026-12-01",
      html: "<p>%%VAART_GREETING%%</p><p><a href='%%VAART_UNSUBSCRIBE_URL%%'>Afmelden</a></p>",
      text: "%%VAART_GREETING%%\n\nAfmelden: %%VAART_UNSUBSCRIBE_URL%%\n",
      webHtml: "<p>Nieuws</p>",
      sourceHash: "0".repeat(64),
    });
    expect(started).toMatchObject({ status: "started", audience: 3 });
    await newsletter.close();

    site = await startSite(env);
    const deadline = Date.now() + 30_000;
    while (outboxMails(dataDir).length < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const mails = outboxMails(dataDir);
    expect(mails).toHaveLength(3);
    for (const mail of mails) {
      expect(mail).toMatch(/^Message-ID: <eerste-update\.[0-9a-f-]{36}@www\.vaart\.example>$/m);
      expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    }
    const running = site;
    const exited = new Promise<number | null>((resolve) => running.child.once("exit", resolve));
    running.child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
