import type { Insertable } from "kysely";
import { describe, expect, it } from "vitest";
import type { UpdatesTable } from "../src/db/schema.js";
import { withDatabase } from "./db-rows.js";
import { DRIVERS, setup, type TestEnv } from "./helpers.js";

/** A row as starting to send an Update writes it (the sending engine's job, not tested here). */
async function insertUpdate(
  env: TestEnv,
  row: Partial<Insertable<UpdatesTable>> & { slug: string },
) {
  await env.newsletter.migrate();
  await withDatabase(env.options, (handle) =>
    handle.db
      .insertInto("newsletter_updates")
      .values({
        subject: `Update ${row.slug}`,
        preheader: null,
        update_date: "2026-11-01",
        html: "<p>%%VAART_GREETING%%</p>",
        text: "%%VAART_GREETING%%",
        web_html: `<p>Web ${row.slug}</p>`,
        source_hash: "0".repeat(64),
        status: "sending",
        pause_reason: null,
        audience: 3,
        started_at: "2026-11-01T08:00:00.000Z",
        finished_at: null,
        updated_at: "2026-11-01T08:00:00.000Z",
        ...row,
      })
      .execute(),
  );
}

describe.each(DRIVERS)("the Updates archive (%s)", (driver) => {
  it("lists every Update whose sending started, newest first, and finds each by slug with its web version", async () => {
    const env = await setup(driver);
    expect(await env.newsletter.listSentUpdates()).toEqual([]);
    await insertUpdate(env, {
      slug: "2026-09-september",
      subject: "September",
      update_date: "2026-09-01",
      status: "done",
      started_at: "2026-09-01T07:00:00.000Z",
    });
    await insertUpdate(env, {
      slug: "2026-11-november",
      subject: "November: samen sturen",
      preheader: "Een werkvorm om te proberen",
      update_date: "2026-11-03",
      status: "paused",
      started_at: "2026-11-03T09:15:00.000Z",
      web_html: "<h1>November</h1><p>Hallo,</p>",
    });
    await insertUpdate(env, { slug: "2026-10-oktober", update_date: "2026-10-01" });

    const list = await env.newsletter.listSentUpdates();
    expect(list.map((u) => u.slug)).toEqual([
      "2026-11-november",
      "2026-10-oktober",
      "2026-09-september",
    ]);
    // Paused or done, it was sent to (some) subscribers: it is in the archive either way.
    expect(list[0]).toEqual({
      slug: "2026-11-november",
      subject: "November: samen sturen",
      preheader: "Een werkvorm om te proberen",
      date: "2026-11-03",
      sentAt: "2026-11-03T09:15:00.000Z",
    });
    expect(await env.newsletter.findSentUpdate("2026-11-november")).toEqual({
      ...list[0],
      webHtml: "<h1>November</h1><p>Hallo,</p>",
    });
  });

  it("finds nothing for an Update that was not sent, or for a slug that cannot be one", async () => {
    const env = await setup(driver);
    await insertUpdate(env, { slug: "verstuurd" });
    expect(await env.newsletter.findSentUpdate("nooit-verstuurd")).toBeNull();
    for (const slug of [
      "",
      "Verstuurd",
      "../verstuurd",
      "verstuurd'; drop table x;--",
      "x".repeat(300),
    ]) {
      expect(await env.newsletter.findSentUpdate(slug)).toBeNull();
    }
    expect((await env.newsletter.findSentUpdate("verstuurd"))?.webHtml).toBe(
      "<p>Web verstuurd</p>",
    );
  });
});
