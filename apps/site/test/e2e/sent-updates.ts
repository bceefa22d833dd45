import path from "node:path";
import Database from "better-sqlite3";

/**
 * Sent Updates for the e2e server's database: rows of `newsletter_updates` as starting to
 * send writes them (the sending itself is tested in @vaart/newsletter). Known `web_html`, so
 * the specs can check that the archive shows exactly what was frozen.
 */
export const sentUpdate = {
  slug: "2026-10-samen-sturen",
  subject: "Samen sturen in de keten",
  preheader: "Een werkvorm voor je volgende ketenoverleg, en twee nieuwe artikelen.",
  date: "2026-10-06",
  webHtml: [
    "<p>Deze keer gaat het over sturen als je niet de baas bent.</p>",
    "<h2>Een werkvorm om te proberen</h2>",
    "<p>Vraag aan het begin van het overleg: <strong>wat wil jij vandaag bereiken?</strong> Schrijf de antwoorden op.</p>",
    "<ul><li>Iedereen één zin.</li><li>Niemand reageert nog.</li></ul>",
    '<h2>Nieuw op de site</h2><p>Lees <a href="/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk">Is gelijkwaardigheid in een ketensamenwerking mogelijk?</a></p>',
  ].join("\n"),
} as const;

/** An older one whose stored HTML tries to run script: the page must not let it. */
export const olderUpdate = {
  slug: "2026-08-zomer",
  subject: "Zomer-Update",
  preheader: null,
  date: "2026-08-04",
  webHtml:
    '<p onclick="window.__ran = true">Een rustige zomer.</p><script>window.__ran = true</script><p><a href="javascript:window.__ran=true">Klik</a></p>',
} as const;

/** Slug of an Update that exists as a file but was never sent: not in the archive. */
export const unsentSlug = "2026-12-nog-niet-verstuurd";

/** Insert the sent Updates into the SQLite database the e2e server uses (idempotent). */
export function seedSentUpdates(dataDir: string): void {
  const db = new Database(path.join(dataDir, "e2e.sqlite"));
  try {
    db.pragma("busy_timeout = 5000");
    const insert = db.prepare(`insert or ignore into newsletter_updates
      (slug, subject, preheader, update_date, html, text, web_html, source_hash, status,
       pause_reason, audience, started_at, finished_at, updated_at)
      values (@slug, @subject, @preheader, @date, @html, @text, @webHtml, @hash, @status,
       null, 2, @startedAt, null, @startedAt)`);
    for (const [update, status] of [
      [sentUpdate, "sending"],
      [olderUpdate, "done"],
    ] as const) {
      insert.run({
        ...update,
        html: `<p>%%VAART_GREETING%%</p>${update.webHtml}`,
        text: "%%VAART_GREETING%%",
        hash: "0".repeat(64),
        status,
        startedAt: `${update.date}T07:00:00.000Z`,
      });
    }
  } finally {
    db.close();
  }
}
