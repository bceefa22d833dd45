import type { Core } from "../core.server.js";
import { safeError } from "../errors.js";
import { deferSubscriberMail } from "./queue.server.js";
import { type PendingMail, sendConfirmation } from "./send.server.js";
import { takeSiteMailSlot, warnCapHoldsMail } from "./site-cap.server.js";

const MAIL_AFTER_ANSWER_MS = 100;

/**
 * After a signup or request-new has committed: take a slot of the site-wide hourly cap
 * for the mail's rank (none left → the mail is deferred to the next hour, for
 * resend-pending) and send. All of it
 * runs in the background (close() waits for it; if it fails or the process dies, the retry
 * schedule or the lease picks the mail up). The visitor's answer waits for none of it by
 * default, so its timing does not tell a new address (mailed) from a known one (not);
 * `firstSendWaitMs` > 0 waits at most that long.
 */
export async function deliverAfterCommit(core: Core, mail: PendingMail): Promise<void> {
  const delivery = (async () => {
    // Not before the visitor's answer is out: on SQLite the mail's database work runs on
    // the event loop and would slow this answer alone (the timing would tell a new
    // address). A tenth of a second later is nothing to a person waiting for a mail.
    if (core.settings.firstSendWaitMs <= 0) {
      await new Promise((resolve) => setTimeout(resolve, MAIL_AFTER_ANSWER_MS));
    }
    try {
      const slot = await takeSiteMailSlot(core, core.now(), mail.rank);
      if (!slot.allowed) {
        await deferSubscriberMail(core.handle.db, mail.subscriberId, slot.windowEnd);
        warnCapHoldsMail(core, slot.windowEnd);
        return;
      }
    } catch (error) {
      // Could not count: the signup is stored and its lease makes the mail due later.
      core.logger.error(`[newsletter] could not take a mail slot: ${safeError(error)}`);
      return;
    }
    await sendConfirmation(core, mail);
  })();
  core.inFlight.add(delivery);
  void delivery.finally(() => core.inFlight.delete(delivery));
  if (core.settings.firstSendWaitMs <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    delivery,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, core.settings.firstSendWaitMs);
    }),
  ]);
  clearTimeout(timer);
}
