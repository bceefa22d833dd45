/**
 * The send rate of the Updates, held across every instance together: one row in
 * `newsletter_send_rate` holds the time of the next free slot. Taking a slot moves it one
 * interval (1000 / rate ms) forward in a single atomic UPDATE … RETURNING, so two instances
 * can never take the same slot, and the sender waits until its slot's time has come.
 *
 * No burst: a slot in the past counts from now (`max(next, now)`), so an idle hour does not
 * save up 36,000 mails to send at once. A slot taken by an instance that then dies is lost,
 * which only makes sending slower for one interval.
 */
import { type Kysely, sql } from "kysely";
import type { DialectName } from "../db/connect.server.js";
import type { Database } from "../db/schema.js";

const ROW = "updates";

/**
 * Whole milliseconds between slots, rounded up: a rate of 3/s gives slots 334 ms apart
 * (2.994/s), never faster than asked.
 */
export function slotStepMs(ratePerSecond: number): number {
  return Math.ceil(1000 / ratePerSecond);
}

/** The arithmetic of one slot: when it is (`slotMs`) and the next free slot after it. */
export function takeSlot(
  nextMs: number,
  nowMs: number,
  ratePerSecond: number,
): { slotMs: number; nextMs: number } {
  const slotMs = Math.max(nextMs, Math.floor(nowMs));
  return { slotMs, nextMs: slotMs + slotStepMs(ratePerSecond) };
}

export interface SendRate {
  /** Resolves when this instance may send one mail (at once when the rate is off). */
  acquire(signal?: AbortSignal): Promise<void>;
}

type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * The shared limiter. `ratePerSecond` 0 turns it off (benchmarks). `now` and `wait` are
 * injectable so that a test checks the arithmetic without timing anything.
 */
export function sharedSendRate(
  db: Kysely<Database>,
  dialect: DialectName,
  ratePerSecond: number,
  now: () => number = Date.now,
  wait: Sleep = sleep,
): SendRate {
  if (!(ratePerSecond > 0)) return { acquire: async () => {} };
  const greatest = dialect === "postgres" ? sql.raw("greatest") : sql.raw("max");
  let created = false;
  return {
    async acquire(signal) {
      const at = now();
      if (!created) {
        await db
          .insertInto("newsletter_send_rate")
          .values({ name: ROW, next_ms: Math.floor(at) })
          .onConflict((oc) => oc.column("name").doNothing())
          .execute();
        created = true;
      }
      // The same arithmetic as takeSlot, done by the database in one statement.
      const step = slotStepMs(ratePerSecond);
      const row = await db
        .updateTable("newsletter_send_rate")
        .set({ next_ms: sql`${greatest}(next_ms, ${Math.floor(at)}) + ${step}` })
        .where("name", "=", ROW)
        .returning("next_ms")
        .executeTakeFirstOrThrow();
      const slotMs = Number(row.next_ms) - step;
      await wait(slotMs - now(), signal);
    },
  };
}
