import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createNewsletter, createNullTransport, type Newsletter } from "@vaart/newsletter";
import type { ContentStore } from "@vaart/newsletter/content-store";
import { type ServerProcess, startServerProcess } from "@vaart/testing";
import { contentCheckers } from "@vaart/web";

// An article and a client organisation published through the content store reach the site's
// pages within 3 s, also pages already in the page cache; unpublish gives the 404 of an
// unknown article. Its own server and database: the shared one's pages must not change.

const AUTHOR = "consultant@vaart.test";
const article = (title: string) => `---
title: ${title}
slug: studio-artikel
date: 2026-11-20
description: Geschreven in de studio
---

Een alinea <script>window.__pwned = 'markdown'</script> met
<img src="x" onerror="window.__pwned = 'image'">
[een link](javascript:window.__pwned='link') en [een bron](https://example.nl/bron).
`;

test.describe("published content on the site", () => {
  let server: ServerProcess;
  let newsletter: Newsletter;
  let store: ContentStore;
  let dataDir: string;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dataDir = mkdtempSync(path.join(tmpdir(), "site-live-content-"));
    const databaseUrl = `sqlite:${path.join(dataDir, "live.sqlite")}`;
    server = await startServerProcess({
      appDir: process.cwd(),
      env: {
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        VAART_LOCAL_DEFAULTS: "1",
        SITE_URL: "http://localhost:3000",
      },
    });
    newsletter = createNewsletter({
      databaseUrl,
      dataDir,
      siteUrl: "http://localhost:3000",
      mailFrom: "Vaart in samenwerken <updates@vaart.test>",
      secret: "test-newsletter-secret-0123456789-abcdefghij",
      transport: createNullTransport(),
    });
    store = newsletter.contentStore(contentCheckers());
  });

  test.afterAll(async () => {
    await server?.stop();
    await newsletter?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const text = async (pathname: string) => {
    const answer = await fetch(`${server.origin}${pathname}`);
    return { status: answer.status, html: await answer.text() };
  };

  test("an article and an organisation appear within 3 s; unpublish gives 404", async ({
    page,
  }) => {
    // Cached before the publish: the list and the home page must not stay as they were.
    expect((await text("/artikelen")).html).not.toContain("Uit de studio");
    expect((await text("/")).html).not.toContain("Studio Organisatie");
    expect((await text("/artikelen/studio-artikel")).status).toBe(404);

    const saved = await store.saveDraft({
      kind: "article",
      slug: "studio-artikel",
      text: article("Uit de studio"),
      author: AUTHOR,
      baseRevision: null,
    });
    expect(saved.problems).toEqual([]);
    await store.publish("article", "studio-artikel", saved.revision, AUTHOR);
    const organisation = await store.saveDraft({
      kind: "organisation",
      slug: "studio-organisatie",
      text: "name: Studio Organisatie\nalt: Studio Organisatie\nlogo: alwel.svg\n",
      author: AUTHOR,
      baseRevision: null,
    });
    expect(organisation.problems).toEqual([]);
    await store.publish("organisation", "studio-organisatie", organisation.revision, AUTHOR);

    const poll = { timeout: 3_000, intervals: [50] };
    await expect.poll(async () => (await text("/artikelen/studio-artikel")).status, poll).toBe(200);
    await expect.poll(async () => (await text("/artikelen")).html, poll).toContain("Uit de studio");
    await expect.poll(async () => (await text("/")).html, poll).toContain("Studio Organisatie");

    // With JavaScript on, as a reader: the text is there, none of the author's code runs.
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    const answer = await page.goto(`${server.origin}/artikelen/studio-artikel`);
    expect(answer?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uit de studio");
    await expect(page.getByRole("link", { name: "een bron" })).toHaveAttribute(
      "href",
      "https://example.nl/bron",
    );
    expect(await page.locator("main script, img[onerror], a[href^='javascript']").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);

    await store.unpublish("article", "studio-artikel", AUTHOR);
    await expect.poll(async () => (await text("/artikelen/studio-artikel")).status, poll).toBe(404);
    await expect
      .poll(async () => (await text("/artikelen")).html, poll)
      .not.toContain("Uit de studio");
  });
});
