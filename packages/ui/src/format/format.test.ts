import { describe, expect, it } from "vitest";
import { countWords, estimateReadingMinutes, formatDutchDate } from "./format";

describe("countWords", () => {
  it("counts Dutch words with diacritics, apostrophes and hyphens as one word each", () => {
    expect(countWords("Herken de onderliggende dynamiek")).toBe(4);
    expect(countWords("elkaar ánders leren kennen")).toBe(4);
    expect(countWords("auto's en zelf-organisatie")).toBe(3);
    expect(countWords("hiërarchie, verstrikkingen of uitsluiting.")).toBe(4);
  });

  it("ignores punctuation and whitespace only", () => {
    expect(countWords("  — … !  ")).toBe(0);
    expect(countWords("")).toBe(0);
  });
});

describe("estimateReadingMinutes", () => {
  it("rounds to whole minutes at the Dutch reading speed", () => {
    expect(estimateReadingMinutes(Array(228).fill("woord").join(" "))).toBe(1);
    expect(
      estimateReadingMinutes(
        Array(228 * 5)
          .fill("woord")
          .join(" "),
      ),
    ).toBe(5);
    expect(
      estimateReadingMinutes(
        Array(228 * 5 + 120)
          .fill("woord")
          .join(" "),
      ),
    ).toBe(6);
  });

  it("says at least one minute for a short text and zero for none", () => {
    expect(estimateReadingMinutes("Kort.")).toBe(1);
    expect(estimateReadingMinutes("")).toBe(0);
  });

  it("rejects a reading speed that makes no sense", () => {
    expect(() => estimateReadingMinutes("tekst", 0)).toThrow(RangeError);
  });
});

describe("formatDutchDate", () => {
  it("writes the date in Dutch, in Amsterdam time", () => {
    expect(formatDutchDate("2024-06-03")).toBe("3 juni 2024");
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(formatDutchDate("2024-12-31T23:30:00Z")).toBe("1 januari 2025");
  });

  it("names the value it cannot read", () => {
    expect(() => formatDutchDate("gisteren")).toThrow(/gisteren/);
  });
});
