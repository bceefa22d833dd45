import { describe, expect, it } from "vitest";
import { calendarFile } from "../../app/campaigns/calendar";
import type { Campaign } from "../../app/campaigns/campaign-file";
import { campaignPhase } from "../../app/campaigns/publication";

describe("the .ics file (RFC 5545)", () => {
  const ics = calendarFile({
    uid: "webinar-2027-03-12@landing.example",
    name: "Webinar: samen, gelijkwaardig; en snel",
    date: "2027-03-12",
    start: "19:30",
    end: "21:00",
    location: "Kantoor Alwel, Dordrecht",
    description: `Eerste regel\nTweede regel met een heel lange tekst die zeker langer is dan vijfenzeventig octetten, ook met één é`,
    url: "https://landing.example/webinar",
    now: new Date("2027-01-02T03:04:05Z"),
  });
  const lines = ics.split("\r\n");

  it("uses CRLF, folds lines at 75 octets and never splits a character", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("ook met één é");
  });

  it("escapes text and places the event in Amsterdam time", () => {
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:Webinar: samen\\, gelijkwaardig\\; en snel\r\n");
    expect(unfolded).toContain("LOCATION:Kantoor Alwel\\, Dordrecht\r\n");
    expect(unfolded).toContain("DESCRIPTION:Eerste regel\\nTweede regel");
    expect(lines).toContain("DTSTART;TZID=Europe/Amsterdam:20270312T193000");
    expect(lines).toContain("DTEND;TZID=Europe/Amsterdam:20270312T210000");
    expect(lines).toContain("DTSTAMP:20270102T030405Z");
    expect(lines).toContain("TZID:Europe/Amsterdam");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
  });
});

describe("publication phases", () => {
  const campaign = {
    status: "published",
    start: "2027-03-01T08:00:00.000Z",
    end: "2027-04-01T08:00:00.000Z",
  } as Campaign;
  const at = (iso: string) => campaignPhase(campaign, new Date(iso));

  it("is scheduled before its start, live from start to end, ended from its end", () => {
    expect(at("2027-03-01T07:59:59Z")).toBe("scheduled");
    expect(at("2027-03-01T08:00:00Z")).toBe("live");
    expect(at("2027-04-01T07:59:59Z")).toBe("live");
    expect(at("2027-04-01T08:00:00Z")).toBe("ended");
  });

  it("a draft is a draft at any time", () => {
    expect(campaignPhase({ ...campaign, status: "draft" }, new Date("2027-03-15T00:00:00Z"))).toBe(
      "draft",
    );
  });
});
