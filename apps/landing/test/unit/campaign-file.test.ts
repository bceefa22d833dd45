import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CampaignFileError,
  parseCampaignFile,
  parseCampaignFiles,
} from "../../app/campaigns/campaign-file";

const organisationIds = ["alwel", "denkbeeld"];

const valid = `title: "Webinar: samen sterker"
description: Een webinar over samenwerken in de keten.
theme: campaign
status: published
start: "2027-01-10 09:00"
end: "2027-02-10 00:00"
blocks:
  - type: hero
    heading: Samen sterker
  - type: event
    name: Webinar
    date: 2027-01-20
    start: "12:00"
    end: "13:00"
    location: Online
  - type: logos
    organisations: [alwel]
  - type: signup
`;

/** The message for a file, or "" when it is valid. */
function problemsOf(source: string, file = "campaigns/webinar.yaml"): string {
  try {
    parseCampaignFile(file, source, organisationIds);
    return "";
  } catch (error) {
    if (error instanceof CampaignFileError) return error.message;
    throw error;
  }
}

const edit = (from: string, to: string) => {
  if (!valid.includes(from)) throw new Error(`fixture has no ${from}`);
  return valid.replace(from, to);
};

describe("a valid campaign file", () => {
  it("parses, with times in Amsterdam time", () => {
    const campaign = parseCampaignFile("campaigns/webinar.yaml", valid, organisationIds);
    expect(campaign.slug).toBe("webinar");
    expect(campaign.start).toBe("2027-01-10T08:00:00.000Z"); // CET = UTC+1
    expect(campaign.blocks.map((b) => b.type)).toEqual(["hero", "event", "logos", "signup"]);
  });

  it("takes summer time into account", () => {
    const campaign = parseCampaignFile(
      "campaigns/webinar.yaml",
      edit('start: "2027-01-10 09:00"', 'start: "2026-07-01 09:00"'),
      organisationIds,
    );
    expect(campaign.start).toBe("2026-07-01T07:00:00.000Z"); // CEST = UTC+2
  });

  it("renders Markdown in text blocks and FAQ answers", () => {
    const campaign = parseCampaignFile(
      "campaigns/webinar.yaml",
      `${valid}  - type: text\n    markdown: Dit is **vet**.\n  - type: faq\n    questions:\n      - question: Kost het iets?\n        answer: "*Niets.*"\n`,
      organisationIds,
    );
    const text = campaign.blocks.find((b) => b.type === "text");
    expect(text && "html" in text ? text.html : "").toContain("<strong>vet</strong>");
    const faq = campaign.blocks.find((b) => b.type === "faq");
    expect(faq && "questions" in faq ? faq.questions[0]?.html : "").toContain("<em>Niets.</em>");
  });
});

describe("each kind of mistake names the file, the block and the field", () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      "a required field left out",
      edit("description: Een webinar over samenwerken in de keten.\n", ""),
      /campaigns\/webinar\.yaml has a problem:\n {2}- field "description" is missing/,
    ],
    [
      "an unknown theme",
      edit("theme: campaign", "theme: oranje"),
      /field "theme" must be one of: brand, campaign, dark \(line 3\)/,
    ],
    [
      "a status other than draft or published",
      edit("status: published", "status: live"),
      /field "status" must be draft or published \(line 4\)/,
    ],
    [
      "a start time in another format",
      edit('start: "2027-01-10 09:00"', "start: 10 januari 2027"),
      /field "start" must be a date and time written as "YYYY-MM-DD HH:MM", e\.g\. "2027-03-12 09:00" \(line 5\)/,
    ],
    [
      "an end before the start",
      edit('end: "2027-02-10 00:00"', 'end: "2027-01-01 00:00"'),
      /field "end" is before "start": the campaign would never be online \(line 6\)/,
    ],
    [
      "an unknown block type",
      edit("type: hero", "type: banner"),
      /block 1 \(line 8\): has an unknown type "banner"; use one of: hero, text, logos, signup, quote, event, faq, cta, article/,
    ],
    [
      "a block without a type",
      edit("  - type: hero\n", "  - kop: x\n"),
      /block 1 \(line 8\): has no "type:"/,
    ],
    [
      "a misspelt field in a block",
      edit("    heading: Samen sterker", "    heading: Samen sterker\n    subtitle: Nee"),
      /block 1 \(hero\) has a field this block does not know: "subtitle" \(allowed: type, heading, subheading, image, action\)/,
    ],
    [
      "a required block field missing",
      edit("    heading: Samen sterker\n", ""),
      /block 1 \(hero\), field "heading" is missing/,
    ],
    [
      "an impossible event date",
      edit("date: 2027-01-20", "date: 2027-02-30"),
      /block 2 \(event\), field "date" is not a date that exists \(line 12\)/,
    ],
    [
      "an event time without quotes or in the wrong format",
      edit('start: "12:00"', "start: 12u"),
      /block 2 \(event\), field "start" must be a time written as HH:MM, e\.g\. "19:30" \(in quotes\) \(line 13\)/,
    ],
    [
      "an event that ends before it starts",
      edit('end: "13:00"', 'end: "11:00"'),
      /block 2 \(event\), field "end": the event ends \(11:00\) before it starts \(12:00\)/,
    ],
    [
      "an unknown organisation in the logos",
      edit("organisations: [alwel]", "organisations: [alwell]"),
      /block 3 \(logos\), field "organisations": "alwell" is not a known organisation \(known: alwel, denkbeeld\)/,
    ],
    [
      "a link that is not a link",
      `${valid}  - type: cta\n    heading: Kom langs\n    action:\n      label: Website\n      href: www.example.nl\n`,
      /block 5 \(cta\), field "action\.href" must start with \/ \(a page of the landing app\), site:\/ .* or https:\/\/ \(line 23\)/,
    ],
    [
      "an image without a description",
      edit(
        "    heading: Samen sterker\n",
        "    heading: Samen sterker\n    image:\n      src: /images/team.jpg\n      width: 800\n      height: 600\n",
      ),
      /block 1 \(hero\), field "image\.alt" is missing/,
    ],
    [
      "two signup forms on one page",
      `${valid}  - type: signup\n`,
      /"blocks" has 2 signup blocks; a page can have one/,
    ],
    [
      "text that is too long",
      edit('title: "Webinar: samen sterker"', `title: "${"x".repeat(91)}"`),
      /field "title" must be at most 90 characters \(shorter reads better\) \(line 1\)/,
    ],
    [
      "a tab or broken indentation (not YAML)",
      edit("  - type: hero", "  - type: hero\n   heading: kapot\n\theading: tab"),
      /campaigns\/webinar\.yaml \(line \d+\): this is not valid YAML — .*Check the indentation \(spaces, not tabs\)/,
    ],
    [
      "a field given twice",
      edit("theme: campaign", "theme: campaign\ntheme: dark"),
      /this is not valid YAML — Map keys must be unique/,
    ],
    ["no blocks", valid.slice(0, valid.indexOf("blocks:")), /field "blocks" is missing/],
  ];

  it.each(cases)("%s", (_kind, source, expected) => {
    expect(problemsOf(source)).toMatch(expected);
  });

  it("an image that is not in apps/landing/public", () => {
    const source = edit(
      "    heading: Samen sterker\n",
      "    heading: Samen sterker\n    image:\n      src: /images/team.jpg\n      alt: Het team\n      width: 800\n      height: 600\n",
    );
    let message = "";
    try {
      parseCampaignFile("campaigns/webinar.yaml", source, organisationIds, {
        publicFileExists: (src) => src === "/images/ander.jpg",
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /block 1 \(hero\), field "image\.src": there is no file apps\/landing\/public\/images\/team\.jpg \(line 11\)/,
    );
  });

  it("a file name that cannot be an address", () => {
    expect(problemsOf(valid, "campaigns/Webinar Maart.yaml")).toMatch(
      /the file name "Webinar Maart" is the page's address: use lower-case letters, digits and dashes/,
    );
    expect(problemsOf(valid, "campaigns/resultaten.yaml")).toMatch(
      /the file name "resultaten" is taken by the app itself/,
    );
  });

  it("lists every problem of every file at once", () => {
    expect(() =>
      parseCampaignFiles(
        {
          "campaigns/a.yaml": edit("theme: campaign", "theme: x"),
          "campaigns/b.yaml": edit("status: published", "status: x"),
        },
        organisationIds,
      ),
    ).toThrow(/campaigns\/a\.yaml has a problem[\s\S]*campaigns\/b\.yaml has a problem/);
  });
});

describe("the campaign files in this repository", () => {
  it("are all valid", () => {
    const folder = fileURLToPath(new URL("../../campaigns/", import.meta.url));
    const files = Object.fromEntries(
      readdirSync(folder).map((name) => [`campaigns/${name}`, readFileSync(folder + name, "utf8")]),
    );
    const ids = JSON.parse(
      readFileSync(
        fileURLToPath(
          new URL("../../../../packages/content/data/organisations.json", import.meta.url),
        ),
        "utf8",
      ),
    ).organisations.map((o: { id: string }) => o.id);
    const campaigns = parseCampaignFiles(files, ids);
    expect(campaigns.map((c) => `${c.slug}:${c.status}:${c.theme}`)).toEqual([
      "webinar-ketensamenwerking:published:campaign",
      "whitepaper-ketenregie:published:brand",
      "workshop-teamontwikkeling:draft:dark",
    ]);
  });
});
