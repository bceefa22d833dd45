import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentKinds } from "../../app/lib/documents.server";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");

describe("the overview's content kinds", () => {
  it("lists the documents of the repository files by title, with where each is kept", () => {
    const kinds = Object.fromEntries(contentKinds().map((kind) => [kind.id, kind]));
    expect(Object.keys(kinds)).toEqual(["artikelen", "campagnes", "klantlogos", "updates"]);
    expect(kinds.campagnes?.documents).toContainEqual({
      slug: "webinar-ketensamenwerking",
      title: "Webinar: gelijkwaardig samenwerken in de keten",
      source: "apps/landing/campaigns/webinar-ketensamenwerking.yaml",
    });
    expect(kinds.artikelen?.documents.map((d) => d.title)).toContain(
      "Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
    );
    expect(kinds.updates?.documents[0]?.title).toMatch(/^Updates december/);
    expect(kinds.klantlogos?.documents.length).toBeGreaterThan(0);
  });

  it("holds every content file of the repository, read at build time (a container has no checkout)", () => {
    const folders = {
      artikelen: "apps/site/content/articles",
      campagnes: "apps/landing/campaigns",
      updates: "apps/site/content/updates",
    };
    for (const [id, folder] of Object.entries(folders)) {
      const onDisk = readdirSync(path.join(repoRoot, folder))
        .filter((name) => /\.(md|yaml)$/.test(name))
        .map((name) => `${folder}/${name}`)
        .sort();
      const listed = contentKinds()
        .find((kind) => kind.id === id)
        ?.documents.map((document) => document.source)
        .sort();
      expect(listed, id).toEqual(onDisk);
      expect(onDisk.length, id).toBeGreaterThan(0);
    }
  });
});
