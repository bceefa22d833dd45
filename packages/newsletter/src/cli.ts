#!/usr/bin/env node
/**
 * Owner's command-line tool: `pnpm newsletter <command>` from the repo root.
 * Configuration comes from the same environment variables as the apps (see README).
 */
import { realpathSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { errorMessage, NewsletterConfigError } from "./errors.js";
import { createNewsletterFromEnv } from "./index.js";
import type { Stats } from "./owner.server.js";

const USAGE = `Usage: pnpm newsletter <command> [options]

Commands:
  migrate [--allow-destructive]   apply pending database migrations
  stats [--json]                  visits (campaign pages) / pending / confirmed / unsubscribed per source
  export [--out <file>]           CSV of confirmed subscribers with consent proof
                                  (to stdout unless --out is given)
  resend-pending [--limit <n>] [--include-abandoned]
                                  send confirmation mails that are due (failed or never sent);
                                  --include-abandoned also requeues signups whose mail was
                                  given up after repeated failures
  prune [--older-than-days <n>]   delete signups never confirmed whose latest signup is older
                                  than n days (default 30) with their consent records and
                                  tokens, plus expired tokens and old rate-limit rows
  help                            show this text

Environment: DATABASE_URL, DATA_DIR, SMTP_URL, SITE_URL, NEWSLETTER_SECRET,
NEWSLETTER_MAIL_FROM, NEWSLETTER_REPLY_TO, NEWSLETTER_SITE_NAME, NEWSLETTER_MAIL_TRANSPORT,
NEWSLETTER_MAX_MAILS_PER_HOUR (see the package README). Without production settings, choose
local defaults explicitly: NODE_ENV=development pnpm newsletter <command>.`;

function formatStats(stats: Stats): string {
  const header = ["bron", "wachtend", "bevestigd", "afgemeld", "totaal", "bezoeken"];
  const visitsOf = new Map(stats.visits.map((v) => [v.source, v.visits]));
  const sources = [
    ...stats.sources,
    ...stats.visits
      .filter((v) => !stats.sources.some((s) => s.source === v.source))
      .map((v) => ({ source: v.source, pending: 0, confirmed: 0, unsubscribed: 0, total: 0 })),
  ];
  const rows = sources.map((s) => [
    s.source,
    String(s.pending),
    String(s.confirmed),
    String(s.unsubscribed),
    String(s.total),
    String(visitsOf.get(s.source) ?? 0),
  ]);
  const t = stats.totals;
  rows.push([
    "TOTAAL",
    String(t.pending),
    String(t.confirmed),
    String(t.unsubscribed),
    String(t.total),
    String(stats.visits.reduce((sum, v) => sum + v.visits, 0)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  if (stats.mailFailures > 0) {
    out.push(
      "",
      `${stats.mailFailures} aanmelding(en) wachten op een bevestigingsmail die niet verstuurd kon worden; zie resend-pending.`,
    );
  }
  return out.join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        "allow-destructive": { type: "boolean" },
        json: { type: "boolean" },
        out: { type: "string" },
        limit: { type: "string" },
        "include-abandoned": { type: "boolean" },
        "older-than-days": { type: "string" },
      },
      strict: true,
    });
  } catch (error) {
    console.error(`${errorMessage(error)}\n\n${USAGE}`);
    return 2;
  }
  const values = parsed.values;
  if (!["migrate", "stats", "export", "resend-pending", "prune"].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }

  let newsletter: ReturnType<typeof createNewsletterFromEnv>;
  try {
    newsletter = createNewsletterFromEnv(process.env, {
      logger: {
        info: (m) => console.error(m),
        warn: (m) => console.error(m),
        error: (m) => console.error(m),
      },
    });
  } catch (error) {
    if (error instanceof NewsletterConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  try {
    switch (command) {
      case "migrate": {
        const report = await newsletter.migrate({
          allowDestructive: values["allow-destructive"] === true,
        });
        console.log(
          report.applied.length > 0
            ? `Applied ${report.applied.join(", ")} on ${newsletter.location}`
            : `Database ${newsletter.location} is up to date (${report.alreadyApplied.length} migration(s) applied earlier)`,
        );
        break;
      }
      case "stats": {
        const stats = await newsletter.stats();
        console.log(values.json ? JSON.stringify(stats, null, 2) : formatStats(stats));
        break;
      }
      case "export": {
        const csv = await newsletter.exportCsv();
        if (typeof values.out === "string") {
          await writeFile(values.out, csv, { mode: 0o600 });
          console.error(`Wrote ${csv.split("\r\n").length - 2} subscriber(s) to ${values.out}`);
        } else {
          process.stdout.write(csv);
        }
        break;
      }
      case "resend-pending": {
        const limit =
          typeof values.limit === "string" ? Number.parseInt(values.limit, 10) : undefined;
        if (limit !== undefined && !(limit > 0)) {
          console.error("--limit must be a positive number");
          return 2;
        }
        const report = await newsletter.resendPending({
          ...(limit ? { limit } : {}),
          includeAbandoned: values["include-abandoned"] === true,
        });
        console.log(
          `${report.requeued > 0 ? `Requeued: ${report.requeued}, d` : "D"}ue: ${report.due}, sent: ${report.sent}, failed: ${report.failed} (transport: ${newsletter.transportName})`,
        );
        if (report.failed > 0) return 1;
        break;
      }
      case "prune": {
        const raw = values["older-than-days"];
        const olderThanDays = typeof raw === "string" ? Number(raw) : 30;
        if (!(olderThanDays > 0)) {
          console.error("--older-than-days must be a positive number");
          return 2;
        }
        const report = await newsletter.prune({ olderThanDays });
        console.log(
          `Pruned ${report.signups} signup(s) never confirmed (older than ${olderThanDays} days), ${report.consents} consent record(s), ${report.tokens} token(s), ${report.rateLimits} rate-limit row(s)`,
        );
        break;
      }
    }
    return 0;
  } catch (error) {
    console.error(`newsletter ${command} failed on ${newsletter.location}: ${errorMessage(error)}`);
    return 1;
  } finally {
    await newsletter.close();
  }
}

// Compare real paths: in a deployed app (pnpm deploy, the Docker images) the CLI is reached
// through the node_modules/@vaart/newsletter symlink, and import.meta.url is the real path.
const isMain = (() => {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
