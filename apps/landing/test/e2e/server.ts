import { productionEnv as sharedProductionEnv } from "@vaart/testing";

/** The secrets and settings the tests start the production server with. */
export const testSettings = {
  resultsPassword: "test-resultaten-wachtwoord",
  previewToken: "test-voorbeeld-token-0123456789",
  siteUrl: "https://www.vaart.test",
  /** The landing app's public origin: canonical and Open Graph URLs use it, never the Host header. */
  landingUrl: "https://acties.vaart.test",
};

/**
 * The environment of a production server on its own data folder: every setting explicit
 * (@vaart/testing's production settings with this app's test addresses and secrets).
 */
export function productionEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: "127.0.0.1",
    ...sharedProductionEnv(dataDir, {
      SITE_URL: testSettings.siteUrl,
      LANDING_URL: testSettings.landingUrl,
      NEWSLETTER_SECRET: "test-newsletter-secret-0123456789-abcdefghij",
      NEWSLETTER_MAIL_FROM: "Vaart in samenwerken <updates@vaart.test>",
      RESULTS_PASSWORD: testSettings.resultsPassword,
      PREVIEW_TOKEN: testSettings.previewToken,
    }),
  };
}
