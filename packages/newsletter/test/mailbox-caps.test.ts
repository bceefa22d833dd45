/**
 * Nobody can use the form against a third party's inbox: every spelling of one mailbox is
 * one subscriber, at most three confirmation mails per mailbox in 30 days whatever the
 * route, and only a request that sends a mail spends the mailbox's budget.
 */
import { describe, expect, it } from "vitest";
import { mailboxKey, messages, type OutgoingMail } from "../src/index.js";
import { dumpTables } from "./db-rows.js";
import { ctx, DRIVERS, type DriverName, form, setup, tokenFrom } from "./helpers.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const victimMails = (mails: OutgoingMail[], key: string) =>
  mails.filter((m) => mailboxKey(m.to) === key);

describe.each(DRIVERS)("list-bombing, the whole attack (%s)", (driver: DriverName) => {
  it("1 attacker, 20 IPs, 50 variants of one Gmail inbox, 200 signups + 50 request-new at once: ≤ 3 mails, the owner still signs up, nothing of the attacker kept", async () => {
    const env = await setup(driver, { poolSize: 10 });
    const { newsletter, transport } = env;
    const victim = "victim@gmail.com";
    const variants = Array.from({ length: 50 }, (_, i) => {
      const local = "victim"
        .split("")
        .map((c, j) => (i & (1 << j) ? `${c}.` : c))
        .join("")
        .replace(/\.$/, "");
      const domain = i % 3 === 0 ? "googlemail.com" : i % 2 ? "Gmail.com" : "gmail.com";
      return `${i % 4 === 0 ? local.toUpperCase() : local}+${i}@${domain}`;
    });
    expect(new Set(variants).size).toBe(50);
    expect(new Set(variants.map((v) => mailboxKey(v.toLowerCase())))).toEqual(new Set([victim]));
    // Twenty networks, so that the per-network limit (60 an hour) is not what stops them.
    const attackerIps = Array.from({ length: 20 }, (_, i) => `10.20.${i}.100`);
    const attacker = { ...ctx, userAgent: "AttackBot/1.0", source: "/nieuwsbrief" };
    const signups = Array.from({ length: 200 }, (_, i) =>
      newsletter.subscribe(
        form(env, {
          email: variants[i % 50] ?? "",
          firstName: "Your account is locked",
        }),
        { ...attacker, ip: attackerIps[i % 20] },
      ),
    );
    const requests = Array.from({ length: 50 }, (_, i) =>
      newsletter.requestNewConfirmation(variants[(i * 7) % 50], {
        ip: attackerIps[(i * 3) % 20],
        userAgent: "AttackBot/1.0",
      }),
    );
    const results = await Promise.all([...signups, ...requests]);
    expect(env.errors).toEqual([]);
    // Every answer is the ordinary one (nothing to probe).
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(["ok"]));
    const again = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        newsletter.subscribe(form(env, { email: variants[i % 50] ?? "", firstName: "Hoi" }), {
          ...attacker,
          ip: attackerIps[i % 20],
        }),
      ),
    );
    expect(new Set(again.map((r) => r.status))).toEqual(new Set(["ok"]));
    const burstMails = victimMails(transport.sent, victim).length;
    expect(burstMails).toBeGreaterThanOrEqual(1);
    expect(burstMails).toBeLessThanOrEqual(3);
    for (const mail of transport.sent) expect(mail.text).not.toMatch(/account is locked|Hoi Hoi/);

    // The owner, later that day, from home.
    env.clock.advance(2 * HOUR);
    const owner = { ...ctx, ip: "203.0.113.50", userAgent: "Mozilla/5.0 (eigenaar)" };
    expect(
      await newsletter.subscribe(form(env, { email: "Victim@gmail.com", firstName: "Vera" }), {
        ...owner,
        source: "/artikelen/ketensamenwerking",
      }),
    ).toEqual({ status: "ok", message: messages.checkMailbox });
    const toVictim = victimMails(transport.sent, victim);
    expect(toVictim.length).toBeLessThanOrEqual(3);
    const ownMail = toVictim.at(-1);
    expect(ownMail?.to).toBe("Victim@gmail.com");
    expect(
      await newsletter.confirm(tokenFrom(ownMail, "bevestigen"), { ...owner, method: "post" }),
    ).toMatchObject({ status: "confirmed" });

    // What is stored is what the owner caused: one subscriber, one consent, their data.
    expect(await newsletter.counts()).toMatchObject({ subscribers: 1, consents: 1 });
    const csv = await newsletter.exportCsv();
    expect(csv).toContain('"Victim@gmail.com","Vera","/artikelen/ketensamenwerking"');
    expect(csv).toContain("203.0.113.50");
    const everything = await dumpTables(env);
    for (const ip of attackerIps) expect(everything).not.toContain(ip);
    expect(everything).not.toContain("AttackBot");
    for (const v of variants) expect(everything).not.toContain(v);
    expect(everything.toLowerCase()).not.toContain("+1@");
    // Figures for the closing note.
    console.info(
      `[abuse ${driver}] mails to the victim's inbox: burst ${burstMails}, total ${toVictim.length}; owner's signup: confirmed`,
    );
  });
});

describe.each(DRIVERS)("at most three mails per mailbox (%s)", (driver) => {
  it("variants of one inbox are one subscriber; ≤ 3 confirmation mails per mailbox in 30 days, also after an unsubscribe; no visitor text in the mail", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const ip = (n: number) => ({ ...ctx, ip: `192.0.2.${n}` });
    // Three signups, each after the mail interval, from three IPs, in three spellings.
    const spellings = ["victim+1@gmail.com", "v.ictim@gmail.com", "VICTIM@googlemail.com"];
    for (const [i, email] of spellings.entries()) {
      await newsletter.subscribe(form(env, { email, firstName: "Hoi Your account" }), ip(i));
      env.clock.advance(11 * MINUTE);
    }
    expect(transport.sent.map((m) => m.to)).toEqual(
      spellings.map((s) => s.replace(/@.*/, (d) => d.toLowerCase())),
    );
    expect(await newsletter.counts()).toMatchObject({ subscribers: 1 });
    for (const mail of transport.sent) {
      expect(mail.text.startsWith("Hoi,\n")).toBe(true);
      expect(mail.text + mail.html).not.toContain("Your account");
    }
    // The victim unsubscribes; the next signup, days later, gets no mail (cap reached).
    await newsletter.unsubscribe(tokenFrom(transport.sent[0], "afmelden"), { method: "one-click" });
    env.clock.advance(2 * DAY);
    expect(await newsletter.subscribe(form(env, { email: "victim+4@gmail.com" }), ip(9))).toEqual({
      status: "ok",
      message: messages.checkMailbox,
    });
    expect(await newsletter.requestNewConfirmation("victim@gmail.com", ip(10))).toMatchObject({
      status: "ok",
    });
    expect(transport.sent).toHaveLength(3);
    expect((await newsletter.stats()).totals).toMatchObject({ unsubscribed: 1, pending: 0 });
    // Thirty days after the first mail the mailbox has budget again.
    env.clock.advance(30 * DAY);
    await newsletter.subscribe(form(env, { email: "victim@gmail.com" }), ip(11));
    expect(transport.sent).toHaveLength(4);
  });

  it("a mail right after an unsubscribe-before-confirmation waits for the mailbox's interval", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    await newsletter.subscribe(form(env, { email: "iemand@example.nl" }), ctx);
    await newsletter.unsubscribe(tokenFrom(transport.sent[0], "afmelden"));
    await newsletter.subscribe(form(env, { email: "iemand+x@example.nl" }), ctx);
    expect(transport.sent).toHaveLength(1);
    expect((await newsletter.stats()).totals).toMatchObject({ unsubscribed: 1, pending: 0 });
  });
});

describe.each(DRIVERS)("the mailbox, not the requester, is what a mail spends (%s)", (driver) => {
  it("request-new calls from many IPs spend nothing unless a mail goes; the owner still gets one", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    await newsletter.subscribe(form(env, { email: "eigenaar@example.nl" }), ctx);
    for (let i = 0; i < 25; i += 1) {
      expect(
        await newsletter.requestNewConfirmation("eigenaar@example.nl", { ip: `192.0.2.${i}` }),
      ).toMatchObject({ status: "ok" });
    }
    expect(transport.sent).toHaveLength(1);
    env.clock.advance(11 * MINUTE);
    expect(
      await newsletter.requestNewConfirmation("eigenaar@example.nl", { ip: "203.0.113.60" }),
    ).toEqual({ status: "ok", message: messages.newConfirmationRequested });
    expect(transport.sent).toHaveLength(2);
    expect(await newsletter.confirm(tokenFrom(transport.sent[1], "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
  });
});
