/** A huge field costs almost nothing: rejected (or clipped) before any per-character work. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ctx, DRIVERS, setup } from "./helpers.js";

describe.each(DRIVERS)("cost of huge fields (%s)", (driver) => {
  it("a 50 MB field is rejected in under 10 ms with under 1 MB of extra heap", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const env = await setup(driver);
    const { newsletter } = env;
    await newsletter.migrate();
    const huge = "a".repeat(50 * 1024 * 1024);
    const token = newsletter.issueFormToken();
    const base = { email: "groot@example.nl", consent: "yes", formToken: token, website: "" };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["email", { ...base, email: huge }, "invalid"],
      ["firstName", { ...base, firstName: huge }, "invalid"],
      ["consent", { ...base, consent: huge }, "invalid"],
      ["formToken", { ...base, formToken: huge }, "retry"],
      ["website (honeypot)", { ...base, website: huge }, "ok"],
    ];
    const report: string[] = [];
    for (const [name, input, status] of cases) {
      let bestMs = Number.POSITIVE_INFINITY;
      let bestHeap = Number.POSITIVE_INFINITY;
      // Best of five: a busy shared machine can pause any single run.
      for (let run = 0; run < 5; run += 1) {
        gc();
        const heapBefore = process.memoryUsage().heapUsed;
        const t = performance.now();
        const result = await newsletter.subscribe(input, ctx);
        const ms = performance.now() - t;
        const heap = process.memoryUsage().heapUsed - heapBefore;
        expect(result.status).toBe(status);
        bestMs = Math.min(bestMs, ms);
        bestHeap = Math.min(bestHeap, heap);
      }
      report.push(`${name}: ${bestMs.toFixed(2)} ms, ${(bestHeap / 1024).toFixed(0)} KiB`);
      expect(bestMs, name).toBeLessThan(10);
      expect(bestHeap, name).toBeLessThan(1024 * 1024);
    }
    // Stored fields (source, UTM) are clipped before any per-character work.
    const { parseSignup } = await import("../src/validation.js");
    let best = Number.POSITIVE_INFINITY;
    let bestHeap = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 5; run += 1) {
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const t = performance.now();
      const parsed = parseSignup({ ...base, source: huge, utm_source: huge });
      best = Math.min(best, performance.now() - t);
      bestHeap = Math.min(bestHeap, process.memoryUsage().heapUsed - heapBefore);
      expect(parsed.kind === "ok" && parsed.data.utm.utm_source?.length).toBe(200);
    }
    report.push(`source+utm (clipped): ${best.toFixed(2)} ms, ${(bestHeap / 1024).toFixed(0)} KiB`);
    expect(best).toBeLessThan(10);
    expect(bestHeap).toBeLessThan(1024 * 1024);
    expect(await newsletter.requestNewConfirmation(huge, ctx)).toMatchObject({
      status: "invalid",
    });
    console.info(`[50 MB field, ${driver}] ${report.join("; ")}`);
  });
});
