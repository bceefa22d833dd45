/**
 * An Update's sending as a whole: start (freeze + one delivery row per confirmed subscriber,
 * one transaction), pause, resume, done, progress, and the owner's re-send of uncertain
 * rows. The rows themselves belong to delivery-queue.server.ts.
 *
 *   start ─► sending ─ pause (owner, or itself after repeated temporary failures) ─► paused
 *               │  ▲                                                                 │
 *               │  └──────────────────────────── resume ─────────────────────────────┘
 *               └─ every delivery final ─► done ─ resend-uncertain (owner) ─► sending
 */
import { sql } from "kysely";
import type { Core } from "../core.server.js";
import type { DeliveryState, IsoTime, UpdateStatus } from "../db/schema.js";
import { inTransaction, isUniqueViolation } from "../db/transaction.server.js";
import {
  countsByState,
  createDeliveries,
  emptyCounts,
  listUncertain,
  OPEN_STATES,
  requeueUncertain,
  type UncertainDelivery,
} from "./delivery-queue.server.js";
import type { FrozenUpdate } from "./frozen.js";

export type StartInput = FrozenUpdate & { sourceHash: string };

export type StartResult =
  | { status: "started"; slug: string; audience: number; message: string }
  | { status: "already-started"; slug: string; message: string }
  | { status: "invalid"; message: string };

export type ControlResult =
  | { status: "ok"; message: string }
  | { status: "unknown" | "not-possible"; message: string };

/** Slugs end up in URLs, Message-IDs and List-Id: lower-case letters, digits and dashes. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkFrozen(frozen: StartInput): string | null {
  if (typeof frozen.slug !== "string" || !SLUG.test(frozen.slug)) {
    return `De slug "${String(frozen.slug)}" kan niet: gebruik kleine letters, cijfers en streepjes (hoogstens 100 tekens).`;
  }
  if (typeof frozen.subject !== "string" || frozen.subject.trim() === "") {
    return `Update ${frozen.slug}: het onderwerp (subject) ontbreekt.`;
  }
  if (frozen.subject.length > 200) {
    return `Update ${frozen.slug}: het onderwerp is ${frozen.subject.length} tekens; hoogstens 200.`;
  }
  if (typeof frozen.date !== "string" || !DATE.test(frozen.date)) {
    return `Update ${frozen.slug}: de datum moet JJJJ-MM-DD zijn (nu "${String(frozen.date)}").`;
  }
  for (const part of ["html", "text", "webHtml"] as const) {
    if (typeof frozen[part] !== "string" || frozen[part].trim() === "") {
      return `Update ${frozen.slug}: de ${part}-versie van de mail is leeg.`;
    }
  }
  if (typeof frozen.sourceHash !== "string" || !/^[0-9a-f]{64}$/.test(frozen.sourceHash)) {
    return `Update ${frozen.slug}: sourceHash moet een SHA-256 (64 hex-tekens) zijn.`;
  }
  return null;
}

function alreadyStarted(slug: string): StartResult {
  return {
    status: "already-started",
    slug,
    message: `Update ${slug} wordt al verstuurd of is al verstuurd: een tweede keer versturen kan niet. Zie \`pnpm newsletter sending\`.`,
  };
}

/**
 * Start sending: in ONE transaction the Update is frozen (its row, status sending) and one
 * pending delivery is made per confirmed subscriber. A second start of the same slug is
 * refused (the primary key), with a message.
 */
export async function startSending(core: Core, frozen: StartInput): Promise<StartResult> {
  const problem = checkFrozen(frozen);
  if (problem) return { status: "invalid", message: problem };
  await core.ready();
  const now = core.now();
  const host = new URL(core.settings.siteUrl).hostname;
  try {
    const audience = await inTransaction(core.handle, async (trx) => {
      await trx
        .insertInto("newsletter_updates")
        .values({
          slug: frozen.slug,
          subject: frozen.subject,
          preheader: frozen.preheader,
          update_date: frozen.date,
          html: frozen.html,
          text: frozen.text,
          web_html: frozen.webHtml,
          source_hash: frozen.sourceHash,
          status: "sending",
          pause_reason: null,
          audience: 0,
          started_at: now.toISOString(),
          finished_at: null,
          updated_at: now.toISOString(),
        })
        .execute();
      const audience = await createDeliveries(trx, frozen.slug, host, now);
      await trx
        .updateTable("newsletter_updates")
        .set(
          audience === 0
            ? { audience, status: "done", finished_at: now.toISOString() }
            : { audience },
        )
        .where("slug", "=", frozen.slug)
        .execute();
      return audience;
    });
    return {
      status: "started",
      slug: frozen.slug,
      audience,
      message:
        audience === 0
          ? `Update ${frozen.slug} staat in het archief; er zijn geen bevestigde abonnees om hem naar te sturen.`
          : `Update ${frozen.slug} wordt verstuurd naar ${audience} abonnee(s). Volg het met \`pnpm newsletter sending --watch\`.`,
    };
  } catch (error) {
    if (isUniqueViolation(error)) return alreadyStarted(frozen.slug);
    throw error;
  }
}

/** The manual pause reason (the owner's command). */
export const MANUAL_PAUSE = "handmatig gepauzeerd";

/** sending → paused. Claimed rows go back to pending at their next step; sent ones stay sent. */
export async function pauseSending(
  core: Core,
  slug: string,
  reason: string = MANUAL_PAUSE,
): Promise<ControlResult> {
  await core.ready();
  const now = core.now().toISOString();
  const res = await core.handle.db
    .updateTable("newsletter_updates")
    .set({ status: "paused", pause_reason: reason, updated_at: now })
    .where("slug", "=", slug)
    .where("status", "=", "sending")
    .executeTakeFirst();
  if (res.numUpdatedRows === 1n) {
    return { status: "ok", message: `Update ${slug} is gepauzeerd (${reason}).` };
  }
  return notChanged(core, slug, "pauzeren");
}

/**
 * paused → sending. Only pending rows are ever claimed, so nobody already sent (or
 * attempted) gets the Update again; the failure count starts afresh.
 */
export async function resumeSending(core: Core, slug: string): Promise<ControlResult> {
  await core.ready();
  const now = core.now().toISOString();
  const res = await core.handle.db
    .updateTable("newsletter_updates")
    .set({ status: "sending", pause_reason: null, consecutive_failures: 0, updated_at: now })
    .where("slug", "=", slug)
    .where("status", "=", "paused")
    .executeTakeFirst();
  if (res.numUpdatedRows === 1n) {
    return { status: "ok", message: `Update ${slug} wordt weer verstuurd.` };
  }
  return notChanged(core, slug, "hervatten");
}

async function notChanged(core: Core, slug: string, verb: string): Promise<ControlResult> {
  const row = await core.handle.db
    .selectFrom("newsletter_updates")
    .select(["status"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!row) {
    return {
      status: "unknown",
      message: `Er is geen Update "${slug}" die verstuurd wordt; zie \`pnpm newsletter sending\`.`,
    };
  }
  const now = { sending: "wordt verstuurd", paused: "is gepauzeerd", done: "is klaar" }[row.status];
  return { status: "not-possible", message: `Update ${slug} ${now}: ${verb} kan nu niet.` };
}

/** sending → done for every Update whose deliveries are all final. Returns the slugs. */
export async function finishDone(core: Core): Promise<string[]> {
  const now = core.now().toISOString();
  const rows = await core.handle.db
    .updateTable("newsletter_updates")
    .set({ status: "done", finished_at: now, updated_at: now })
    .where("status", "=", "sending")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("newsletter_deliveries")
            .select("subscriber_id")
            .whereRef("newsletter_deliveries.update_slug", "=", "newsletter_updates.slug")
            .where("newsletter_deliveries.state", "in", [...OPEN_STATES]),
        ),
      ),
    )
    .returning("slug")
    .execute();
  return rows.map((r) => r.slug);
}

/**
 * A temporary failure counted on the Update (atomically, across instances); at the limit
 * the Update pauses itself with the reason. Returns the reason when it paused.
 */
export async function countTemporaryFailure(
  core: Core,
  slug: string,
  error: string,
): Promise<string | null> {
  const row = await core.handle.db
    .updateTable("newsletter_updates")
    .set({ consecutive_failures: sql`consecutive_failures + 1` })
    .where("slug", "=", slug)
    .returning("consecutive_failures")
    .executeTakeFirst();
  const count = Number(row?.consecutive_failures ?? 0);
  const limit = core.settings.updates.pauseAfterFailures;
  if (count < limit) return null;
  const reason = `automatisch gepauzeerd na ${count} tijdelijke fouten achter elkaar (laatste: ${error.slice(0, 200)}); hervat met \`pnpm newsletter resume ${slug}\` als de mailserver weer werkt`;
  const paused = await pauseSending(core, slug, reason);
  return paused.status === "ok" ? reason : null;
}

/** A success ends a run of failures (a no-op write when there was none). */
export async function clearFailures(core: Core, slug: string): Promise<void> {
  await core.handle.db
    .updateTable("newsletter_updates")
    .set({ consecutive_failures: 0 })
    .where("slug", "=", slug)
    .where("consecutive_failures", ">", 0)
    .execute();
}

export interface UpdateProgress {
  slug: string;
  subject: string;
  status: UpdateStatus;
  pauseReason: string | null;
  audience: number;
  counts: Record<DeliveryState, number>;
  /** Still to go: pending + claimed + attempted. */
  open: number;
  startedAt: IsoTime;
  finishedAt: IsoTime | null;
  /** Mails recorded sent per second over the last minute. */
  ratePerSecond: number;
  /** Seconds until done at the measured (or else the configured) rate; null when unknown. */
  secondsLeft: number | null;
}

const RATE_WINDOW_MS = 60_000;

/** Progress of every Update (newest first), or of one. */
export async function progress(core: Core, slug?: string): Promise<UpdateProgress[]> {
  await core.ready();
  const { db } = core.handle;
  let query = db
    .selectFrom("newsletter_updates")
    .select(["slug", "subject", "status", "pause_reason", "audience", "started_at", "finished_at"])
    .orderBy("started_at", "desc");
  if (slug) query = query.where("slug", "=", slug);
  const updates = await query.execute();
  const counts = await countsByState(
    db,
    updates.map((u) => u.slug),
  );
  const now = core.now();
  const since = new Date(now.getTime() - RATE_WINDOW_MS).toISOString();
  const recent = new Map<string, { n: number; first: string | null }>();
  if (updates.some((u) => u.status !== "done")) {
    const rows = await db
      .selectFrom("newsletter_deliveries")
      .select((eb) => [
        "update_slug",
        eb.fn.countAll<string | number>().as("n"),
        eb.fn.min("finished_at").as("first"),
      ])
      .where("state", "=", "sent")
      .where("finished_at", ">", since)
      .groupBy("update_slug")
      .execute();
    for (const r of rows) {
      recent.set(r.update_slug, { n: Number(r.n), first: r.first ? String(r.first) : null });
    }
  }
  return updates.map((u) => {
    const c = counts.get(u.slug) ?? emptyCounts();
    const open = c.pending + c.claimed + c.attempted;
    const r = recent.get(u.slug);
    // Over the part of the window that sending actually ran.
    const windowMs = r?.first
      ? Math.max(1000, Math.min(RATE_WINDOW_MS, now.getTime() - Date.parse(u.started_at)))
      : RATE_WINDOW_MS;
    const rate = u.status === "sending" && r ? r.n / (windowMs / 1000) : 0;
    const expected = rate > 0 ? rate : core.settings.updates.sendRate;
    return {
      slug: u.slug,
      subject: u.subject,
      status: u.status,
      pauseReason: u.pause_reason,
      audience: Number(u.audience),
      counts: c,
      open,
      startedAt: u.started_at,
      finishedAt: u.finished_at,
      ratePerSecond: rate,
      secondsLeft:
        u.status === "done" ? 0 : u.status === "sending" && expected > 0 ? open / expected : null,
    };
  });
}

export async function uncertainOf(core: Core, slug: string): Promise<UncertainDelivery[]> {
  await core.ready();
  return listUncertain(core.handle.db, slug);
}

/**
 * The owner re-sends the uncertain rows of an Update on purpose (with the same Message-ID,
 * so a mail client that has the first copy may drop the second). The Update sends again.
 */
export async function resendUncertain(
  core: Core,
  slug: string,
): Promise<{ requeued: number; message: string }> {
  await core.ready();
  const now = core.now();
  const requeued = await inTransaction(core.handle, async (trx) => {
    const n = await requeueUncertain(trx, slug, now);
    if (n > 0) {
      await trx
        .updateTable("newsletter_updates")
        .set({ status: "sending", finished_at: null, updated_at: now.toISOString() })
        .where("slug", "=", slug)
        .where("status", "=", "done")
        .execute();
    }
    return n;
  });
  return {
    requeued,
    message:
      requeued === 0
        ? `Update ${slug} heeft geen onzekere verzendingen.`
        : `${requeued} onzekere verzending(en) van ${slug} worden opnieuw verstuurd (zelfde Message-ID).`,
  };
}
