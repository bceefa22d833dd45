// `pnpm -F @vaart/bench bench:preview`: what a studio preview link costs the site. A preview
// (`/artikelen/<slug>?voorbeeld=<token>&versie=<n>`) reads its version from the database and
// renders it on every request (no-store: never in the page cache); the published page is
// served from the page cache. Both on one site instance on PostgreSQL, alternating rounds.
import { previewToken } from "@vaart/web";
import { freshPostgresSchema, type RunningApp, startApp } from "./apps.js";
import { article, median, storeOn } from "./content.js";
import { load } from "./load.js";

const SLUG = "voorbeeld-meting";
const AUTHOR = "bench@vaart.test";
// The site's local default (VAART_LOCAL_DEFAULTS=1, as startApp runs it).
const PREVIEW_SECRET = "lokaal-voorbeeld-token";

export async function previewThroughput(
  seconds: number,
  connections: number,
  rounds = 3,
): Promise<string> {
  const db = freshPostgresSchema("preview");
  const { store, close } = storeOn(db.url);
  let site: RunningApp | undefined;
  try {
    const published = await store.saveDraft({
      kind: "article",
      slug: SLUG,
      text: article(SLUG),
      author: AUTHOR,
      baseRevision: null,
    });
    await store.publish("article", SLUG, published.revision, AUTHOR);
    const draft = await store.saveDraft({
      kind: "article",
      slug: SLUG,
      text: article(SLUG).replace("Tekst van het artikel", "Nieuwe tekst van het artikel"),
      author: AUTHOR,
      baseRevision: published.revision,
    });
    site = await startApp("site", { DATABASE_URL: db.url });
    const token = previewToken(PREVIEW_SECRET, "article", SLUG, draft.revision);
    const cells = {
      "published article (page cache)": `${site.origin}/artikelen/${SLUG}`,
      "preview of the draft (database + render per request, no-store)": `${site.origin}/artikelen/${SLUG}?voorbeeld=${token}&versie=${draft.revision}`,
    };
    const wrongToken = `${site.origin}/artikelen/${SLUG}?voorbeeld=${token.replace(/^./, (c) => (c === "A" ? "B" : "A"))}&versie=${draft.revision}`;
    // Each must answer what it should before anything is measured.
    const expected: Record<string, [number, string]> = {
      [cells["published article (page cache)"]]: [200, "Tekst van het artikel"],
      [cells["preview of the draft (database + render per request, no-store)"]]: [
        200,
        "Nieuwe tekst",
      ],
      [wrongToken]: [404, "Pagina niet gevonden"],
    };
    for (const [url, [status, text]] of Object.entries(expected)) {
      const answer = await fetch(url);
      const html = await answer.text();
      if (answer.status !== status || !html.includes(text)) {
        throw new Error(`${url}: ${answer.status}, "${text}" not in the page`);
      }
    }
    Object.assign(cells, { "a wrong token (404, no database read)": wrongToken });
    const gzip = { "accept-encoding": "gzip" };
    const runs: Record<string, number[]> = {};
    for (let round = 0; round < rounds; round += 1) {
      for (const [label, url] of Object.entries(cells)) {
        if (round === 0) await load({ url, connections, seconds: 2, headers: gzip }); // warm-up
        const r = await load({ url, connections, seconds, headers: gzip });
        if (r.errors > 0) throw new Error(`${url}: ${r.errors} errors`);
        runs[label] = [...(runs[label] ?? []), r.requestsPerSecond];
      }
    }
    // autocannon counts a 404 as an answer, not an error: the 404 row is answers per second.
    const [cached, preview] = Object.values(runs);
    const ratio = median((preview ?? []).map((value, i) => value / (cached?.[i] ?? value)));
    return [
      `${connections} connections, ${seconds} s per run, ${rounds} runs per cell alternating, autocannon in a second process; one site instance on PostgreSQL. Cells are medians.`,
      "",
      "| page | req/s | all runs |",
      "| --- | ---: | --- |",
      ...Object.entries(runs).map(
        ([label, values]) => `| ${label} | ${Math.round(median(values))} | ${values.join(", ")} |`,
      ),
      "",
      `Preview ÷ published (median of each round's ratio): ${ratio.toFixed(2)}.`,
    ].join("\n");
  } finally {
    await site?.stop();
    await close();
    db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    await previewThroughput(
      Number(process.env.BENCH_SECONDS ?? 10),
      Number(process.env.BENCH_CONNECTIONS ?? 10),
      Number(process.env.BENCH_ROUNDS ?? 3),
    ),
  );
}
