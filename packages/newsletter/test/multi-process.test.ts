import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createNewsletter } from "../src/index.js";
import { quietLogger, SECRET } from "./helpers.js";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "vaart-multiproc-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SQLite shared by several processes", () => {
  it("two app processes subscribing and confirming the same addresses at once: one subscriber and one mail each", async () => {
    const worker = path.join(import.meta.dirname, "fixtures", "sqlite-worker.ts");
    const UNIQUE = 150;
    const start = (n: number) =>
      run(process.execPath, ["--import", "tsx", worker, dir, String(n), "400", String(UNIQUE)], {
        cwd: path.resolve(import.meta.dirname, ".."),
      });
    const outputs = await Promise.all([start(0), start(1)]);
    const reports = outputs.map(
      (o) =>
        JSON.parse(o.stdout) as {
          sent: string[];
          statuses: Record<string, number>;
          confirmed: Record<string, number>;
        },
    );

    for (const report of reports) {
      expect(report.statuses).toEqual({ ok: 400 });
      expect(report.confirmed).toEqual(report.sent.length ? { confirmed: report.sent.length } : {});
    }
    const sent = reports.flatMap((r) => r.sent);
    expect(sent).toHaveLength(UNIQUE);
    expect(new Set(sent).size).toBe(UNIQUE);

    const nl = createNewsletter({
      dataDir: dir,
      siteUrl: "https://www.example.nl",
      mailFrom: "updates@example.nl",
      secret: SECRET,
      logger: quietLogger,
    });
    const counts = await nl.counts();
    expect(counts).toMatchObject({ subscribers: UNIQUE, tokens: UNIQUE });
    // Every signup that found its subscriber still pending is its own consent record;
    // how many came before the other process confirmed depends on timing.
    expect(counts.consents).toBeGreaterThanOrEqual(UNIQUE);
    expect(counts.consents).toBeLessThanOrEqual(800);
    expect((await nl.stats()).totals).toEqual({
      pending: 0,
      confirmed: UNIQUE,
      unsubscribed: 0,
      total: UNIQUE,
    });
    await nl.close();
  });
});
