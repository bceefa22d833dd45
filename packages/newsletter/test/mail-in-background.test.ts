/** The visitor's answer never waits for the mail server; the send finishes in the background. */
import { describe, expect, it } from "vitest";
import { messages } from "../src/index.js";
import { ctx, DRIVERS, form, setup } from "./helpers.js";

describe.each(DRIVERS)("sending after the answer (%s)", (driver) => {
  it("a hanging mail server does not hold the visitor's request; the send finishes in the background", async () => {
    const env = await setup(driver, { firstSendWaitMs: 200 });
    const { newsletter, transport } = env;
    let release: () => void = () => {};
    const original = transport.send.bind(transport);
    transport.send = async (mail) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return original(mail);
    };
    const result = await Promise.race([
      newsletter.subscribe(form(env, { email: "traag@example.nl" }), ctx),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 20_000)),
    ]);
    expect(result).toEqual({ status: "ok", message: messages.checkMailbox });
    expect(transport.sent).toHaveLength(0); // the send still hangs
    release();
    await newsletter.close(); // waits for the background send to record its outcome
    expect(transport.to("traag@example.nl")).toHaveLength(1);
    const second = env.another();
    expect((await second.stats()).mailFailures).toBe(0);
    expect(await second.resendPending()).toMatchObject({ due: 0 });
  });

  it("by default the answer never waits for the mail server", async () => {
    // `firstSendWaitMs` left to its default (the test helper sets one of its own).
    const env = await setup(driver, { firstSendWaitMs: undefined });
    const { newsletter, transport } = env;
    // Migrations (and the lock other test files hold while they migrate) before the clock.
    await newsletter.migrate();
    let sends = 0;
    let release: () => void = () => {};
    transport.send = () => {
      sends += 1;
      // A mail server that does not answer until the test is done.
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    const order: string[] = [];
    const answer = newsletter
      .subscribe(form(env, { email: "nieuw@example.nl" }), ctx)
      .then((result) => {
        order.push("answered");
        return result;
      });
    // Were the answer waiting for the send, this timer (longer than any database write here)
    // would come first.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    order.push("1.5 s later");
    expect(await answer).toEqual({ status: "ok", message: messages.checkMailbox });
    expect(order).toEqual(["answered", "1.5 s later"]);
    expect(sends).toBe(1);
    release();
  });
});
