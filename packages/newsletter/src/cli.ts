#!/usr/bin/env node
/**
 * Owner's command-line tool: `pnpm newsletter <command>` from the repo root.
 * Configuration comes from the same environment variables as the apps (see README).
 */
import { existsSync, realpathSync } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { errorMessage, NewsletterConfigError } from "./errors.js";
import type { ImportReport } from "./import/subscriber-import.server.js";
import type { Stats } from "./stats.server.js";

const USAGE = `Usage: pnpm newsletter <command> [options]

Commands:
  migrate [--allow-destructive]   apply pending database migrations
  stats [--json]                  visits (campaign pages) / pending / confirmed / unsubscribed per source
  export [--out <file>] [--allow-inside-repo]
                                  CSV of confirmed subscribers with consent proof (to stdout
                                  unless --out is given; the path is taken from the folder the
                                  command was typed in; never inside a git working tree, where
                                  \`git add -A\` would commit it, unless --allow-inside-repo)
  import <file.csv> [--dry-run]   add an existing list (the old site's plugin, Mailchimp, Laposta,
                                  or this tool's export) as confirmed subscribers with their
                                  original consent date, source import:<file>; one line per
                                  row that is not added; --dry-run reports and writes nothing
  resend-pending [--limit <n>] [--include-abandoned]
                                  send confirmation mails that are due (failed or never sent);
                                  --include-abandoned also requeues signups whose mail was
                                  given up after repeated failures
  prune [--older-than-days <n>]   delete signups never confirmed whose latest signup is older
                                  than n days (default 30) with their consent records and
                                  tokens, plus expired tokens and old rate-limit rows
  check [<file>…]                 check the Updates (default: every apps/site/content/updates/*.md);
                                  each problem names the file, line and field
  preview <file> [--out <dir>]    write the Update's mail as <slug>.eml and <slug>.html (greeting
                                  an example name) to look at; default folder <DATA_DIR>/preview
  send <file> --test <address>…   send the Update only to these addresses, subject prefixed
                                  [TEST]; records nothing in the database
  send <file>                     start sending an Update to every confirmed subscriber (once)
  sending [--watch] [--json]      progress of each Update: audience, sent, failed, uncertain,
                                  skipped, rate, time left; --watch shows a progress bar until
                                  done (Ctrl-C leaves the watch, the sending goes on)
  pause <slug> / resume <slug>    pause or resume an Update's sending (resume never re-sends
                                  to anyone already mailed)
  send-pending                    send the Update mails that are due now, then exit (cron;
                                  every running site instance does this by itself)
  uncertain <slug>                recipients whose mail may or may not have gone out (a crash
                                  mid-send); never re-sent by themselves
  resend-uncertain <slug> [--confirm]
                                  re-send those on purpose (same Message-ID)
  help                            show this text

Environment: DATABASE_URL, DATA_DIR, SMTP_URL, SITE_URL, NEWSLETTER_SECRET,
NEWSLETTER_MAIL_FROM, NEWSLETTER_REPLY_TO, NEWSLETTER_SITE_NAME, NEWSLETTER_MAIL_TRANSPORT,
NEWSLETTER_MAX_MAILS_PER_HOUR, NEWSLETTER_SEND_RATE, DKIM_DOMAIN, DKIM_SELECTOR,
DKIM_PRIVATE_KEY (see the package README). Without production settings, choose
local defaults explicitly: NODE_ENV=development pnpm newsletter <command>.`;

/** Largest list file read: 10,000 subscribers are about 1 MB. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const count = (n: number) => n.toLocaleString("nl-NL");

/** The import's report in Dutch: totals first, then one line per row not added as new. */
export function formatImport(report: ImportReport): string {
  const delimiter = report.delimiter === "\t" ? "tab" : `"${report.delimiter}"`;
  const out = [
    `${report.file}: ${count(report.rows)} regel(s) gelezen (scheidingsteken ${delimiter}), bron ${report.source}`,
    `  ${report.dryRun ? "zou toevoegen" : "toegevoegd"} als bevestigd: ${count(report.imported)}`,
    `  al aangemeld (niets veranderd): ${count(report.alreadySubscribed)}`,
    `  ${report.dryRun ? "zou bevestigen" : "bevestigd"} (stonden nog open op de site): ${count(report.confirmedPending.length)}`,
    `  afgemeld (niet opnieuw aangemeld): ${count(report.keptUnsubscribed.length)}`,
    `  afgewezen: ${count(report.rejected.length)}`,
  ];
  const lines = [
    ...report.rejected.map((l) => ({ ...l, kind: "afgewezen" })),
    ...report.keptUnsubscribed.map((l) => ({ ...l, kind: "afgemeld" })),
    ...report.confirmedPending.map((l) => ({ ...l, kind: "bevestigd" })),
  ].sort((a, b) => a.line - b.line);
  for (const l of lines) {
    out.push(`regel ${l.line}: ${l.kind}${l.email ? ` ${l.email}` : ""}: ${l.reason}`);
  }
  if (report.dryRun) out.push("Proefdraai (--dry-run): er is niets opgeslagen.");
  return out.join("\n");
}

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
  const retry = retryLines(stats, new Date());
  if (retry.length > 0) out.push(...retry);
  return out.join("\n");
}

/** "2026-12-04 15:05 (Amsterdam), over 5 min": the owner reads times in Dutch local time. */
function when(iso: string, now: Date, english = false): string {
  const at = new Date(iso);
  const local = at
    .toLocaleString("sv-SE", { timeZone: "Europe/Amsterdam", hour12: false })
    .slice(0, 16);
  const minutes = Math.ceil((at.getTime() - now.getTime()) / 60_000);
  const [due, inMin, inHours] = english
    ? ["due now", `in ${minutes} min`, `in ${Math.round(minutes / 60)} h`]
    : ["nu al aan de beurt", `over ${minutes} min`, `over ${Math.round(minutes / 60)} uur`];
  return `${local} (Amsterdam), ${minutes <= 0 ? due : minutes < 120 ? inMin : inHours}`;
}

/** When the failed confirmation mails are tried again, and what was given up. */
function retryLines(stats: Stats, now: Date): string[] {
  const lines: string[] = [];
  if (stats.nextMailRetryAt) {
    lines.push(
      `Volgende poging: ${when(stats.nextMailRetryAt, now)} (door resend-pending; draai die regelmatig, zie docs/deploy.md).`,
    );
  }
  if (stats.mailAbandoned > 0) {
    lines.push(
      `${stats.mailAbandoned} bevestigingsmail(s) opgegeven na herhaalde fouten: opnieuw proberen met resend-pending --include-abandoned.`,
    );
  }
  if (stats.mailRejected > 0) {
    lines.push(
      `${stats.mailRejected} bevestigingsmail(s) geweigerd door de mailserver (adres bestaat niet?): die worden niet opnieuw verstuurd.`,
    );
  }
  return lines;
}

/** The folder holding `.git` (a folder, or a file in a git worktree) above `file`, if any. */
export function gitWorkTreeOf(file: string): string | null {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (existsSync(path.join(dir, ".git"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Where `--out` points: relative to the folder the command was typed in. `pnpm newsletter`
 * runs in that folder; a package script (`pnpm --filter @vaart/newsletter cli`) runs in the
 * package's folder, and pnpm passes the folder it was typed in as INIT_CWD. INIT_CWD counts
 * only then: a command started from inside some other script inherits a stale one.
 */
export function outputPath(
  out: string,
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): string {
  const script = env.npm_package_json?.trim();
  const runByScript =
    script !== undefined &&
    script !== "" &&
    path.resolve(path.dirname(script)) === path.resolve(cwd) &&
    Boolean(env.INIT_CWD?.trim());
  return path.resolve(runByScript ? (env.INIT_CWD?.trim() ?? cwd) : cwd, out);
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
        "allow-inside-repo": { type: "boolean" },
        test: { type: "string", multiple: true },
        "dry-run": { type: "boolean" },
        watch: { type: "boolean" },
        confirm: { type: "boolean" },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${errorMessage(error)}\n\n${USAGE}`);
    return 2;
  }
  const values = parsed.values;
  const positionals = parsed.positionals;
  const withSlug = ["pause", "resume", "uncertain", "resend-uncertain"];
  const withFiles = ["check", "preview", "send", "import"];
  const known = [
    "migrate",
    "stats",
    "export",
    "resend-pending",
    "prune",
    "sending",
    "send-pending",
  ];
  if (![...known, ...withFiles, ...withSlug].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  if (withSlug.includes(command) && positionals.length !== 1) {
    console.error(`pnpm newsletter ${command} <slug>: geef precies één <slug>.\n\n${USAGE}`);
    return 2;
  }
  if (positionals.length > 0 && ![...withFiles, ...withSlug].includes(command)) {
    console.error(`Unexpected argument "${positionals[0]}".\n\n${USAGE}`);
    return 2;
  }
  if (command === "check") return checkCommand(positionals);
  if (command === "preview" || (command === "send" && values.test !== undefined)) {
    const file = positionals[0];
    if (!file) {
      console.error(
        `Welk bestand? pnpm newsletter ${command} <bestand>${command === "send" ? " --test <adres>" : ""}\n\n${USAGE}`,
      );
      return 2;
    }
    if (command === "preview") {
      if (positionals.length > 1) {
        console.error(`Unexpected argument "${positionals[1]}".\n\n${USAGE}`);
        return 2;
      }
      return previewCommand(file, typeof values.out === "string" ? values.out : undefined);
    }
    // `--test a@x.nl b@x.nl` and `--test a@x.nl --test b@x.nl` both name two addresses.
    const tests = Array.isArray(values.test) ? values.test.map(String) : [];
    return testSendCommand(file, [...tests, ...positionals.slice(1)]);
  }
  if (command === "send" && positionals.length !== 1) {
    console.error(`pnpm newsletter send <bestand> [--test <adres>…]\n\n${USAGE}`);
    return 2;
  }
  const argument = positionals[0] ?? "";

  let out: string | undefined;
  if (command === "export" && typeof values.out === "string") {
    out = outputPath(values.out, process.env);
    const tree = gitWorkTreeOf(out);
    if (tree && values["allow-inside-repo"] !== true) {
      console.error(
        `Not writing ${out}: it is inside the git working tree ${tree}, where \`git add -A\` would commit subscribers' personal data. Write it outside the repository (e.g. --out ~/subscribers.csv), or pass --allow-inside-repo if you mean it.`,
      );
      return 2;
    }
  }

  let importFile: { name: string; bytes: Uint8Array } | undefined;
  if (command === "import") {
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) {
      console.error(
        `import needs exactly one file: pnpm newsletter import <file.csv> [--dry-run]\n\n${USAGE}`,
      );
      return 2;
    }
    const full = outputPath(file, process.env);
    try {
      const info = await stat(full);
      if (!info.isFile()) throw new Error("not a file");
      if (info.size > MAX_IMPORT_BYTES) {
        console.error(`${full}: het bestand is groter dan 50 MB; splits het in delen.`);
        return 1;
      }
      importFile = { name: full, bytes: await readFile(full) };
    } catch (error) {
      console.error(`${full}: kan het bestand niet lezen (${errorMessage(error)}).`);
      return 1;
    }
  }

  // Loaded only for a command that needs it: usage and argument errors answer at once.
  const { createNewsletterFromEnv } = await import("./index.js");
  // The sending commands bring the Update renderer (marked, yaml): only the commands that
  // use them load them.
  const sending = () => import("./updates/sending-commands.js");
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
        if (out !== undefined) {
          await writeFile(out, csv, { mode: 0o600 });
          console.error(`Wrote ${csv.split("\r\n").length - 2} subscriber(s) to ${out}`);
        } else {
          process.stdout.write(csv);
        }
        break;
      }
      case "import": {
        const { CsvFileError } = await import("./import/subscriber-import.server.js");
        try {
          const report = await newsletter.importSubscribers(
            importFile as { name: string; bytes: Uint8Array },
            {
              dryRun: values["dry-run"] === true,
            },
          );
          console.log(formatImport(report));
        } catch (error) {
          if (error instanceof CsvFileError) {
            console.error(`${importFile?.name}: ${error.message} Er is niets geïmporteerd.`);
            return 1;
          }
          throw error;
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
        const queue = await newsletter.stats();
        if (queue.nextMailRetryAt) {
          console.log(
            `Next try of ${queue.mailFailures - queue.mailAbandoned - queue.mailRejected} failed mail(s): ${when(queue.nextMailRetryAt, new Date(), true)}, when resend-pending runs again.`,
          );
        }
        if (queue.mailAbandoned > 0) {
          console.log(
            `${queue.mailAbandoned} mail(s) given up after repeated failures: resend-pending --include-abandoned tries them again.`,
          );
        }
        if (report.failed > 0) return 1;
        break;
      }
      case "send": {
        const { loadConfig } = await import("./config.server.js");
        const { siteUrl, siteName } = loadConfig(process.env);
        return await (await sending()).sendCommand(newsletter, outputPath(argument, process.env), {
          siteUrl,
          siteName,
        });
      }
      case "sending":
        return await (await sending()).sendingCommand(newsletter, {
          watch: values.watch === true,
          json: values.json === true,
        });
      case "pause":
      case "resume": {
        const result =
          command === "pause"
            ? await newsletter.updates.pause(argument)
            : await newsletter.updates.resume(argument);
        (result.status === "ok" ? console.log : console.error)(result.message);
        return result.status === "ok" ? 0 : 1;
      }
      case "send-pending":
        return await (await sending()).sendPendingCommand(newsletter);
      case "uncertain":
        return await (await sending()).uncertainCommand(newsletter, argument);
      case "resend-uncertain":
        return await (await sending()).resendUncertainCommand(
          newsletter,
          argument,
          values.confirm === true,
        );
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

/** `check [<file>…]`: every Update (or the files named), all problems at once. */
async function checkCommand(files: string[]): Promise<number> {
  const { checkUpdateFiles, listUpdateFiles, updatesFolder } = await import("./updates/index.js");
  const repoRoot = await cliRepoRoot();
  const targets =
    files.length > 0
      ? files.map((f) => outputPath(f, process.env))
      : await listUpdateFiles(updatesFolder(repoRoot));
  if (targets.length === 0) {
    console.log(`Geen Updates gevonden in ${updatesFolder(repoRoot)}.`);
    return 0;
  }
  const report = await checkUpdateFiles(targets, { repoRoot });
  for (const ok of report.checked) {
    console.log(`OK  ${ok.file}  ${ok.date}  ${ok.subject}`);
  }
  for (const problem of report.problems) console.error(problem.message);
  if (report.problems.length > 0) {
    console.error(
      `${report.problems.length} van de ${targets.length} Update(s) ${report.problems.length === 1 ? "heeft" : "hebben"} problemen.`,
    );
    return 1;
  }
  console.log(`${report.checked.length} Update(s) in orde.`);
  return 0;
}

/**
 * The repository the Updates are in: the one the command was typed in, or else the one this
 * CLI was built in (`pnpm newsletter` runs from anywhere, e.g. a folder with a draft).
 */
async function cliRepoRoot(): Promise<string> {
  const { findRepoRoot } = await import("./config.server.js");
  const here = findRepoRoot(outputPath(".", process.env));
  if (existsSync(path.join(here, "pnpm-workspace.yaml"))) return here;
  return findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
}

/** Site and sender from the same settings as the apps (SITE_URL, NEWSLETTER_MAIL_FROM, …). */
async function mailSettings() {
  const { loadConfig } = await import("./config.server.js");
  return loadConfig(process.env);
}

async function previewCommand(file: string, out: string | undefined): Promise<number> {
  const { writePreview } = await import("./updates/preview.server.js");
  const { UpdateFileError } = await import("./updates/update-file.js");
  try {
    const config = await mailSettings();
    const written = await writePreview(outputPath(file, process.env), {
      repoRoot: await cliRepoRoot(),
      site: { siteUrl: config.siteUrl, siteName: config.siteName },
      sender: { from: config.mailFrom, replyTo: config.replyTo },
      outDir:
        out !== undefined ? outputPath(out, process.env) : path.join(config.dataDir, "preview"),
    });
    console.log(`Voorbeeld van ${written.slug} geschreven:\n  ${written.eml}\n  ${written.html}`);
    return 0;
  } catch (error) {
    if (error instanceof UpdateFileError || error instanceof NewsletterConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function testSendCommand(file: string, addresses: string[]): Promise<number> {
  const { sendTestUpdate, TestAddressError } = await import("./updates/test-send.server.js");
  const { UpdateFileError } = await import("./updates/update-file.js");
  const { createOutboxTransport, createSmtpTransport } = await import("./mail/transport.server.js");
  let transport: import("./mail/transport.server.js").MailTransport | undefined;
  try {
    const config = await mailSettings();
    transport = config.smtpUrl
      ? createSmtpTransport(config.smtpUrl)
      : createOutboxTransport(
          config.outboxDir,
          { info: console.error, warn: console.error, error: console.error },
          {
            logLinks: config.logConfirmationLinks,
          },
        );
    const report = await sendTestUpdate(outputPath(file, process.env), addresses, {
      repoRoot: await cliRepoRoot(),
      site: { siteUrl: config.siteUrl, siteName: config.siteName },
      sender: { from: config.mailFrom, replyTo: config.replyTo },
      transport,
    });
    for (const to of report.sent)
      console.log(`Testmail "${report.subject}" verstuurd naar ${to} (${transport.name})`);
    for (const failure of report.failed) {
      console.error(`Testmail naar ${failure.to} niet verstuurd: ${failure.error}`);
    }
    console.log("Niets vastgelegd: de Update is niet verstuurd aan abonnees.");
    return report.failed.length > 0 ? 1 : 0;
  } catch (error) {
    if (
      error instanceof UpdateFileError ||
      error instanceof TestAddressError ||
      error instanceof NewsletterConfigError
    ) {
      console.error(error.message);
      return error instanceof TestAddressError ? 2 : 1;
    }
    throw error;
  } finally {
    await transport?.close?.();
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
