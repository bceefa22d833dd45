import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkConfig, loadConfig } from "../src/index.js";
import { setupMigrated } from "./helpers.js";
import { SmtpSink } from "./smtp-sink.js";
import { frozenUpdate, seedConfirmed } from "./update-fixtures.js";

const local = { NODE_ENV: "test", DATA_DIR: "/tmp/vaart-config-test" };
const problemsOf = (env: Record<string, string>) =>
  checkConfig({ ...local, ...env }).problems.map((p) => `${p.variable}: ${p.message}`);

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();

describe("NEWSLETTER_SEND_RATE", () => {
  it("takes mails per second, also a fraction; refuses anything else, naming the variable", () => {
    expect(loadConfig({ ...local, NEWSLETTER_SEND_RATE: "2.5" }).sendRate).toBe(2.5);
    expect(loadConfig(local).sendRate).toBeUndefined();
    for (const bad of ["0", "-1", "tien", "5000"]) {
      expect(problemsOf({ NEWSLETTER_SEND_RATE: bad }).join("\n")).toMatch(
        /^NEWSLETTER_SEND_RATE: NEWSLETTER_SEND_RATE must be mails per second/,
      );
    }
  });
});

describe("List-Unsubscribe's mailto:", () => {
  it("is the reply address only when NEWSLETTER_REPLY_TO is set (someone reads it)", () => {
    expect(loadConfig(local).unsubscribeMailto).toBeNull();
    expect(
      loadConfig({ ...local, NEWSLETTER_REPLY_TO: "Anna <anna@example.nl>" }).unsubscribeMailto,
    ).toBe("Anna <anna@example.nl>");
  });
});

describe("DKIM variables", () => {
  it("need all three; each missing one is named", () => {
    const problems = problemsOf({ DKIM_DOMAIN: "example.nl" }).join("\n");
    expect(problems).toMatch(/DKIM_SELECTOR is required when any DKIM_ variable is set/);
    expect(problems).toMatch(/DKIM_PRIVATE_KEY is required/);
  });

  it("refuse a key that is not a PEM private key, and a domain that is not one", () => {
    expect(
      problemsOf({ DKIM_DOMAIN: "example.nl", DKIM_SELECTOR: "s1", DKIM_PRIVATE_KEY: "geheim" }),
    ).toEqual([expect.stringMatching(/^DKIM_PRIVATE_KEY: .*must be a PEM private key/)]);
    expect(problemsOf({ DKIM_DOMAIN: "niet een domein" }).join("\n")).toMatch(
      /DKIM_DOMAIN must be the signing domain/,
    );
  });

  it("accept a PEM key written on one line with \\n", () => {
    const config = loadConfig({
      ...local,
      DKIM_DOMAIN: "example.nl",
      DKIM_SELECTOR: "vaart2026",
      DKIM_PRIVATE_KEY: pem.replace(/\n/g, "\\n"),
    });
    expect(config.dkim).toEqual({
      domainName: "example.nl",
      keySelector: "vaart2026",
      privateKey: pem,
    });
  });
});

describe("a signed Update", () => {
  const sink = new SmtpSink();
  let smtpUrl = "";
  beforeAll(async () => {
    smtpUrl = await sink.listen();
  });
  afterAll(() => sink.close());

  it("carries a DKIM-Signature of the configured domain and selector over its list headers", async () => {
    const env = await setupMigrated("sqlite", {
      transport: undefined,
      smtpUrl,
      sendRate: 0,
      dkim: { domainName: "example.nl", keySelector: "vaart2026", privateKey: pem },
    });
    await seedConfirmed(env.options, 1, "dkim-");
    await env.newsletter.updates.start(frozenUpdate("getekend"));
    expect((await env.newsletter.updates.sendPending()).sent).toBe(1);
    const head = sink.messages[0]?.head ?? "";
    expect(head).toMatch(/^DKIM-Signature: .*\bd=example\.nl;.*\bs=vaart2026;/m);
    expect(head).toMatch(/^DKIM-Signature: .*\bh=[^;]*List-Unsubscribe/im);
  });
});
