import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeNewsletter, getNewsletter } from "@vaart/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countVisit } from "../../app/lib/visits.server";

describe("counting campaign visits", () => {
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "landing-visits-"));
    process.env.VAART_LOCAL_DEFAULTS = "1";
    process.env.DATA_DIR = dir;
    process.env.DATABASE_URL = `sqlite:${join(dir, "visits.sqlite")}`;
  });
  afterAll(() => closeNewsletter());

  const page = (userAgent = "Mozilla/5.0 (X11; Linux x86_64)") =>
    new Request("https://acties.example.nl/webinar", { headers: { "User-Agent": userAgent } });
  const visits = async (slug: string) =>
    (await getNewsletter().sourceReport([slug]))[0]?.visits ?? 0;

  it("counts an address once per campaign and day, however often it loads the page", async () => {
    const day = new Date("2027-03-01T10:00:00Z");
    for (let load = 0; load < 25; load += 1)
      await countVisit(page(), "webinar", "203.0.113.7", day);
    expect(await visits("webinar")).toBe(1);
    await countVisit(page(), "webinar", "198.51.100.2", day);
    await countVisit(page(), "workshop", "203.0.113.7", day);
    expect(await visits("webinar")).toBe(2);
    expect(await visits("workshop")).toBe(1);
    // Addresses in one IPv6 /64 are one visitor.
    await countVisit(page(), "workshop", "2001:db8:1:2::1", day);
    await countVisit(page(), "workshop", "2001:db8:1:2:ffff::9", day);
    expect(await visits("workshop")).toBe(2);
    // The next day, the same address is a visitor again.
    await countVisit(page(), "webinar", "203.0.113.7", new Date("2027-03-02T10:00:00Z"));
    expect(await visits("webinar")).toBe(3);
  });

  it("does not count crawlers, link previews or audits", async () => {
    const before = await visits("webinar");
    await countVisit(page("LinkedInBot/1.0"), "webinar", "192.0.2.1");
    await countVisit(page("Mozilla/5.0 Chrome-Lighthouse"), "webinar", "192.0.2.2");
    expect(await visits("webinar")).toBe(before);
  });
});
