import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentKinds } from "../../app/lib/documents.server";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");

describe("the overview's content kinds", () => {
  it("lists the documents of the repository files by title, with where each is kept", () => {
    const kinds = Object.fromEntries(contentKinds(repoRoot).map((kind) => [kind.id, kind]));
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

  it("lists nothing for folders that are not there (a deployed studio without the files)", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "studio-documents-"));
    const kinds = contentKinds(empty);
    for (const id of ["artikelen", "campagnes", "updates"]) {
      expect(kinds.find((kind) => kind.id === id)?.documents, id).toEqual([]);
    }
  });
});
