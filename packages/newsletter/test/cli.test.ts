import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createNewsletter } from "../src/index.js";
import {
  Clock,
  CONSENT_TEXT,
  MemoryTransport,
  quietLogger,
  runCli,
  SECRET,
  tokenFrom,
} from "./helpers.js";

const pkg = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "vaart-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI typed in the test folder on its data, unless the test says otherwise. */
const cli = (
  args: string[],
  env: Record<string, string> = {},
  options: { cwd?: string; dataDir?: string } = {},
) => runCli(args, { cwd: options.cwd ?? dir, dataDir: options.dataDir ?? dir, env });

/** A fresh data folder with one confirmed subscriber, filled through the API as the site would. */
async function dataWithSubscriber(): Promise<string> {
  const data = mkdtempSync(path.join(dir, "data-"));
  const clock = new Clock(Date.now() - 60_000);
  const transport = new MemoryTransport();
  const nl = createNewsletter({
    dataDir: data,
    siteUrl: "https://www.example.nl",
    mailFrom: "updates@example.nl",
    secret: SECRET,
    now: clock.now,
    transport,
    logger: quietLogger,
  });
  const formToken = nl.issueFormToken();
  clock.advance(5_000);
  await nl.subscribe(
    { email: "lid@example.nl", consent: "yes", formToken },
    { consentText: CONSENT_TEXT, source: "voorjaarscampagne", ip: "203.0.113.1" },
  );
  // The confirmation mail goes out after the answer, in the background.
  const mail = await vi.waitFor(
    () => transport.to("lid@example.nl")[0] ?? Promise.reject(new Error("no mail yet")),
    { timeout: 10_000 },
  );
  await nl.confirm(tokenFrom(mail, "bevestigen"));
  await nl.close();
  return data;
}

/** A port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("pnpm newsletter <command> (SQLite)", () => {
  it("migrates, reports stats per source, exports confirmed subscribers, resends what is due", async () => {
    expect(await cli(["migrate"])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("Applied 0001_initial"),
    });
    expect(await cli(["migrate"])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("up to date"),
    });

    // Fill the database through the API, as the site would.
    // A day ago, so the failed mail's retry is due for the CLI, which runs on real time.
    const clock = new Clock(Date.now() - 86_400_000);
    const transport = new MemoryTransport();
    const nl = createNewsletter({
      dataDir: dir,
      siteUrl: "https://www.example.nl",
      mailFrom: "updates@example.nl",
      secret: SECRET,
      now: clock.now,
      transport,
      logger: quietLogger,
      // Wait for each confirmation mail, so the transport can be read right after subscribe().
      firstSendWaitMs: 30_000,
    });
    const signup = async (email: string, source: string) => {
      const formToken = nl.issueFormToken();
      clock.advance(5_000);
      return nl.subscribe(
        { email, consent: "yes", formToken, firstName: "=cmd|' /C calc'!A0" },
        {
          consentText: CONSENT_TEXT,
          source,
          ip: "203.0.113.1",
        },
      );
    };
    await signup("een@example.nl", "/artikelen/gelijkwaardigheid");
    await signup("twee@example.nl", "voorjaarscampagne");
    await signup("drie@example.nl", "voorjaarscampagne");
    await nl.confirm(tokenFrom(transport.to("twee@example.nl")[0], "bevestigen"));
    transport.failNext = 1;
    await signup("vier@example.nl", "voorjaarscampagne");
    await nl.close();

    const stats = await cli(["stats"]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/voorjaarscampagne\s+2\s+1\s+0\s+3/);
    expect(stats.stdout).toMatch(/\/artikelen\/gelijkwaardigheid\s+1\s+0\s+0\s+1/);
    expect(stats.stdout).toMatch(/TOTAAL\s+3\s+1\s+0\s+4/);
    expect(stats.stdout).toContain("1 aanmelding(en) wachten");
    const json = JSON.parse((await cli(["stats", "--json"])).stdout);
    expect(json.totals).toEqual({ pending: 3, confirmed: 1, unsubscribed: 0, total: 4 });

    const exported = await cli(["export"]);
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("twee@example.nl");
    expect(lines[1]).toContain("'=cmd|' /C calc'!A0"); // formula neutralised
    const out = path.join(dir, "export.csv");
    expect((await cli(["export", "--out", out])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(exported.stdout);

    // The failed mail is due after the back-off; the default outbox transport writes it.
    const resend = await cli(["resend-pending"]);
    expect(resend).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/Due: 1, sent: 1, failed: 0/),
    });
    const eml = readdirSync(path.join(dir, "outbox"));
    expect(eml).toHaveLength(1);
    expect(readFileSync(path.join(dir, "outbox", eml[0] ?? ""), "utf8")).toMatch(
      /^To: vier@example\.nl$/m,
    );
    expect(resend.stderr).toContain("/nieuwsbrief/bevestigen/"); // link logged
    expect((await cli(["resend-pending"])).stdout).toMatch(/Due: 0, sent: 0, failed: 0/);
    // The signups are a day old: with a 30-day cut-off nothing goes; with a shorter one the
    // three never-confirmed ones do (the confirmed one stays).
    expect((await cli(["prune"])).stdout).toMatch(/^Pruned 0 signup\(s\)/);
    expect(await cli(["prune", "--older-than-days", "0.5"])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Pruned 3 signup\(s\) never confirmed/),
    });
    expect(await cli(["resend-pending", "--include-abandoned"])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/Due: 0, sent: 0, failed: 0/),
    });
  });

  it("names the variable when the configuration is wrong, and explains usage", async () => {
    const bad = await cli(["stats"], { SITE_URL: "not a url" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("SITE_URL");
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Usage: pnpm newsletter");
  });

  it("writes --out relative to the folder the command was typed in, also through the package script", async () => {
    const data = await dataWithSubscriber();
    const typedIn = mkdtempSync(path.join(dir, "typed-"));
    const direct = await cli(
      ["export", "--out", "direct.csv"],
      {},
      { cwd: typedIn, dataDir: data },
    );
    expect(direct.code).toBe(0);
    expect(readFileSync(path.join(typedIn, "direct.csv"), "utf8")).toContain("lid@example.nl");
    // `pnpm --filter @vaart/newsletter cli`: pnpm runs it in the package folder and passes
    // the folder it was typed in as INIT_CWD.
    const viaScript = await cli(
      ["export", "--out", "script.csv"],
      { INIT_CWD: typedIn, npm_package_json: path.join(pkg, "package.json") },
      { cwd: pkg, dataDir: data },
    );
    expect(viaScript.code).toBe(0);
    expect(viaScript.stderr).toContain(path.join(typedIn, "script.csv"));
    expect(readFileSync(path.join(typedIn, "script.csv"), "utf8")).toContain("lid@example.nl");
    expect(existsSync(path.join(pkg, "script.csv"))).toBe(false);
  });

  it("refuses to write an export inside a git working tree unless --allow-inside-repo is given", async () => {
    const data = await dataWithSubscriber();
    const repo = mkdtempSync(path.join(dir, "repo-"));
    mkdirSync(path.join(repo, ".git"));
    mkdirSync(path.join(repo, "exports"));
    const refused = await cli(
      ["export", "--out", "exports/subs.csv"],
      {},
      { cwd: repo, dataDir: data },
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`inside the git working tree ${repo}`);
    expect(refused.stderr).toContain("--allow-inside-repo");
    expect(existsSync(path.join(repo, "exports/subs.csv"))).toBe(false);
    const allowed = await cli(
      ["export", "--out", "exports/subs.csv", "--allow-inside-repo"],
      {},
      { cwd: repo, dataDir: data },
    );
    expect(allowed.code).toBe(0);
    expect(readFileSync(path.join(repo, "exports/subs.csv"), "utf8")).toContain("lid@example.nl");
  });

  it("names each missing variable once and explains local defaults once", async () => {
    const bad = await cli(["stats"], { NODE_ENV: "production", NEWSLETTER_SECRET: "" });
    expect(bad.code).toBe(1);
    for (const variable of ["SITE_URL", "NEWSLETTER_SECRET", "NEWSLETTER_MAIL_FROM", "SMTP_URL"]) {
      expect(bad.stderr.split(variable).length - 1, variable).toBe(1);
    }
    expect(bad.stderr.match(/local defaults/g)).toHaveLength(1);
    expect(bad.stderr.match(/VAART_LOCAL_DEFAULTS=1/g)).toHaveLength(1);
  });

  it("says when a failed confirmation mail is tried next, in resend-pending and stats", async () => {
    const data = mkdtempSync(path.join(dir, "data-"));
    // The signup's mail failed a day ago, so it is due now.
    const clock = new Clock(Date.now() - 86_400_000);
    const transport = new MemoryTransport();
    const nl = createNewsletter({
      dataDir: data,
      siteUrl: "https://www.example.nl",
      mailFrom: "updates@example.nl",
      secret: SECRET,
      now: clock.now,
      transport,
      logger: quietLogger,
    });
    const formToken = nl.issueFormToken();
    clock.advance(5_000);
    transport.failNext = 1;
    await nl.subscribe(
      { email: "later@example.nl", consent: "yes", formToken },
      { consentText: CONSENT_TEXT, source: "voorjaarscampagne", ip: "203.0.113.1" },
    );
    await nl.close();

    // The mail server refuses the connection: the send fails again and is rescheduled.
    const smtp = { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` };
    const resend = await cli(["resend-pending"], smtp, { dataDir: data });
    expect(resend.code).toBe(1);
    expect(resend.stdout).toMatch(/Due: 1, sent: 0, failed: 1/);
    expect(resend.stdout).toMatch(
      /Next try of 1 failed mail\(s\): \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Amsterdam\), in \d+ min/,
    );
    const stats = await cli(["stats"], smtp, { dataDir: data });
    expect(stats.code).toBe(0);
    expect(stats.stdout).toContain("1 aanmelding(en) wachten");
    expect(stats.stdout).toMatch(
      /Volgende poging: \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Amsterdam\), over \d+ min/,
    );
  });
});
