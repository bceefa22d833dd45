/**
 * The send loop of the Updates. Runs in every site instance (`start()`) and in
 * `pnpm newsletter send-pending` (`runOnce()`); any number at once, on one database.
 *
 * `concurrency` lanes each take a claimed row, wait for a slot of the shared send rate,
 * mark the row attempted and run one SMTP transaction on their own pooled connection; so
 * at most `concurrency` mails are in flight per instance, and that is all a crash can leave
 * uncertain. `stop()` (SIGTERM) stops claiming, hands back rows claimed but not attempted,
 * and waits for the mails in flight.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Core } from "../core.server.js";
import { errorMessage, redact, safeError } from "../errors.js";
import {
  type ClaimedDelivery,
  claimDue,
  markAttempted,
  nextDueAt,
  recordFailed,
  recordSent,
  recordTemporary,
  recordUncertain,
  recoverExpiredLeases,
  releaseClaims,
} from "./delivery-queue.server.js";
import { type FrozenRow, updateMail } from "./mail.server.js";
import { sharedSendRate, sleep } from "./send-rate.server.js";
import { clearFailures, countTemporaryFailure, finishDone } from "./sending.server.js";

export interface PassReport {
  sent: number;
  failed: number;
  /** Temporary failures, due again later. */
  retried: number;
  skipped: number;
  uncertain: number;
  /** Rows of another instance whose lease had ended: back to pending / made uncertain. */
  recovered: { released: number; uncertain: number };
  /** Updates that became done in this pass. */
  done: string[];
}

export interface UpdateWorker {
  /** This instance's lease owner id. */
  readonly owner: string;
  /** Send until nothing is due now (retries due later are left for a later pass). */
  runOnce(): Promise<PassReport>;
  /** Keep sending in the background; checks for new work every `idleMs`. */
  start(): void;
  /** Stop claiming, release what is claimed, let mails in flight finish. */
  stop(): Promise<void>;
}

export type SmtpOutcome = "temporary" | "permanent" | "unknown";

/**
 * What an SMTP error says about the mail: a 4xx reply, or no connection at all → not sent,
 * try again later; a 5xx → never; anything else (a timeout or a dropped connection without
 * a reply, perhaps after the message was transmitted) → unknown, so uncertain.
 */
export function classifySmtpError(error: unknown): SmtpOutcome {
  const e = error as { responseCode?: unknown; code?: unknown; originalCode?: unknown };
  const reply = Number(e?.responseCode);
  if (Number.isInteger(reply) && reply >= 500 && reply < 600) return "permanent";
  if (Number.isInteger(reply) && reply >= 400 && reply < 500) return "temporary";
  const codes = [e?.code, e?.originalCode].map(String);
  // ECOMPOSE: the mail was never composed (ComposeError), so none of it left.
  const nothingSent = [
    "ECONNREFUSED",
    "ENOTFOUND",
    "EHOSTUNREACH",
    "EDNS",
    "ETLS",
    "EAUTH",
    "ECOMPOSE",
  ];
  if (codes.some((c) => nothingSent.includes(c))) return "temporary";
  if (/\bECONNREFUSED\b/.test(errorMessage(error))) return "temporary";
  return "unknown";
}

function emptyReport(): PassReport {
  return {
    sent: 0,
    failed: 0,
    retried: 0,
    skipped: 0,
    uncertain: 0,
    recovered: { released: 0, uncertain: 0 },
    done: [],
  };
}

export function createUpdateWorker(
  core: Core,
  options: { idleMs?: number; owner?: string } = {},
): UpdateWorker {
  const owner =
    options.owner ?? `${hostname().slice(0, 30)}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const idleMs = options.idleMs ?? 5_000;
  const settings = core.settings.updates;
  const rate = sharedSendRate(core.handle.db, core.handle.dialect, settings.sendRate, () =>
    core.now().getTime(),
  );
  const { db } = core.handle;
  const frozen = new Map<string, FrozenRow>();
  const abort = new AbortController();
  let stopping = false;
  let loop: Promise<void> | null = null;
  let current: Promise<PassReport> | null = null;

  async function frozenOf(slug: string): Promise<FrozenRow> {
    let row = frozen.get(slug);
    if (!row) {
      row = await db
        .selectFrom("newsletter_updates")
        .select(["slug", "subject", "html", "text"])
        .where("slug", "=", slug)
        .executeTakeFirstOrThrow();
      frozen.set(slug, row);
    }
    return row;
  }

  async function deliver(d: ClaimedDelivery, report: PassReport): Promise<void> {
    const update = await frozenOf(d.updateSlug);
    const attemptAt = core.now();
    const go = await markAttempted(db, d, owner, attemptAt);
    if (go === "skipped") report.skipped += 1;
    if (go !== "go") return;
    let error: unknown = null;
    try {
      await core.updateTransport.send(updateMail(core, update, d, attemptAt));
    } catch (e) {
      error = e ?? new Error("unknown error");
    }
    const now = core.now();
    try {
      if (error === null) {
        await recordSent(db, d, owner, now);
        await clearFailures(core, d.updateSlug);
        report.sent += 1;
        return;
      }
      // SMTP errors quote the recipient: keep addresses out of the database and the log.
      const why = redact(errorMessage(error).slice(0, 500)) || "unknown error";
      const kind = classifySmtpError(error);
      if (kind === "permanent") {
        await recordFailed(db, d, owner, now, why);
        report.failed += 1;
      } else if (kind === "temporary") {
        const { gaveUp } = await recordTemporary(db, d, owner, now, why, settings.retry);
        if (gaveUp) report.failed += 1;
        else report.retried += 1;
        const paused = await countTemporaryFailure(core, d.updateSlug, why);
        if (paused) core.logger.warn(`[newsletter] Update ${d.updateSlug}: ${paused}`);
      } else {
        await recordUncertain(db, d, owner, now, why);
        report.uncertain += 1;
        core.logger.warn(
          `[newsletter] Update ${d.updateSlug}: one delivery is uncertain (${why}); see \`pnpm newsletter uncertain ${d.updateSlug}\``,
        );
      }
    } catch (e) {
      // The outcome could not be written: the lease ends and recovery makes the row
      // uncertain (it was attempted), so it is never sent twice.
      core.logger.error(`[newsletter] could not record a delivery: ${safeError(e)}`);
    }
  }

  /** One pass: claim and send until nothing is due now (or stop() is called). */
  async function pass(): Promise<PassReport> {
    await core.ready();
    const report = emptyReport();
    report.recovered = await recoverExpiredLeases(db, core.now());
    const buffer: ClaimedDelivery[] = [];
    let claiming: Promise<void> | null = null;
    let exhausted = false;
    const next = async (): Promise<ClaimedDelivery | null> => {
      for (;;) {
        if (stopping) return null;
        const row = buffer.shift();
        if (row) return row;
        if (exhausted) return null;
        claiming ??= claimDue(
          core.handle,
          owner,
          core.now(),
          settings.leaseMs,
          settings.concurrency,
        ).then(
          ({ rows, skipped }) => {
            report.skipped += skipped;
            if (rows.length === 0 && skipped === 0) exhausted = true;
            buffer.push(...rows);
            claiming = null;
          },
          (error: unknown) => {
            claiming = null;
            exhausted = true;
            throw error;
          },
        );
        await claiming;
      }
    };
    const lane = async () => {
      for (;;) {
        const d = await next();
        if (!d) return;
        await rate.acquire(abort.signal);
        if (stopping) {
          await releaseClaims(db, owner, [d]);
          return;
        }
        await deliver(d, report);
      }
    };
    try {
      await Promise.all(Array.from({ length: settings.concurrency }, lane));
    } finally {
      // Claimed but not attempted (stop, or a lane failed): back to pending at once.
      if (buffer.length > 0) await releaseClaims(db, owner, buffer.splice(0));
    }
    report.done = await finishDone(core);
    for (const slug of report.done) frozen.delete(slug);
    return report;
  }

  function tracked(): Promise<PassReport> {
    const run = pass();
    current = run;
    return run.finally(() => {
      if (current === run) current = null;
    });
  }

  return {
    owner,
    runOnce: () => tracked(),
    start() {
      if (loop) return;
      loop = (async () => {
        while (!stopping) {
          let wait = idleMs;
          try {
            await tracked();
            // A retry due sooner than the idle interval is picked up when it is due.
            const due = await nextDueAt(db);
            if (due) wait = Math.min(idleMs, Math.max(50, Date.parse(due) - core.now().getTime()));
          } catch (error) {
            core.logger.error(`[newsletter] sending Updates: ${safeError(error)}`);
          }
          await sleep(wait, abort.signal);
        }
      })();
    },
    async stop() {
      stopping = true;
      abort.abort();
      await loop?.catch(() => {});
      await current?.catch(() => {});
    },
  };
}
