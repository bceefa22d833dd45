// `pnpm -F @vaart/bench bench:logos`: what serving an uploaded logo costs the site. The
// production build on SQLite with one published organisation whose logo was uploaded: its
// /logos/<hash>.webp (from memory) against a logo file of packages/content/logos (from disk),
// in back-to-back pairs, so the machine's load moves both alike. Printed, not written.
import { rmSync } from "node:fs";
import path from "node:path";
import { createNewsletter, createNullTransport } from "@vaart/newsletter";
import { startApp, tempDir } from "./apps.js";
import { load } from "./load.js";

const pairs = Number(process.env.BENCH_PAIRS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const dataDir = tempDir("logos");
const databaseUrl = `sqlite:${path.join(dataDir, "bench.sqlite")}`;
const newsletter = createNewsletter({
  dataDir,
  databaseUrl,
  siteUrl: "http://localhost:3000",
  mailFrom: "Vaart <bench@localhost>",
  secret: "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
  transport: createNullTransport(),
});
// A re-encoded logo is a few KB to a few tens of KB; 12 KB stands for one (the store and the
// server pass the bytes on as they are).
const image = await newsletter.contentImages().save({
  data: Buffer.concat([Buffer.from("RIFF\0\0\0\0WEBPVP8 "), Buffer.alloc(12 * 1024, 7)]),
  contentType: "image/webp",
  width: 480,
  height: 120,
  author: "bench@localhost",
});
const store = newsletter.contentStore({ organisation: () => [] });
const saved = await store.saveDraft({
  kind: "organisation",
  slug: "bench-logo",
  text: `name: Bench BV\nalt: Logo van Bench BV\nlogo: ${image.name}\n`,
  author: "bench@localhost",
  baseRevision: null,
});
await store.publish("organisation", "bench-logo", saved.revision, "bench@localhost");
await newsletter.close();

const site = await startApp("site", { DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
try {
  const home = await (await fetch(`${site.origin}/`)).text();
  const uploaded = `/logos/${image.name}`;
  const file = /src="(\/logos\/alwel\.[0-9a-f]{10}\.svg)"/.exec(home)?.[1];
  if (!home.includes(`src="${uploaded}"`) || !file) {
    throw new Error("the home page shows neither the uploaded logo nor Alwel's file");
  }
  const fileSize = (await (await fetch(`${site.origin}${file}`)).arrayBuffer()).byteLength;
  const memory: number[] = [];
  const disk: number[] = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    const a = await load({ url: `${site.origin}${uploaded}`, connections, seconds });
    const b = await load({ url: `${site.origin}${file}`, connections, seconds });
    if (a.errors || b.errors || a.statuses["2xx"] === 0 || b.statuses["2xx"] === 0) {
      throw new Error(`errors under load: ${JSON.stringify({ a, b })}`);
    }
    memory.push(a.requestsPerSecond);
    disk.push(b.requestsPerSecond);
  }
  const ratios = memory.map((value, i) => value / (disk[i] ?? Number.NaN));
  console.log(
    [
      `Logos on the site, ${pairs} back-to-back pairs of ${seconds} s, ${connections} connections (req/s):`,
      "",
      "| logo | size | median req/s |",
      "| --- | --- | --- |",
      `| uploaded, from memory (${uploaded}) | ${image.data.length} B | ${median(memory).toFixed(0)} |`,
      `| file, from disk (${file}) | ${fileSize} B | ${median(disk).toFixed(0)} |`,
      `| median of the pairs' ratios (memory / disk) | | ${median(ratios).toFixed(2)} |`,
    ].join("\n"),
  );
} finally {
  await site.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
