/**
 * The owner's sending commands (`pnpm newsletter send | sending | pause | resume |
 * send-pending | uncertain | resend-uncertain`), called by cli.ts. Output in Dutch.
 */
import type { Newsletter } from "../newsletter.server.js";
import type { FrozenUpdate } from "./frozen.js";
import type { UpdateProgress } from "./sending.server.js";
import { freezeUpdateFile } from "./update-files.server.js";

/** `send <file>`: freeze the Update and start sending it to every confirmed subscriber. */
export async function sendCommand(
  newsletter: Newsletter,
  file: string,
  site: { siteUrl: string; siteName: string },
): Promise<number> {
  let frozen: FrozenUpdate & { sourceHash: string };
  try {
    frozen = await freezeUpdateFile(file, site);
  } catch (error) {
    // The renderer's messages name the file, line and field.
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const result = await newsletter.updates.start(frozen);
  if (result.status !== "started") {
    console.error(result.message);
    return 1;
  }
  console.log(result.message);
  console.log(
    "De site-instanties versturen hem op de achtergrond; draait er geen, dan doet `pnpm newsletter send-pending` het (bijvoorbeeld elke minuut vanuit cron).",
  );
  return 0;
}

/** An Update's sending status in Dutch, as `sending` and the studio's progress page say it. */
export const sendingStatusLabels = {
  sending: "bezig",
  paused: "gepauzeerd",
  done: "klaar",
} as const;
const STATUS = sendingStatusLabels;

/** Time left in Dutch: "40 s", "8 min", "1.5 uur"; "–" when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "–";
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} uur`;
}

/** The progress table of `sending`. */
export function formatProgress(list: UpdateProgress[]): string {
  if (list.length === 0) return "Er is nog geen Update verstuurd.";
  const header = [
    "update",
    "status",
    "publiek",
    "verstuurd",
    "mislukt",
    "onzeker",
    "overgeslagen",
    "te gaan",
    "tempo",
    "nog",
  ];
  const rows = list.map((p) => [
    p.slug,
    STATUS[p.status],
    String(p.audience),
    String(p.counts.sent),
    String(p.counts.failed),
    String(p.counts.uncertain),
    String(p.counts.skipped),
    String(p.open),
    p.status === "sending" ? `${p.ratePerSecond.toFixed(1)}/s` : "–",
    p.status === "done" ? "0 s" : formatDuration(p.secondsLeft),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  for (const p of list) {
    if (p.status === "paused") out.push(`${p.slug}: ${p.pauseReason ?? "gepauzeerd"}`);
    if (p.counts.uncertain > 0) {
      out.push(
        `${p.slug}: ${p.counts.uncertain} onzeker (misschien aangekomen); bekijk ze met \`pnpm newsletter uncertain ${p.slug}\`.`,
      );
    }
  }
  return out.join("\n");
}

/** One progress bar line: `[#####-----]  52 %  5200/10000  9.8/s  nog 8 min`. */
export function progressBar(p: UpdateProgress, width = 30): string {
  const finished = p.audience - p.open;
  const share = p.audience === 0 ? 1 : finished / p.audience;
  const filled = Math.round(share * width);
  return `${p.slug} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)} %  ${finished}/${p.audience}  ${p.ratePerSecond.toFixed(1)}/s  nog ${formatDuration(p.secondsLeft)}  (${STATUS[p.status]})`;
}

/**
 * `sending [--watch]`. With --watch: a progress bar per Update still sending, refreshed
 * every second until all are done or paused. Ctrl-C only leaves the watch: the sending
 * itself runs in the site instances (or send-pending) and goes on.
 */
export async function sendingCommand(
  newsletter: Newsletter,
  options: { watch: boolean; json: boolean; intervalMs?: number },
): Promise<number> {
  const list = await newsletter.updates.progress();
  if (options.json) {
    console.log(JSON.stringify(list, null, 2));
    return 0;
  }
  console.log(formatProgress(list));
  if (!options.watch) return 0;
  let left = false;
  const leave = () => {
    left = true;
  };
  process.once("SIGINT", leave);
  const tty = process.stdout.isTTY === true;
  let printed = 0;
  try {
    for (;;) {
      const active = (await newsletter.updates.progress()).filter((p) => p.status === "sending");
      if (tty && printed > 0) process.stdout.write(`\x1b[${printed}A\x1b[J`);
      for (const p of active) console.log(progressBar(p));
      printed = active.length;
      if (active.length === 0 || left) break;
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
      if (left) break;
    }
  } finally {
    process.off("SIGINT", leave);
  }
  console.log(
    left
      ? "Gestopt met kijken; het versturen gaat door."
      : "Niets meer onderweg (klaar of gepauzeerd).",
  );
  return 0;
}

/** `send-pending`: one pass, for cron; exits when nothing is due. */
export async function sendPendingCommand(newsletter: Newsletter): Promise<number> {
  const r = await newsletter.updates.sendPending();
  console.log(
    `Verstuurd: ${r.sent}, mislukt: ${r.failed}, later opnieuw: ${r.retried}, overgeslagen: ${r.skipped}, onzeker: ${r.uncertain}${r.recovered.released + r.recovered.uncertain > 0 ? `; na een gestopte verzender terug in de rij: ${r.recovered.released}, onzeker geworden: ${r.recovered.uncertain}` : ""}${r.done.length > 0 ? `; klaar: ${r.done.join(", ")}` : ""}`,
  );
  return r.failed > 0 || r.uncertain > 0 ? 1 : 0;
}

export async function uncertainCommand(newsletter: Newsletter, slug: string): Promise<number> {
  const rows = await newsletter.updates.uncertain(slug);
  if (rows.length === 0) {
    console.log(`Update ${slug} heeft geen onzekere verzendingen.`);
    return 0;
  }
  console.log(
    `${rows.length} onzekere verzending(en) van ${slug}: de mailserver kreeg de mail misschien wel. Niet automatisch opnieuw verstuurd.`,
  );
  for (const r of rows) {
    console.log(`${r.email}  poging ${r.attemptedAt ?? "?"}  ${r.messageId}  ${r.why ?? ""}`);
  }
  console.log(
    `Opnieuw versturen (zelfde Message-ID): pnpm newsletter resend-uncertain ${slug} --confirm`,
  );
  return 0;
}

export async function resendUncertainCommand(
  newsletter: Newsletter,
  slug: string,
  confirm: boolean,
): Promise<number> {
  if (!confirm) {
    const rows = await newsletter.updates.uncertain(slug);
    console.error(
      rows.length === 0
        ? `Update ${slug} heeft geen onzekere verzendingen.`
        : `${rows.length} ontvanger(s) van ${slug} krijgen de Update misschien twee keer. Weet je het zeker? Voeg --confirm toe.`,
    );
    return rows.length === 0 ? 0 : 2;
  }
  const result = await newsletter.updates.resendUncertain(slug);
  console.log(result.message);
  return 0;
}
