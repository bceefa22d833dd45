import { describe, expect, it } from "vitest";
import { sharedSendRate, slotStepMs, takeSlot } from "../src/updates/send-rate.server.js";
import { openTestDatabase } from "./db-rows.js";
import { DRIVERS, setupMigrated } from "./helpers.js";

describe("the send rate's arithmetic", () => {
  it("gives slots one interval apart, never faster than the rate", () => {
    expect(slotStepMs(10)).toBe(100);
    expect(slotStepMs(3)).toBe(334);
    let next = 0;
    const slots: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = takeSlot(next, 1_000, 10);
      slots.push(s.slotMs);
      next = s.nextMs;
    }
    expect(slots).toEqual([1_000, 1_100, 1_200, 1_300, 1_400]);
  });

  it("saves nothing up while idle: a slot in the past counts from now", () => {
    expect(takeSlot(1_000, 60_000, 10)).toEqual({ slotMs: 60_000, nextMs: 60_100 });
  });
});

describe.each(DRIVERS)("the send rate shared by instances (%s)", (driver) => {
  it("three instances on one database take 30 slots 100 ms apart at 10 mails/s, none twice", async () => {
    const env = await setupMigrated(driver);
    let clock = Date.parse("2026-12-04T10:00:00.000Z");
    const waits: number[] = [];
    const handles = [0, 1, 2].map(() => openTestDatabase(env.options));
    try {
      const limiters = handles.map((h) =>
        sharedSendRate(
          h.db,
          h.dialect,
          10,
          () => clock,
          async (ms) => {
            waits.push(clock + ms);
          },
        ),
      );
      // Ten rounds of all three at once; the clock does not move, so each waits its turn.
      for (let round = 0; round < 10; round++) {
        await Promise.all(limiters.map((l) => l.acquire()));
      }
      const slots = [...waits].sort((a, b) => a - b);
      expect(new Set(slots).size).toBe(30);
      expect(slots[0]).toBe(clock);
      expect((slots.at(-1) ?? 0) - (slots[0] ?? 0)).toBe(2_900);
      for (let i = 1; i < slots.length; i++) {
        expect((slots[i] ?? 0) - (slots[i - 1] ?? 0)).toBe(100);
      }
      // After an idle minute, the next slot is now, not a backlog of 600.
      clock += 60_000;
      waits.length = 0;
      await limiters[0]?.acquire();
      expect(waits).toEqual([clock]);
    } finally {
      for (const h of handles) await h.destroy();
    }
  });
});
