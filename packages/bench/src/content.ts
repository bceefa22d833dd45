import { rmSync } from "node:fs";
import { createNewsletter, createNullTransport } from "@vaart/newsletter";
import type { ContentStore } from "@vaart/newsletter/content-store";
import { CONTENT_POLL_MS, contentCheckers } from "@vaart/web";
import { freshPostgresSchema, type RunningApp, startApp, tempDir } from "./apps.js";
import { load } from "./load.js";
import { articlePath } from "./sections.js";

const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";
const AUTHOR = "bench@vaart.test";

/** The content store on a bench schema, as the studio opens it. */
export function storeOn(schemaUrl: string) {
  const schema = /search_path%3D(\w+)/.exec(schemaUrl)?.[1];
  const dataDir = tempDir("content-store");
  const newsletter = createNewsletter({
    databaseUrl: testDatabaseUrl,
    pgSchema: schema,
    dataDir,
    siteUrl: "http://localhost:3000",
    mailFrom: "Vaart <bench@vaart.test>",
    secret: "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    transport: createNullTransport(),
  });
  return {
    store: newsletter.contentStore(contentCheckers()),
    close: async () => {
      await newsletter.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const campaign = (marker: string) => `title: Publiceren ${marker}
description: Hoe snel een gepubliceerde campagne zichtbaar is
theme: campaign
status: published
start: "2026-01-01 09:00"
end: "2036-01-01 09:00"
blocks:
  - type: hero
    heading: Meting ${marker}
`;

export const article = (slug: string) => `---
title: Artikel ${slug}
slug: ${slug}
date: 2026-11-01
description: Een artikel uit de studio, voor de meting
---

Tekst van het artikel, met [een link](https://example.nl/).
`;

async function publish(
  store: ContentStore,
  kind: "campaign" | "article",
  slug: string,
  text: string,
) {
  const latest = await store.version(kind, slug);
  const saved = await store.saveDraft({
    kind,
    slug,
    text,
    author: AUTHOR,
    baseRevision: latest?.revision ?? null,
  });
  await store.publish(kind, slug, saved.revision, AUTHOR);
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * Publish-to-visible on two landing instances sharing one PostgreSQL database: the time from
 * publish() returning until both instances answer the new version, `runs` times.
 */
export async function publishToVisible(runs: number): Promise<string> {
  const db = freshPostgresSchema("visible");
  const { store, close } = storeOn(db.url);
  const apps: RunningApp[] = [];
  try {
    for (let i = 0; i < 2; i += 1) apps.push(await startApp("landing", { DATABASE_URL: db.url }));
    const times: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const marker = `m${run}x${Date.now().toString(36)}`;
      await publish(store, "campaign", "bench-publiceren", campaign(marker));
      const started = performance.now();
      const pending = new Set(apps);
      while (pending.size > 0) {
        for (const app of [...pending]) {
          const html = await (await fetch(`${app.origin}/bench-publiceren`)).text();
          if (html.includes(`Meting ${marker}`)) pending.delete(app);
        }
        if (performance.now() - started > 10_000)
          throw new Error(`run ${run}: not visible in 10 s`);
        if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      times.push(performance.now() - started);
      // Publishing at a random moment within the poll interval, not in step with it.
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * CONTENT_POLL_MS));
    }
    const ms = (value: number) => `${Math.round(value)} ms`;
    return [
      `${runs} publishes of a new campaign version through the content store; two landing instances on one PostgreSQL database, each polling the content version every ${CONTENT_POLL_MS / 1000} s; time from publish() returning until both answer the new version (polled every 20 ms).`,
      "",
      "| median | min | max |",
      "| ---: | ---: | ---: |",
      `| ${ms(median(times))} | ${ms(Math.min(...times))} | ${ms(Math.max(...times))} |`,
      "",
      `All runs: ${times.map((t) => Math.round(t)).join(", ")} ms.`,
    ].join("\n");
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await close();
    db.drop();
  }
}

/**
 * Public page throughput without any content in the database and with published content
 * (20 articles, one campaign; instances polling), in one run: the same pages on each.
 */
export async function publicThroughput(
  seconds: number,
  connections: number,
  rounds = 3,
): Promise<string> {
  const empty = freshPostgresSchema("empty");
  const filled = freshPostgresSchema("filled");
  const { store, close } = storeOn(filled.url);
  const servers: Record<string, RunningApp> = {};
  try {
    for (let i = 1; i <= 20; i += 1) {
      await publish(store, "article", `studio-artikel-${i}`, article(`studio-artikel-${i}`));
    }
    await publish(store, "campaign", "bench-publiceren", campaign("vooraf"));
    servers.siteEmpty = await startApp("site", { DATABASE_URL: empty.url });
    servers.siteFilled = await startApp("site", { DATABASE_URL: filled.url });
    servers.landingEmpty = await startApp("landing", { DATABASE_URL: empty.url });
    servers.landingFilled = await startApp("landing", { DATABASE_URL: filled.url });
    const gzip = { "accept-encoding": "gzip" };
    const pages = [
      { label: "site, seed article (file; page cache)", app: "site", path: articlePath },
      { label: "site, article list (page cache)", app: "site", path: "/artikelen" },
      {
        label: "landing, campaign (file; rendered per request, counts the visit)",
        app: "landing",
        path: "/webinar-ketensamenwerking",
      },
    ];
    const lines: string[] = [];
    for (const page of pages) {
      // Empty and filled alternate, so both see the same machine; the row is the median.
      const runs: Record<"Empty" | "Filled", number[]> = { Empty: [], Filled: [] };
      for (let round = 0; round < rounds; round += 1) {
        for (const which of ["Empty", "Filled"] as const) {
          const url = `${servers[`${page.app}${which}`]?.origin}${page.path}`;
          if (round === 0) await load({ url, connections, seconds: 2, headers: gzip }); // warm-up
          const r = await load({ url, connections, seconds, headers: gzip });
          if (r.errors > 0) throw new Error(`${url}: ${r.errors} errors`);
          runs[which].push(r.requestsPerSecond);
        }
      }
      const empty = median(runs.Empty);
      const filled = median(runs.Filled);
      // Each round's pair ran back to back: their ratio is less moved by the machine's load.
      const ratio = median(runs.Filled.map((value, i) => value / (runs.Empty[i] ?? value)));
      lines.push(
        `| ${page.label} | ${Math.round(empty)} | ${Math.round(filled)} | ${ratio.toFixed(2)} | ${runs.Empty.join(", ")} / ${runs.Filled.join(", ")} |`,
      );
    }
    return [
      `${connections} connections, ${seconds} s per run, ${rounds} runs per cell alternating (empty, filled, …), autocannon in a second process; each app twice on PostgreSQL, once with an empty content store and once with 20 published articles and a published campaign (instances polling every ${CONTENT_POLL_MS / 1000} s). Cells are medians.`,
      "",
      "| page | req/s, nothing published | req/s, content published | ratio (median of each round's) | all runs (empty / published) |",
      "| --- | ---: | ---: | ---: | --- |",
      ...lines,
    ].join("\n");
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    await close();
    empty.drop();
    filled.drop();
  }
}
