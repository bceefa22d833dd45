import { describe, expect, it } from "vitest";
import { dayInAmsterdam } from "../src/index.js";
import { ctx, DRIVERS, form, setup, tokenFrom } from "./helpers.js";

const HOUR = 3_600_000;

describe.each(DRIVERS)("campaign visits and the per-source report (%s)", (driver) => {
  it("counts visits per source and day, and reports signups and confirmations per day", async () => {
    const env = await setup(driver);
    const { newsletter, transport, clock } = env;
    // 2026-11-27 12:00 UTC is 13:00 in Amsterdam.
    await newsletter.recordVisit("webinar");
    await newsletter.recordVisit("webinar");
    await newsletter.recordVisit("workshop");
    await Promise.all(Array.from({ length: 20 }, () => newsletter.recordVisit("webinar")));
    await newsletter.subscribe(form(env, { email: "sanne@example.nl", utm_source: "linkedin" }), {
      ...ctx,
      source: "webinar",
    });
    // 23:30 UTC is already the next day in Amsterdam.
    clock.advance(11.5 * HOUR);
    await newsletter.recordVisit("webinar");
    const token = tokenFrom(transport.sent[0], "bevestigen");
    expect((await newsletter.confirm(token, { method: "post" })).status).toBe("confirmed");

    const [webinar, workshop, unknown] = await newsletter.sourceReport([
      "webinar",
      "workshop",
      "nergens",
    ]);
    expect(webinar).toEqual({
      source: "webinar",
      visits: 23,
      signups: 1,
      confirmed: 1,
      days: [
        { day: "2026-11-27", visits: 22, signups: 1, confirmed: 0 },
        { day: "2026-11-28", visits: 1, signups: 0, confirmed: 1 },
      ],
    });
    expect(workshop).toMatchObject({ visits: 1, signups: 0, confirmed: 0 });
    expect(unknown).toEqual({ source: "nergens", visits: 0, signups: 0, confirmed: 0, days: [] });

    const stats = await newsletter.stats();
    expect(stats.visits).toEqual([
      { source: "webinar", visits: 23 },
      { source: "workshop", visits: 1 },
    ]);
    expect(await newsletter.exportCsv({ sources: ["workshop"] })).not.toContain("sanne@");
    expect(await newsletter.exportCsv({ sources: ["webinar"] })).toContain('"webinar","linkedin"');
  });

  it("stores nothing about the visitor and refuses nonsense", async () => {
    const { newsletter } = await setup(driver);
    await newsletter.recordVisit("webinar", "2027-03-01");
    await expect(newsletter.recordVisit("webinar", "1 maart")).rejects.toThrow(/YYYY-MM-DD/);
    await expect(newsletter.recordVisit("", "2027-03-01")).rejects.toThrow(/source/);
    expect((await newsletter.sourceReport(["webinar"]))[0]?.days).toEqual([
      { day: "2027-03-01", visits: 1, signups: 0, confirmed: 0 },
    ]);
  });
});

describe("dayInAmsterdam", () => {
  it("uses the Dutch calendar day, winter and summer", () => {
    expect(dayInAmsterdam("2026-01-15T23:30:00Z")).toBe("2026-01-16");
    expect(dayInAmsterdam("2026-07-15T21:59:00Z")).toBe("2026-07-15");
    expect(dayInAmsterdam("2026-07-15T22:00:00Z")).toBe("2026-07-16");
  });
});
