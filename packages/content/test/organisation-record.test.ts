import { describe, expect, it } from "vitest";
import { OrganisationRecordError, parseOrganisationRecord } from "../src/organisation-record.js";
import { logoUrl } from "../src/organisations.js";

const exists = (logo: string) => logoUrl(logo) !== null;

describe("an organisation written in the studio", () => {
  it("reads name, alt text, logo and link", () => {
    expect(
      parseOrganisationRecord(
        "woonkracht",
        "name: Woonkracht\nalt: Logo van Woonkracht\nlogo: alwel.svg\nhref: https://example.nl\n",
        exists,
      ),
    ).toEqual({
      id: "woonkracht",
      name: "Woonkracht",
      alt: "Logo van Woonkracht",
      logo: "alwel.svg",
      href: "https://example.nl",
    });
  });

  it("names the field, the line and the missing logo", () => {
    const problems = (text: string) => {
      try {
        parseOrganisationRecord("x", text, exists);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(OrganisationRecordError);
        return [...(error as OrganisationRecordError).problems];
      }
    };
    expect(problems("name: X\nlogo: alwel.svg\n")).toEqual(['field "alt" is missing']);
    expect(problems("name: X\nalt: X\nlogo: onbekend.svg\n")).toEqual([
      'field "logo": there is no logo named onbekend.svg (line 3)',
    ]);
    expect(problems("name: X\nalt: X\nlogo: alwel.svg\nhref: http://example.nl\n")).toEqual([
      'field "href" must be an https:// address (line 4)',
    ]);
    expect(problems("name: X\nalt: X\nlogo: ../../etc/passwd\n")).toEqual([
      'field "logo" must be a file name like alwel.svg (line 3)',
    ]);
    expect(problems("name: X\nalt: X\nlogo: alwel.svg\nkleur: rood\n")).toEqual([
      'unknown field "kleur" (allowed: name, alt, logo, href)',
    ]);
  });

  it("serves a logo under a content-hashed name, never a path outside the folder", () => {
    expect(logoUrl("alwel.svg")).toMatch(/^\/logos\/alwel\.[0-9a-f]{10}\.svg$/);
    expect(logoUrl("../package.json")).toBeNull();
    expect(logoUrl("bestaat-niet.svg")).toBeNull();
  });
});
