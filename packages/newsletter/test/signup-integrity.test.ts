import { describe, expect, it } from "vitest";
import { messages } from "../src/index.js";
import { ctx, DRIVERS, form, setup, tokenFrom } from "./helpers.js";

const MINUTE = 60_000;

describe.each(DRIVERS)("a later signup cannot take over a pending one (%s)", (driver) => {
  it("ten minutes later, from another IP with another name and source: each link confirms its own signup", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const email = "anna.aanmelding@example.nl";
    const anna = { ...ctx, ip: "203.0.113.10", userAgent: "Browser van Anna" };
    const other = {
      ...ctx,
      source: "/artikelen/iets-anders",
      ip: "198.51.100.66",
      userAgent: "Browser van iemand anders",
    };
    const annaAt = env.clock.now();
    await newsletter.subscribe(
      form(env, { email, firstName: "Anna", utm_source: "nieuwsbrief-anna" }),
      anna,
    );
    env.clock.advance(10 * MINUTE);
    const otherAt = env.clock.now();
    await newsletter.subscribe(
      form(env, { email, firstName: "Mallory", utm_source: "overname" }),
      other,
    );
    expect(transport.to(email)).toHaveLength(2);
    const [first, second] = transport.to(email);

    // The confirm page can show whose signup each link confirms: date and name.
    expect(await newsletter.describeConfirmation(tokenFrom(first, "bevestigen"))).toEqual({
      status: "pending",
      signedUpAt: annaAt,
      firstName: "Anna",
    });
    expect(await newsletter.describeConfirmation(tokenFrom(second, "bevestigen"))).toEqual({
      status: "pending",
      signedUpAt: otherAt,
      firstName: "Mallory",
    });

    // The pending signup is still Anna's: the statistics and a new mail she asks for.
    expect((await newsletter.stats()).sources).toEqual([
      { source: "/nieuwsbrief", pending: 1, confirmed: 0, unsubscribed: 0, total: 1 },
    ]);
    env.clock.advance(11 * MINUTE);
    expect(await newsletter.requestNewConfirmation(email, anna)).toMatchObject({ status: "ok" });
    const fresh = transport.to(email)[2];
    expect(await newsletter.describeConfirmation(tokenFrom(fresh, "bevestigen"))).toMatchObject({
      firstName: "Anna",
      signedUpAt: annaAt,
    });

    // Anna presses the button in the first mail: her own name, source, IP and consent.
    expect(
      await newsletter.confirm(tokenFrom(first, "bevestigen"), { ...anna, method: "post" }),
    ).toMatchObject({ status: "confirmed" });
    const [, row, extra] = (await newsletter.exportCsv()).trimEnd().split("\r\n");
    expect(extra).toBeUndefined();
    expect(row).toContain('"Anna"');
    expect(row).toContain('"nieuwsbrief-anna"');
    expect(row).toContain('"/nieuwsbrief"');
    expect(row).toContain('"203.0.113.10"');
    expect(row).toContain('"Browser van Anna"');
    expect(row).toContain(annaAt.toISOString());
    expect(row).not.toMatch(/Mallory|overname|198\.51\.100\.66|iemand anders|iets-anders/);
    // The other signup's link now confirms nothing.
    expect(await newsletter.confirm(tokenFrom(second, "bevestigen"))).toMatchObject({
      status: "already-confirmed",
    });
    expect((await newsletter.stats()).sources).toEqual([
      { source: "/nieuwsbrief", pending: 0, confirmed: 1, unsubscribed: 0, total: 1 },
    ]);
  });

  it("the later signup's link confirms the later signup, and says so before the button is pressed", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const email = "bas.later@example.nl";
    await newsletter.subscribe(form(env, { email, firstName: "Bas" }), ctx);
    env.clock.advance(12 * MINUTE);
    const laterAt = env.clock.now();
    await newsletter.subscribe(form(env, { email, firstName: "Bastiaan" }), {
      ...ctx,
      source: "voorjaarscampagne",
    });
    const second = transport.to(email)[1];
    expect(await newsletter.describeConfirmation(tokenFrom(second, "bevestigen"))).toEqual({
      status: "pending",
      signedUpAt: laterAt,
      firstName: "Bastiaan",
    });
    expect(await newsletter.confirm(tokenFrom(second, "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
    const row = (await newsletter.exportCsv()).trimEnd().split("\r\n")[1] ?? "";
    expect(row).toContain('"Bastiaan"');
    expect(row).toContain('"voorjaarscampagne"');
    expect(await newsletter.describeConfirmation(tokenFrom(second, "bevestigen"))).toEqual({
      status: "already-confirmed",
    });
    expect(await newsletter.describeConfirmation("x".repeat(43))).toEqual({ status: "unknown" });
  });

  it("a mail held back and sent later is for the signup it was claimed for", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const email = "cor.later@example.nl";
    await newsletter.subscribe(form(env, { email, firstName: "Eerste" }), ctx);
    env.clock.advance(10 * MINUTE);
    // The second signup's mail fails; the retry must still be the second signup's mail.
    transport.failNext = 1;
    await newsletter.subscribe(form(env, { email, firstName: "Cor" }), {
      ...ctx,
      source: "najaarscampagne",
    });
    expect(transport.to(email)).toHaveLength(1);
    env.clock.advance(10 * MINUTE);
    await newsletter.resendPending();
    const retried = transport.to(email)[1];
    expect(await newsletter.describeConfirmation(tokenFrom(retried, "bevestigen"))).toMatchObject({
      status: "pending",
      firstName: "Cor",
    });
  });
});

describe.each(DRIVERS)(
  "names with links are refused, whatever the dot or domain (%s)",
  (driver) => {
    it("refuses ideographic dots, full-width letters and any top-level domain; keeps ordinary names", async () => {
      const env = await setup(driver);
      const { newsletter, transport } = env;
      const links = [
        "evil。com",
        "evil｡nl",
        "ｅｖｉｌ．ｃｏｍ",
        "kijk op winst.photography",
        "gratis.shop",
        "prijzen.xn--p1ai",
        "bit.ly",
      ];
      for (const [i, firstName] of links.entries()) {
        const result = await newsletter.subscribe(
          form(env, { email: `link${i}@example.nl`, firstName }),
          { ...ctx, ip: `203.0.113.${i + 1}` },
        );
        expect(result, firstName).toMatchObject({
          status: "invalid",
          fieldErrors: { firstName: messages.firstNameNoLinks },
          values: { firstName },
        });
      }
      const names = ["Anne-Marie", "J.R. de Vries", "Zoë", "Jan Willem", "Ōkubo 大久保", "Fatıma"];
      for (const [i, firstName] of names.entries()) {
        const result = await newsletter.subscribe(
          form(env, { email: `naam${i}@example.nl`, firstName }),
          { ...ctx, ip: `198.51.100.${i + 1}` },
        );
        expect(result, firstName).toMatchObject({ status: "ok" });
      }
      expect(await newsletter.counts()).toMatchObject({ subscribers: names.length });
      expect(transport.sent).toHaveLength(names.length);
    });
  },
);

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

describe.each(DRIVERS)("one spelling per unsubscribe link (%s)", (driver) => {
  it("the 15 other spellings of the id's last character are refused; the mailed one works", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const email = "dirk.afmelden@example.nl";
    await newsletter.subscribe(form(env, { email }), ctx);
    expect(await newsletter.confirm(tokenFrom(transport.to(email)[0], "bevestigen"))).toMatchObject(
      { status: "confirmed" },
    );
    const token = tokenFrom(transport.to(email)[0], "afmelden");
    expect(token).toHaveLength(65);
    // The id is 22 characters for 16 bytes: the last one carries 2 bits and 4 unused ones.
    const last = BASE64URL.indexOf(token[21] ?? "");
    const others = [...BASE64URL]
      .filter((_, i) => i >> 4 === last >> 4 && i !== last)
      .map((c) => `${token.slice(0, 21)}${c}${token.slice(22)}`);
    expect(others).toHaveLength(15);
    for (const spelling of others) {
      expect(await newsletter.unsubscribe(spelling), spelling).toMatchObject({
        status: "invalid",
      });
    }
    expect((await newsletter.stats()).sources[0]).toMatchObject({ confirmed: 1, unsubscribed: 0 });
    expect(await newsletter.unsubscribe(token)).toMatchObject({ status: "unsubscribed" });
    expect((await newsletter.stats()).sources[0]).toMatchObject({ confirmed: 0, unsubscribed: 1 });
  });
});
