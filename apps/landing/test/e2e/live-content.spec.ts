import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createNewsletter, createNullTransport, type Newsletter } from "@vaart/newsletter";
import type { ContentStore } from "@vaart/newsletter/content-store";
import {
  campaignWithScripts,
  expectAuthoredScriptsInert,
  type ServerProcess,
  startServerProcess,
  untilEveryServer,
} from "@vaart/testing";
import { contentCheckers } from "@vaart/web";
import { productionEnv } from "./server";

// A campaign published through the content store appears on every instance without a
// restart or a build, and disappears again when it is taken offline. Two production servers
// on one PostgreSQL database; the store is called as the studio calls it.

const pgBase = process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";
const psql = (sql: string) =>
  execFileSync("psql", [pgBase, "-v", "ON_ERROR_STOP=1", "-Atqc", sql], { encoding: "utf8" });

const SLUG = "studio-webinar";
const campaign = (title: string) => campaignWithScripts(title);

test.describe("published content on two landing instances (PostgreSQL)", () => {
  let servers: ServerProcess[] = [];
  let newsletter: Newsletter;
  let store: ContentStore;
  let schema: string;
  let dataDir: string;

  const origins = () => servers.map((server) => server.origin);

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dataDir = mkdtempSync(join(tmpdir(), "landing-live-content-"));
    schema = `landing_live_${Date.now().toString(36)}_${process.pid}`;
    psql(`create schema ${schema}`);
    const { PORT: _port, HOST: _host, ...env } = productionEnv(0, dataDir);
    env.DATABASE_URL = `${pgBase}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    servers = [
      await startServerProcess({ appDir: process.cwd(), env: env as Record<string, string> }),
      await startServerProcess({ appDir: process.cwd(), env: env as Record<string, string> }),
    ];
    newsletter = createNewsletter({
      databaseUrl: pgBase,
      pgSchema: schema,
      dataDir,
      siteUrl: "https://www.vaart.test",
      mailFrom: "Vaart in samenwerken <updates@vaart.test>",
      secret: "test-newsletter-secret-0123456789-abcdefghij",
      transport: createNullTransport(),
    });
    store = newsletter.contentStore(contentCheckers());
  });

  test.afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await newsletter?.close();
    psql(`set client_min_messages = warning; drop schema if exists ${schema} cascade`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("publish → 200 on both within 3 s; unpublish → 404; no script runs", async ({ page }) => {
    for (const server of servers) {
      expect((await fetch(`${server.origin}/${SLUG}`)).status).toBe(404);
    }
    // A mistake is kept as a draft with the file's message, and cannot be published.
    const wrong = await store.saveDraft({
      kind: "campaign",
      slug: SLUG,
      text: campaign("Webinar").replace("theme: campaign", "theme: paars"),
      author: "marketing@vaart.test",
      baseRevision: null,
    });
    expect(wrong.problems).toEqual([
      'field "theme" must be one of: brand, campaign, dark (line 3)',
    ]);
    await expect(store.publish("campaign", SLUG, 1, "marketing@vaart.test")).rejects.toThrow(
      /cannot be published: field "theme"/,
    );

    const fixed = await store.saveDraft({
      kind: "campaign",
      slug: SLUG,
      text: campaign("Webinar ketenregie"),
      author: "marketing@vaart.test",
      baseRevision: wrong.revision,
    });
    expect(fixed.problems).toEqual([]);
    await store.publish("campaign", SLUG, fixed.revision, "marketing@vaart.test");
    await untilEveryServer(origins(), `/${SLUG}`, 200, 3_000);

    // The page as a visitor gets it, with JavaScript on: the text is there, nothing ran.
    for (const server of servers) {
      await expectAuthoredScriptsInert(page, `${server.origin}/${SLUG}`, "Webinar ketenregie");
    }

    // A new version replaces the page on both; taking it offline gives the 404 of a draft.
    const second = await store.saveDraft({
      kind: "campaign",
      slug: SLUG,
      text: campaign("Webinar ketenregie, nieuwe datum"),
      author: "marketing@vaart.test",
      baseRevision: fixed.revision,
    });
    await store.publish("campaign", SLUG, second.revision, "marketing@vaart.test");
    await expect
      .poll(
        async () =>
          Promise.all(
            servers.map(async (server) => (await fetch(`${server.origin}/${SLUG}`)).text()),
          ),
        { timeout: 3_000, intervals: [50] },
      )
      .toEqual([expect.stringContaining("nieuwe datum"), expect.stringContaining("nieuwe datum")]);

    await store.unpublish("campaign", SLUG, "marketing@vaart.test");
    await untilEveryServer(origins(), `/${SLUG}`, 404, 3_000);
  });
});
