import { productionEnv as sharedProductionEnv } from "@vaart/testing";

/** The authors the tests log in as: one per test, so the per-address limit holds each apart. */
export const authors = {
  walkthrough: "auteur@vaart.test",
  logos: "klantlogos@vaart.test",
  logoGuards: "logo-toegang@vaart.test",
  logoPublishing: "logo-publiceren@vaart.test",
  logoConflicts: "logo-samen@vaart.test",
  replay: "redactie@vaart.test",
  limit: "limiet@vaart.test",
  expired: "verlopen@vaart.test",
  pages: "marketing@vaart.test",
  /** axe on the campaign pages (a test of its own: the whole walk is too long for one). */
  campaignPages: "campagnepaginas@vaart.test",
  articles: "consultant@vaart.test",
  updates: "nieuwsbrief@vaart.test",
  /** The campaign walks, one address per JavaScript setting (the per-address link limit). */
  campaigns: "campagnes@vaart.test",
  campaignsNoScript: "campagnes-zonder-js@vaart.test",
  colleague: "collega@vaart.test",
  colleagueNoScript: "collega-zonder-js@vaart.test",
  form: "formulier@vaart.test",
  formNoScript: "formulier-zonder-js@vaart.test",
  keyboard: "toetsenbord@vaart.test",
} as const;

/** The site's public address in the studio's links (SITE_URL); the tests point it at the test site. */
export const siteUrl = "https://www.vaart.test";

export const studioUrl = "https://studio.vaart.test";

/**
 * The environment of a production server on its own data folder: every setting explicit
 * (@vaart/testing's production settings with the studio's authors). TRUST_PROXY=1: each test
 * comes from an address of its own (X-Forwarded-For), so the per-address limit of link
 * requests holds each apart.
 */
export function productionEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: "127.0.0.1",
    ...sharedProductionEnv(dataDir, {
      TRUST_PROXY: "1",
      SITE_URL: siteUrl,
      STUDIO_URL: studioUrl,
      NEWSLETTER_SECRET: "test-newsletter-secret-0123456789-abcdefghij",
      NEWSLETTER_MAIL_FROM: "Vaart in samenwerken <updates@vaart.test>",
      AUTHOR_EMAILS: Object.values(authors).join(", "),
    }),
  };
}
