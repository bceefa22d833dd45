import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createNewsletter, createNullTransport } from "@vaart/newsletter";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "vaart-content-command-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function content(args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(repoRoot, "packages/cli/bin/content.js"), ...args],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "development", DATA_DIR: dataDir },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("pnpm content status", () => {
  it("lists a published version that differs from its file, with exit code 1", async () => {
    const newsletter = createNewsletter({
      dataDir,
      siteUrl: "http://localhost:3000",
      mailFrom: "Vaart <updates@localhost>",
      secret: "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
      transport: createNullTransport(),
    });
    // The file's own text, published unchanged: not listed; one line changed: listed.
    const file = "apps/landing/campaigns/webinar-ketensamenwerking.yaml";
    const text = readFileSync(path.join(repoRoot, file), "utf8");
    const store = newsletter.contentStore({ campaign: () => [] });
    const same = await store.saveDraft({
      kind: "campaign",
      slug: "webinar-ketensamenwerking",
      text,
      author: "marketing@localhost",
      baseRevision: null,
    });
    await store.publish(
      "campaign",
      "webinar-ketensamenwerking",
      same.revision,
      "marketing@localhost",
    );
    expect(await content(["status"])).toMatchObject({ code: 0 });

    const changed = await store.saveDraft({
      kind: "campaign",
      slug: "webinar-ketensamenwerking",
      text: `${text}# een regel erbij\n`,
      author: "marketing@localhost",
      baseRevision: same.revision,
    });
    await store.publish(
      "campaign",
      "webinar-ketensamenwerking",
      changed.revision,
      "marketing@localhost",
    );
    await newsletter.close();
    const result = await content(["status"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${file}: differs — published is campaign webinar-ketensamenwerking revision 2`,
    );
    expect(result.stdout).toContain("1 file(s) differ");
  });

  it("names its commands when given another", async () => {
    const result = await content(["importeer"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: pnpm content export | pnpm content status");
  });
});
