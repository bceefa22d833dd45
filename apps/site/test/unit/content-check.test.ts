import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const app = fileURLToPath(new URL("../../", import.meta.url));
const tsx = path.join(app, "node_modules/tsx/dist/cli.mjs");
const scratch = mkdtempSync(path.join(tmpdir(), "site-content-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The build's first step (`tsx scripts/check-content.ts`) on a copy of the content. */
async function checkContent(folder?: string) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [tsx, "scripts/check-content.ts", "--files-only", ...(folder ? [folder] : [])],
      { cwd: app },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the site build's content check", () => {
  it("passes the articles and Updates in the repository", async () => {
    const result = await checkContent();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/content: \d+ Updates OK/);
  });

  it("fails on a broken Update, naming the file, line and field", async () => {
    const content = path.join(scratch, "content");
    cpSync(path.join(app, "content"), content, { recursive: true });
    mkdirSync(path.join(content, "updates"), { recursive: true });
    writeFileSync(
      path.join(content, "updates", "2027-02-updates.md"),
      "---\nsubject: Februari\ndate: 2027-02-31\n---\n\nTekst.\n",
    );
    const result = await checkContent(content);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '2027-02-updates.md: regel 3, veld "date": 2027-02-31 bestaat niet als datum',
    );
  });
});
