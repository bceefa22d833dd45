import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsletter } from "../src/index.js";
import { DRIVERS, quietLogger, SECRET, setup, setupMigrated, type TestEnv } from "./helpers.js";
import { SmtpSink } from "./smtp-sink.js";
import { frozenUpdate, seedConfirmed, setStatus } from "./update-fixtures.js";

const sink = new SmtpSink();
let smtpUrl = "";
beforeAll(async () => {
  smtpUrl = await sink.listen();
});
afterAll(() => sink.close());

const worker = path.join(import.meta.dirname, "fixtures", "update-sender.ts");
const LANES = 4;

interface Sender {
  child: ChildProcess;
  ready: Promise<void>;
  sending: Promise<void>;
  /** The report, or null when the process was killed. */
  done: Promise<{ sent: number } | null>;
  go(): void;
}

function startSender(env: TestEnv, leaseMs: number): Sender {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      worker,
      JSON.stringify({
        databaseUrl: env.options.databaseUrl,
        dataDir: env.options.dataDir,
        pgSchema: env.options.pgSchema,
        smtpUrl,
        concurrency: LANES,
        leaseMs,
        timeoutMs: Math.floor(leaseMs / 4),
      }),
    ],
    { cwd: path.resolve(import.meta.dirname, ".."), stdio: ["pipe", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  const waiters: Array<[string, () => void]> = [];
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    for (const [word, resolve] of waiters) if (out.includes(`${word}\n`)) resolve();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const seen = (word: string) =>
    new Promise<void>((resolve, reject) => {
      waiters.push([word, resolve]);
      child.once("exit", () =>
        out.includes(`${word}\n`) ? resolve() : reject(new Error(`sender exited: ${err}`)),
      );
    });
  const done = new Promise<{ sent: number } | null>((resolve, reject) => {
    child.once("exit", (code, signal) => {
      if (signal === "SIGKILL") return resolve(null);
      if (code !== 0) return reject(new Error(`sender failed (${code}): ${err}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "null"));
    });
  });
  return {
    child,
    ready: seen("ready"),
    sending: seen("sending"),
    done,
    go: () => child.stdin?.write("go\n"),
  };
}

/** A newsletter on the run's database whose clock is `aheadMs` later (leases ran out). */
function finisher(env: TestEnv, aheadMs: number) {
  return createNewsletter({
    databaseUrl: env.options.databaseUrl,
    dataDir: env.options.dataDir,
    pgSchema: env.options.pgSchema,
    smtpUrl,
    siteUrl: "https://www.example.nl",
    mailFrom: "updates@example.nl",
    secret: SECRET,
    sendRate: 0,
    now: () => new Date(Date.now() + aheadMs),
    logger: quietLogger,
    autoMigrate: false,
  });
}

describe.each(DRIVERS)("Updates sent by several processes (%s)", (driver) => {
  it("two instances sending at once: every recipient exactly once, both instances sending", async () => {
    const env = await setupMigrated(driver, { transport: undefined, smtpUrl });
    const slug = `twee-${driver}`;
    await seedConfirmed(env.options, 1500, `twee-${driver}-`);
    await env.newsletter.updates.start(frozenUpdate(slug));
    sink.delayMs = 3;
    try {
      const senders = [startSender(env, 60_000), startSender(env, 60_000)];
      await Promise.all(senders.map((s) => s.ready));
      for (const s of senders) s.go();
      const reports = await Promise.all(senders.map((s) => s.done));
      const sent = reports.map((r) => r?.sent ?? 0);
      expect((sent[0] ?? 0) + (sent[1] ?? 0)).toBe(1500);
      expect(Math.min(...sent)).toBeGreaterThan(0);
      const mails = sink.messages.filter((m) => m.messageId.startsWith(`<${slug}.`));
      expect(mails).toHaveLength(1500);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(1500);
      const [p] = await env.newsletter.updates.progress(slug);
      expect(p).toMatchObject({ status: "done", open: 0 });
    } finally {
      sink.delayMs = 0;
    }
  });

  it("kill -9 at a random point, 20 times: no Message-ID twice, every recipient accounted for, uncertain at most the mails in flight", {
    timeout: 900_000,
  }, async () => {
    const AUDIENCE = 300;
    const LEASE = 4_000;
    const results: string[] = [];
    sink.delayMs = 5;
    // One database for the 20 runs; each run's audience is 300 new subscribers (the last
    // run's have unsubscribed), so its Update goes to exactly those.
    const env = await setup(driver, { transport: undefined, smtpUrl });
    await env.newsletter.migrate();
    // Each run's process is started during the run before (it only connects until told to
    // go), so its start-up overlaps the recovery instead of adding to every run.
    let sender = startSender(env, LEASE);
    try {
      for (let run = 0; run < 20; run++) {
        const slug = `kill-${driver}-${run}`;
        if (run > 0) {
          const last = `kill-${driver}-${run - 1}-`;
          const emails = Array.from({ length: AUDIENCE }, (_, i) => `${last}${i}@example.nl`);
          await setStatus(env.options, emails, "unsubscribed");
        }
        await seedConfirmed(env.options, AUDIENCE, `${slug}-`);
        await env.newsletter.updates.start(frozenUpdate(slug));
        await sender.ready;
        sender.go();
        await sender.sending;
        const killAfter = Math.floor(Math.random() * 700);
        await new Promise((resolve) => setTimeout(resolve, killAfter));
        sender.child.kill("SIGKILL");
        const killed = (await sender.done) === null;
        if (run < 19) sender = startSender(env, LEASE);
        // Another instance, later than the killed one's lease: it recovers and finishes.
        const later = finisher(env, LEASE + 1_000);
        const report = await later.updates.sendPending();
        const [p] = await later.updates.progress(slug);
        await later.close();
        const mails = sink.messages.filter((m) => m.messageId.startsWith(`<${slug}.`));
        const ids = mails.map((m) => m.messageId);
        const c = p?.counts;
        expect(new Set(ids).size, `run ${run}: a Message-ID twice`).toBe(ids.length);
        expect(p?.status, `run ${run}`).toBe("done");
        expect((c?.sent ?? 0) + (c?.failed ?? 0) + (c?.skipped ?? 0) + (c?.uncertain ?? 0)).toBe(
          AUDIENCE,
        );
        expect(c?.uncertain ?? 0, `run ${run}`).toBeLessThanOrEqual(LANES);
        expect(report.recovered.uncertain).toBe(c?.uncertain ?? 0);
        // What the sink took: every sent one, plus those uncertain ones that did arrive.
        expect(mails.length).toBeGreaterThanOrEqual(c?.sent ?? 0);
        expect(mails.length).toBeLessThanOrEqual((c?.sent ?? 0) + (c?.uncertain ?? 0));
        results.push(
          `run ${run}: killed ${killed ? `after ${killAfter} ms` : "too late (done)"}, sent ${c?.sent}, uncertain ${c?.uncertain} (of which arrived ${mails.length - (c?.sent ?? 0)}), recovered to pending ${report.recovered.released}`,
        );
      }
    } finally {
      if (sender.child.exitCode === null) sender.child.kill("SIGKILL");
      sink.delayMs = 0;
      console.log(`kill -9 runs (${driver}):\n${results.join("\n")}`);
    }
  });
});
