import { organisations } from "@vaart/content";
import { type CampaignFileError, parseCampaignFile } from "@vaart/content/campaign-file";
import { describe, expect, it } from "vitest";
import { contentCheckers } from "../src/live-content.server.js";

const checkers = contentCheckers();

const campaign = `title: Webinar
description: Een campagne
theme: paars
status: published
start: "2026-01-01 09:00"
end: "2025-01-01 09:00"
blocks:
  - type: logos
    organisations: [alwel, onbekend]
`;

describe("the studio's checks are the files' own", () => {
  it("gives a campaign the messages its file would get, one per problem", () => {
    let fileMessage = "";
    try {
      parseCampaignFile(
        "campaigns/webinar.yaml",
        campaign,
        organisations.map((o) => o.id),
      );
    } catch (error) {
      fileMessage = (error as CampaignFileError).message;
    }
    const problems = checkers.campaign?.("webinar", campaign) ?? [];
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(fileMessage).toContain(problem);
    expect(problems[0]).toBe('field "theme" must be one of: brand, campaign, dark (line 3)');
    expect(problems[1]).toMatch(/"onbekend" is not a known organisation/);
    expect(
      checkers.campaign?.(
        "webinar",
        campaign.replace("paars", "brand").replace("2025", "2027").replace(", onbekend", ""),
      ),
    ).toEqual([]);
    expect(checkers.campaign?.("resultaten", campaign)?.[0]).toMatch(/taken by the app itself/);
  });

  it("checks articles, Updates and organisations, and accepts what passes", () => {
    const article =
      "---\ntitle: Titel\nslug: titel\ndate: 2026-11-01\ndescription: Over iets\n---\n\nTekst.\n";
    expect(checkers.article?.("titel", article)).toEqual([]);
    expect(checkers.article?.("titel", article.replace("date: 2026-11-01\n", ""))).toEqual([
      'titel.md: field "date" is missing',
    ]);
    expect(checkers.article?.("ander", article)?.[0]).toMatch(/the file must be named titel\.md/);
    expect(
      checkers.update?.("december", "---\nsubject: Hoi\ndate: 2026-12-01\n---\n\nNieuws.\n"),
    ).toEqual([]);
    expect(checkers.update?.("december", "Geen front matter")?.[0]).toMatch(/^regel 1:/);
    expect(checkers.organisation?.("alwel", "name: Alwel\nalt: Alwel\nlogo: alwel.svg\n")).toEqual(
      [],
    );
    expect(checkers.organisation?.("x", "name: X\nalt: X\nlogo: weg.svg\n")).toEqual([
      'field "logo": there is no logo named weg.svg (line 3)',
    ]);
    // An uploaded logo is named by its hash; other names stay files that must exist.
    expect(checkers.organisation?.("x", "name: X\nalt: X\nlogo: 3f9a0c41d2.webp\n")).toEqual([]);
    expect(checkers.organisation?.("x", "name: X\nalt: X\nlogo: 3f9a0c41d2.png\n")).toEqual([
      'field "logo": there is no logo named 3f9a0c41d2.png (line 3)',
    ]);
  });
});
