import { describe, expect, it } from "vitest";
import {
  ContentConflictError,
  ContentInvalidError,
  ContentStoreError,
} from "../src/content-store/index.js";
import type { ContentCheckers } from "../src/content-store/store.server.js";
import { parseUpdate, type UpdateFileError, updateProblems } from "../src/updates/index.js";
import { DRIVERS, setup } from "./helpers.js";

// The Update file's own parser: a draft gets exactly the messages a file would.
const checkers: ContentCheckers = { update: updateProblems };

const update = (subject: string, body = "Nieuws uit de keten.") =>
  `---\nsubject: ${subject}\ndate: 2026-12-01\n---\n\n${body}\n`;
const broken = `---\nsubject: Zonder datum\n---\n\nTekst.\n`;

const ANNA = "anna@vaart.nl";
const BEN = "ben@vaart.nl";

describe.each(DRIVERS)("the content store (%s)", (driver) => {
  it("refuses a save based on a revision that is no longer the latest", async () => {
    const env = await setup(driver);
    const store = env.newsletter.contentStore(checkers);
    const first = await store.saveDraft({
      kind: "update",
      slug: "december",
      text: update("Eerste"),
      author: ANNA,
      baseRevision: null,
    });
    expect(first.revision).toBe(1);
    await store.saveDraft({
      kind: "update",
      slug: "december",
      text: update("Anna's tweede"),
      author: ANNA,
      baseRevision: 1,
    });
    // Ben opened revision 1 too and saves later: refused, naming who saved in between.
    const stale = store.saveDraft({
      kind: "update",
      slug: "december",
      text: update("Ben's versie"),
      author: BEN,
      baseRevision: 1,
    });
    await expect(stale).rejects.toBeInstanceOf(ContentConflictError);
    await expect(stale).rejects.toMatchObject({ latestRevision: 2, latestAuthor: ANNA });
    // A second "new" document with a taken slug is the same conflict.
    await expect(
      store.saveDraft({
        kind: "update",
        slug: "december",
        text: update("Nieuw"),
        author: BEN,
        baseRevision: null,
      }),
    ).rejects.toBeInstanceOf(ContentConflictError);
    expect((await store.version("update", "december"))?.text).toBe(update("Anna's tweede"));

    // Saves from the same base at the same moment: exactly one wins. On PostgreSQL from two
    // instances; SQLite's driver blocks its process while it waits for the file's lock, so
    // there two instances share a file only from separate processes.
    const other = driver === "postgres" ? env.another().contentStore(checkers) : store;
    const results = await Promise.allSettled(
      [store, other, store, other].map((s, i) =>
        s.saveDraft({
          kind: "update",
          slug: "december",
          text: update(`Gelijktijdig ${i}`),
          author: i % 2 ? BEN : ANNA,
          baseRevision: 2,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected")
        expect(r.reason, String(r.reason)).toBeInstanceOf(ContentConflictError);
    }
    expect((await store.version("update", "december"))?.revision).toBe(3);
  });

  it("keeps a failing draft with the file's messages and refuses to publish it", async () => {
    const env = await setup(driver);
    const store = env.newsletter.contentStore(checkers);
    const draft = await store.saveDraft({
      kind: "update",
      slug: "januari",
      text: broken,
      author: ANNA,
      baseRevision: null,
    });
    let fileProblems: readonly string[] = [];
    try {
      parseUpdate({ file: "januari.md", text: broken });
    } catch (error) {
      fileProblems = (error as UpdateFileError).problems;
    }
    expect(fileProblems.length).toBeGreaterThan(0);
    expect(draft.problems).toEqual(fileProblems);
    expect(draft.problems.join(" ")).toMatch(/date/);
    // Kept as typed, with its problems, for the author to fix.
    expect(await store.version("update", "januari", 1)).toMatchObject({
      text: broken,
      problems: fileProblems,
    });
    const before = await store.contentVersion();
    const refused = store.publish("update", "januari", 1, ANNA);
    await expect(refused).rejects.toBeInstanceOf(ContentInvalidError);
    await expect(refused).rejects.toMatchObject({ problems: fileProblems });
    expect(await store.contentVersion()).toBe(before);
    expect(await store.publishedContent("update")).toEqual({ published: [], unpublished: [] });
    expect(await store.listDocuments("update")).toMatchObject([
      { slug: "januari", state: "draft", latestRevision: 1, latestProblems: fileProblems },
    ]);
  });

  it("publishes, raises the content version, unpublishes, keeps history and restores", async () => {
    const env = await setup(driver);
    const store = env.newsletter.contentStore(checkers);
    const reader = env.another().contentStore(); // a public instance: reads only
    expect(await reader.contentVersion()).toBe(0);
    const save = (text: string, base: number | null, author = ANNA) =>
      store.saveDraft({ kind: "update", slug: "maart", text, author, baseRevision: base });

    await save(update("Versie een"), null);
    env.clock.advance(60_000);
    await store.publish("update", "maart", 1, ANNA);
    expect(await reader.contentVersion()).toBe(1);
    expect(await reader.publishedContent("update")).toEqual({
      published: [{ slug: "maart", revision: 1, text: update("Versie een") }],
      unpublished: [],
    });

    // A new draft does not change what is published, nor the content version.
    env.clock.advance(60_000);
    await save(update("Versie twee"), 1, BEN);
    expect(await reader.contentVersion()).toBe(1);
    expect((await reader.publishedContent("update")).published[0]?.revision).toBe(1);
    env.clock.advance(60_000);
    await store.publish("update", "maart", 2, BEN);
    expect(await reader.contentVersion()).toBe(2);

    env.clock.advance(60_000);
    await store.unpublish("update", "maart", ANNA);
    expect(await reader.contentVersion()).toBe(3);
    expect(await reader.publishedContent("update")).toEqual({
      published: [],
      unpublished: ["maart"],
    });
    await expect(store.unpublish("update", "maart", ANNA)).rejects.toMatchObject({
      code: "not-found",
    });

    env.clock.advance(60_000);
    const restored = await store.restore("update", "maart", 1, BEN, { publish: true });
    expect(restored).toMatchObject({ revision: 3, restoredFrom: 1, text: update("Versie een") });
    expect(await reader.contentVersion()).toBe(4);
    expect((await reader.publishedContent("update")).published).toEqual([
      { slug: "maart", revision: 3, text: update("Versie een") },
    ]);

    const at = (minutes: number) =>
      new Date(Date.parse("2026-11-27T12:00:00.000Z") + minutes * 60_000).toISOString();
    expect(await store.history("update", "maart")).toEqual([
      { action: "publish", revision: 3, author: BEN, at: at(5) },
      { action: "restore", revision: 3, author: BEN, at: at(5), restoredFrom: 1 },
      { action: "unpublish", revision: null, author: ANNA, at: at(4) },
      { action: "publish", revision: 2, author: BEN, at: at(3) },
      { action: "save", revision: 2, author: BEN, at: at(2) },
      { action: "publish", revision: 1, author: ANNA, at: at(1) },
      { action: "save", revision: 1, author: ANNA, at: at(0) },
    ]);
  });

  it("names what is wrong with bad input", async () => {
    const env = await setup(driver);
    const store = env.newsletter.contentStore(checkers);
    const base = {
      kind: "update",
      slug: "mei",
      text: update("Mei"),
      author: ANNA,
      baseRevision: null,
    } as const;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ kind: "page" }, /kind must be one of article, campaign, update, organisation/],
      [{ slug: "../etc/passwd" }, /slug must be lower-case/],
      [{ author: "" }, /author/],
      [{ baseRevision: 1.5 }, /baseRevision must be a whole number/],
      [{ text: "x".repeat(1024 * 1024 + 1) }, /text must be at most 1048576 bytes/],
      [{ kind: "campaign" }, /no check is configured for campaign/],
    ];
    for (const [change, message] of cases) {
      const call = store.saveDraft({ ...base, ...change } as never);
      await expect(call).rejects.toBeInstanceOf(ContentStoreError);
      await expect(call).rejects.toThrow(message);
    }
    await expect(store.publish("update", "mei", 7, ANNA)).rejects.toThrow(
      'update "mei" has no revision 7',
    );
    expect(await store.listDocuments("update")).toEqual([]);
  });
});
