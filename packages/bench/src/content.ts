import { rmSync } from "node:fs";
import { createNewsletter, createNullTransport } from "@vaart/newsletter";
import type { ContentStore } from "@vaart/newsletter/content-store";
import { contentCheckers } from "@vaart/web";
import { freshPostgresSchema, type RunningApp, startApp, tempDir } from "./apps.js";
import { load } from "./load.js";
import { articlePath } from "./sections.js";

const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";
const AUTHOR = "bench@vaart.test";

/** The content store on a bench schema, as the studio opens it. */
function storeOn(schemaUrl: string) {
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

const article = (slug: string) => `---
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

const median = (values: number[]) => {
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
      // Publishing at a random moment within the 2 s poll, not in step with it.
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1700));
    }
    const ms = (value: number) => `${Math.round(value)} ms`;
    return [
      `${runs} publishes of a new campaign version through the content store; two landing instances on one PostgreSQL database, each polling the content version every 2 s; time from publish() returning until both answer the new version (polled every 20 ms).`,
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
export async function publicThroughput(seconds: number, connections: number): Promise<string> {
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
    const rows: { label: string; origin: string; path: string }[] = [
      { label: "site, seed article (file)", origin: "siteEmpty", path: articlePath },
      { label: "site, seed article (file)", origin: "siteFilled", path: articlePath },
      { label: "site, article list", origin: "siteEmpty", path: "/artikelen" },
      { label: "site, article list", origin: "siteFilled", path: "/artikelen" },
      {
        label: "landing, campaign (file)",
        origin: "landingEmpty",
        path: "/webinar-ketensamenwerking",
      },
      {
        label: "landing, campaign (file)",
        origin: "landingFilled",
        path: "/webinar-ketensamenwerking",
      },
    ];
    const lines: string[] = [];
    for (const row of rows) {
      const url = `${servers[row.origin]?.origin}${row.path}`;
      await load({ url, connections, seconds: 2, headers: gzip }); // warm-up
      const r = await load({ url, connections, seconds, headers: gzip });
      const db = row.origin.endsWith("Empty") ? "none" : "20 articles + 1 campaign";
      lines.push(
        `| ${row.label} | ${db} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors} |`,
      );
    }
    return [
      `${connections} connections, ${seconds} s per row, autocannon in a second process; each app twice on PostgreSQL, once with an empty content store and once with published content (rows in the order measured).`,
      "",
      "| page | published in the database | req/s | p50 ms | p99 ms | errors |",
      "| --- | --- | ---: | ---: | ---: | ---: |",
      ...lines,
    ].join("\n");
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    await close();
    empty.drop();
    filled.drop();
  }
}
