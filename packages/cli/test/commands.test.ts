import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const scratch = mkdtempSync(path.join(tmpdir(), "vaart-commands-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The environment of a shell, not of the pnpm script running these tests. */
function shellEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(npm_|pnpm_|INIT_CWD$|NODE_ENV$|VITEST)/i.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

/** `pnpm <args>` typed in the repository root, as the READMEs say. */
async function pnpm(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run("pnpm", args, { cwd: repoRoot, env: shellEnv(env) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const pnpmNoise = /ELIFECYCLE|ERR_PNPM|Command failed|^\$ /m;

describe("pnpm newsletter / pnpm campaign from the repository root", () => {
  // A first call after a source change bundles the command and says so on stderr; the
  // assertions below are about a command that is already built.
  beforeAll(async () => {
    await pnpm(["newsletter", "--help"]);
    await pnpm(["campaign", "--help"]);
  }, 300_000);

  it("a configuration error shows only our message, with exit code 1", async () => {
    const result = await pnpm(["newsletter", "stats"], {
      NODE_ENV: "production",
      DATA_DIR: path.join(scratch, "data"),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Invalid configuration: SITE_URL must be set/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(pnpmNoise);
  });

  it("a usage error shows only the usage, with exit code 2", async () => {
    const result = await pnpm(["newsletter", "frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(pnpmNoise);
  });

  it("a campaign file with 15-04-2027 gets one message naming the fix, and exit code 1", async () => {
    const good = readFileSync(
      path.join(repoRoot, "apps/landing/campaigns/webinar-ketensamenwerking.yaml"),
      "utf8",
    );
    expect(good).toMatch(/^ {4}date: 2027-03-12$/m);
    const file = path.join(scratch, "webinar.yaml");
    writeFileSync(file, good.replace(/^ {4}date: 2027-03-12$/m, "    date: 15-04-2027"));
    const result = await pnpm(["campaign", "check", file]);
    expect(result.code).toBe(1);
    const problems = result.stderr.split("\n").filter((line) => line.startsWith("  - "));
    expect(problems).toEqual([
      '  - block 2 (event), field "date" must be a date written as YYYY-MM-DD, e.g. 2027-03-12 (15-04-2027 is day-month-year: write 2027-04-15) (line 19)',
    ]);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(pnpmNoise);
  });

  it("an unknown campaign command shows only the usage, with exit code 1", async () => {
    const result = await pnpm(["campaign", "frobnicate"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Usage: pnpm campaign");
    expect(`${result.stdout}${result.stderr}`).not.toMatch(pnpmNoise);
  });

  it("the repository's own campaign files pass", async () => {
    // An empty data folder: what a developer's local database holds is not the files' check.
    const result = await pnpm(["campaign", "check"], { DATA_DIR: path.join(scratch, "leeg") });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^campaigns: \d+ OK/) });
  });
});
