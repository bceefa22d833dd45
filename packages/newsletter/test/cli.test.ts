import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createNewsletter } from "../src/index.js";
import { Clock, CONSENT_TEXT, MemoryTransport, quietLogger, SECRET, tokenFrom } from "./helpers.js";

const run = promisify(execFile);
const pkg = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "vaart-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", path.join(pkg, "src/cli.ts"), ...args],
      {
        cwd: pkg,
        env: {
          PATH: process.env.PATH ?? "",
          NODE_ENV: "test",
          DATA_DIR: dir,
          NEWSLETTER_SECRET: SECRET,
          ...env,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
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
});
