/** NEWSLETTER_SECRET: a rotation keeps old links and forms working; a mismatch between apps is explained. */
import { describe, expect, it } from "vitest";
import { ctx, DRIVERS, form, SECRET, setup, tokenFrom } from "./helpers.js";

describe.each(DRIVERS)("key rotation (%s)", (driver) => {
  it("NEWSLETTER_SECRET=new,old signs with the new and keeps old unsubscribe links and forms working", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const oldForm = newsletter.issueFormToken();
    await newsletter.subscribe(form(env, { email: "roteer@example.nl" }), ctx);
    await newsletter.confirm(tokenFrom(transport.sent[0], "bevestigen"));
    const oldLink = tokenFrom(transport.sent[0], "afmelden");
    const NEW = "new-secret-new-secret-new-secret-new-secret";
    const rotated = env.another({ secret: `${NEW},${SECRET}` });
    expect(rotated.issueFormToken()).not.toBe(oldForm);
    expect(
      await rotated.subscribe(
        { email: "oudformulier@example.nl", consent: "yes", formToken: oldForm },
        ctx,
      ),
    ).toMatchObject({ status: "ok" });
    expect(await rotated.unsubscribe(oldLink)).toMatchObject({ status: "unsubscribed" });
    expect((await rotated.stats()).totals.unsubscribed).toBe(1);
    // The old secret alone cannot verify what the new one signs.
    const onlyNew = env.another({ secret: NEW });
    expect(
      await onlyNew.subscribe({ email: "x@example.nl", consent: "yes", formToken: oldForm }, ctx),
    ).toMatchObject({ status: "retry" });
  });
});

describe("two apps with different secrets (postgres)", () => {
  it("tells the operator why an existing subscriber's unsubscribe link fails; the visitor gets the usual answer", async () => {
    // Two instances on one database, one with another secret: as when the site and the landing
    // app are deployed with different NEWSLETTER_SECRETs.
    const env = await setup("postgres");
    const landing = env.newsletter;
    const site = env.another({ secret: "another-secret-0123456789-abcdefghijklmnopqrstuvwxyz" });
    expect(await landing.subscribe(form(env), ctx)).toMatchObject({ status: "ok" });
    const token = tokenFrom(env.transport.sent[0], "afmelden");
    expect(await site.unsubscribe(token)).toMatchObject({ status: "invalid" });
    expect(env.errors.join("\n")).toMatch(/NEWSLETTER_SECRET/);
    // Said once, not once per link: anyone can forge such links for their own address.
    env.errors.length = 0;
    expect(await site.unsubscribe(token)).toMatchObject({ status: "invalid" });
    expect(env.errors).toEqual([]);
    // A made-up token says nothing to the operator: it is not a configuration problem.
    expect(await site.unsubscribe("x".repeat(65))).toMatchObject({ status: "invalid" });
    expect(env.errors).toEqual([]);
  });
});
