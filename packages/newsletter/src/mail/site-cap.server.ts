import type { Core } from "../core.server.js";
import { perTurn } from "../db/per-turn.server.js";
import { groupedWrite } from "../db/transaction.server.js";
import { fixedWindow, SITE_MAIL_BUCKET, takeSlot, takeSlots } from "../rate-limit.server.js";

const HOUR = 3_600_000;

/**
 * How many of the hour's slots a mail of this rank may use. A first request from an
 * address (rank 1) may use the whole cap; later ones only the first half, so the other
 * half stays for first requests: a flood from a few addresses cannot spend the hour on
 * its own, and a visitor who signs up once still gets the mail right away.
 */
export function slotsForRank(cap: number, rank: number): number {
  return rank <= 1 ? cap : Math.ceil(cap / 2);
}

/**
 * One slot of the site-wide hourly cap on confirmation mails, within what the mail's rank
 * may use (slotsForRank). False when none is left: the mail then stays due and
 * `resend-pending` sends it in a later hour, lowest rank first.
 *
 * The mails that ask in the same turn of the event loop (those of signups that shared a
 * commit) take their slots together: one statement per run of consecutive mails with the
 * same allowance instead of one each, and one by one only when the run does not fit whole
 * (so the outcome is that of taking them one after another).
 */
export function takeSiteMailSlot(
  core: Core,
  now: Date,
  rank: number,
): Promise<{ allowed: boolean; windowEnd: Date }> {
  return takeBatched(core, { now, rank });
}

interface Ask {
  now: Date;
  rank: number;
}

const takeBatched = perTurn(async (core: Core, asks: Ask[]) => {
  const cap = core.settings.maxConfirmationMailsPerHour;
  const results: Promise<{ allowed: boolean; windowEnd: Date }>[] = [];
  let start = 0;
  while (start < asks.length) {
    // A run: consecutive asks with the same allowance in the same window.
    const first = asks[start] as Ask;
    const max = slotsForRank(cap, first.rank);
    const window = fixedWindow(HOUR, first.now);
    let end = start + 1;
    while (end < asks.length) {
      const next = asks[end] as Ask;
      if (slotsForRank(cap, next.rank) !== max) break;
      if (fixedWindow(HOUR, next.now).startIso !== window.startIso) break;
      end += 1;
    }
    const count = end - start;
    const whole =
      count > 1 &&
      (await groupedWrite(core.handle, (db) =>
        takeSlots(db, SITE_MAIL_BUCKET, max, count, HOUR, first.now),
      ).catch(() => false)); // then one by one below, each with its own outcome
    const run = asks.slice(start, end).map((ask) =>
      whole
        ? Promise.resolve({ allowed: true, windowEnd: window.end })
        : // The same allowance for each, so their order does not matter: together (on
          // SQLite they join one commit), each with its own outcome or error.
          groupedWrite(core.handle, (db) => takeSlot(db, SITE_MAIL_BUCKET, max, HOUR, ask.now)),
    );
    results.push(...run);
    // The next run (another allowance) asks after this one is done, as one by one would.
    await Promise.allSettled(run);
    start = end;
  }
  return results;
});

/** The start of the last cap window each newsletter warned about. */
const capWarnedFor = new WeakMap<Core, number>();

/**
 * Say once per hour (per instance), not once per signup, that the cap is holding mail back:
 * a flood would otherwise fill the log, and the owner should see it at all.
 */
export function warnCapHoldsMail(core: Core, windowEnd: Date): void {
  const window = windowEnd.getTime();
  if (capWarnedFor.get(core) === window) return;
  capWarnedFor.set(core, window);
  const cap = core.settings.maxConfirmationMailsPerHour;
  core.logger.warn(
    `[newsletter] the site-wide cap of ${cap} confirmation mails per hour (NEWSLETTER_MAX_MAILS_PER_HOUR) is holding mail back until ${windowEnd.toISOString()}; the signups are stored and resend-pending mails them later, a first signup from an address before repeated ones (half of the cap is kept for those). Many held back at once usually means a flood; if they are real visitors, raise the cap. Said once per hour.`,
  );
}
