import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsletter } from "../src/index.js";
import { quietLogger, runCli, SECRET } from "./helpers.js";
import { SmtpSink } from "./smtp-sink.js";
import { frozenUpdate, seedConfirmed } from "./update-fixtures.js";

const dir = mkdtempSync(path.join(tmpdir(), "vaart-sending-cli-"));
const sink = new SmtpSink();
let smtpUrl = "";
beforeAll(async () => {
  smtpUrl = await sink.listen();
});
afterAll(async () => {
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) =>
  runCli(args, { cwd: dir, env: { SMTP_URL: smtpUrl, NEWSLETTER_SEND_RATE: "50" } });

describe("the owner's sending commands", () => {
  it("show progress, pause, resume and send what is due, in Dutch", async () => {
    const newsletter = createNewsletter({
      dataDir: dir,
      siteUrl: "https://www.example.nl",
      mailFrom: "updates@example.nl",
      secret: SECRET,
      logger: quietLogger,
    });
    await newsletter.migrate();
    await seedConfirmed({ dataDir: dir }, 3, "cli-");
    expect((await newsletter.updates.start(frozenUpdate("cli-update"))).status).toBe("started");
    await newsletter.close();

    let r = await cli(["sending"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/update\s+status\s+publiek\s+verstuurd\s+mislukt\s+onzeker/);
    expect(r.stdout).toMatch(/cli-update\s+bezig\s+3\s+0/);

    r = await cli(["pause", "cli-update"]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/cli-update is gepauzeerd \(handmatig gepauzeerd\)/);
    r = await cli(["send-pending"]);
    expect(r.stdout).toMatch(/Verstuurd: 0/);
    expect(sink.messages).toHaveLength(0);
    r = await cli(["sending"]);
    expect(r.stdout).toMatch(/cli-update\s+gepauzeerd/);

    r = await cli(["resume", "cli-update"]);
    expect(r.stdout).toMatch(/wordt weer verstuurd/);
    r = await cli(["send-pending"]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/Verstuurd: 3.*klaar: cli-update/);
    expect(sink.messages).toHaveLength(3);

    r = await cli(["sending", "--watch"]);
    expect(r.stdout).toMatch(/cli-update\s+klaar\s+3\s+3/);
    expect(r.stdout).toMatch(/Niets meer onderweg/);

    r = await cli(["uncertain", "cli-update"]);
    expect(r.stdout).toMatch(/geen onzekere verzendingen/);

    r = await cli(["pause", "bestaat-niet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Er is geen Update "bestaat-niet"/);
    r = await cli(["pause"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/geef precies één <slug>/);
  });

  it("send <file> freezes the Update file once and its mails carry the subscriber's name", async () => {
    const updates = path.join(dir, "updates");
    mkdirSync(updates, { recursive: true });
    const file = path.join(updates, "2027-02-updates.md");
    writeFileSync(
      file,
      "---\nsubject: Updates februari\ndate: 2027-02-01\n---\n\nEen korte Update om te versturen.\n",
    );
    await seedConfirmed({ dataDir: dir }, 2, "bestand-", "Bram");
    const before = sink.messages.length;

    let r = await cli(["send", file]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/2027-02-updates wordt verstuurd naar \d+ abonnee/);
    r = await cli(["send", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/een tweede keer versturen kan niet/);

    r = await cli(["send-pending"]);
    expect(r).toMatchObject({ code: 0 });
    const mails = sink.messages.slice(before).filter((m) => m.to.startsWith("bestand-"));
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.head).toMatch(/^Subject: Updates februari/m);
      expect(mail.data).toContain("Hallo Bram,");
      expect(mail.data).toContain("Een korte Update om te versturen.");
    }

    // A broken file is refused with its problem named, and nothing starts.
    writeFileSync(file.replace("2027-02", "2027-04"), "---\nsubject: Kapot\n---\n\nTekst.\n");
    r = await cli(["send", file.replace("2027-02", "2027-04")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2027-04-updates\.md.*date/);
    r = await cli(["sending"]);
    expect(r.stdout).not.toMatch(/2027-04-updates/);
  });
});
