import { checkConfig } from "@vaart/newsletter";
import { describe, expect, it } from "vitest";
import { configFromEnvironment, loadServerConfig } from "../src/config.js";

/** What the server and the newsletter say about one SITE_URL: the same, always. */
function verdicts(siteUrl: string | undefined, nodeEnv: string) {
  const env = {
    NODE_ENV: nodeEnv,
    TRUST_PROXY: "0",
    NEWSLETTER_SECRET: "k7Qm2vXz9pLw4RtYb8Nc3Hs6Jd1Fg5Ae0Ui",
    NEWSLETTER_MAIL_FROM: "Updates <updates@example.nl>",
    SMTP_URL: "smtp://mail.example.nl:587",
    ...(siteUrl === undefined ? {} : { SITE_URL: siteUrl }),
  };
  let server: string;
  try {
    server = loadServerConfig(env, { port: 3000 }).siteUrl.href;
  } catch (error) {
    server = `refused: ${(error as Error).message.match(/SITE_URL[^;]*/)?.[0] ?? "(not about SITE_URL)"}`;
  }
  const problem = checkConfig(env).problems.find((p) => p.variable === "SITE_URL");
  return { server, newsletter: problem ? `refused: ${problem.message}` : "accepted" };
}

describe("SITE_URL", () => {
  it.each([
    [undefined, "production", /must be set/],
    ["www.example.nl", "production", /must be an absolute URL/],
    ["http://www.example.nl", "production", /must start with https:\/\//],
    ["not a url", "development", /must be an absolute URL/],
  ])(
    "%s under NODE_ENV=%s is refused by the server and the newsletter alike",
    (value, nodeEnv, why) => {
      const { server, newsletter } = verdicts(value, nodeEnv);
      expect(server).toMatch(why);
      expect(newsletter).toBe(server);
    },
  );

  it.each([
    ["https://www.example.nl", "production", "https://www.example.nl/"],
    ["http://localhost:3000", "development", "http://localhost:3000/"],
    [undefined, "development", "http://localhost:3000/"],
  ])("%s under NODE_ENV=%s is accepted by both", (value, nodeEnv, href) => {
    expect(verdicts(value, nodeEnv)).toEqual({ server: href, newsletter: "accepted" });
  });

  it("under pnpm dev, routes read it through the same rule (a malformed value falls back to the local site)", () => {
    expect(
      configFromEnvironment({ env: { SITE_URL: "https://www.example.nl" } }).siteUrl.href,
    ).toBe("https://www.example.nl/");
    expect(configFromEnvironment({ env: { SITE_URL: "nonsense" } }).siteUrl.href).toBe(
      "http://localhost:3000/",
    );
  });
});
