/** Links in the confirmation mail: tokens in the path, and SITE_URL's own path kept. */
import { describe, expect, it } from "vitest";
import { ctx, DRIVERS, form, setup, tokenFrom } from "./helpers.js";

describe.each(DRIVERS)("tokens in the path (%s)", (driver) => {
  it("mail links carry the tokens in the path, base64url", async () => {
    const env = await setup(driver, { siteUrl: "https://example.nl/blog" });
    await env.newsletter.subscribe(form(env, { email: "pad@example.nl" }), ctx);
    const mail = env.transport.sent[0];
    expect(mail?.link).toMatch(
      /^https:\/\/example\.nl\/blog\/nieuwsbrief\/bevestigen\/[A-Za-z0-9_-]{43}$/,
    );
    expect(mail?.headers["List-Unsubscribe"]).toMatch(
      /^<https:\/\/example\.nl\/blog\/nieuwsbrief\/afmelden\/[A-Za-z0-9_-]{65}>$/,
    );
    expect(mail?.text).not.toContain("?token=");
    const unsubscribe = mail?.headers["List-Unsubscribe"]?.slice(1, -1).split("/").at(-1);
    expect(await env.newsletter.unsubscribe(unsubscribe, { method: "one-click" })).toMatchObject({
      status: "unsubscribed",
    });
  });
});

describe.each(DRIVERS)("SITE_URL with a path (%s)", (driver) => {
  it("keeps the path in confirmation and unsubscribe links", async () => {
    const env = await setup(driver, { siteUrl: "https://example.nl/blog/" });
    await env.newsletter.subscribe(form(env, { email: "pad@example.nl" }), ctx);
    const mail = env.transport.sent[0];
    expect(mail?.text).toMatch(/https:\/\/example\.nl\/blog\/nieuwsbrief\/bevestigen\//);
    expect(mail?.headers["List-Unsubscribe"]).toMatch(
      /^<https:\/\/example\.nl\/blog\/nieuwsbrief\/afmelden\/[^>]+>$/,
    );
    const other = await setup(driver, { siteUrl: "https://example.nl/blog" });
    await other.newsletter.subscribe(form(other, { email: "pad@example.nl" }), ctx);
    expect(other.transport.sent[0]?.text).toContain(
      "https://example.nl/blog/nieuwsbrief/bevestigen/",
    );
    expect(await env.newsletter.confirm(tokenFrom(mail, "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
  });
});
