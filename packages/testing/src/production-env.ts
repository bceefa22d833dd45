import path from "node:path";

/**
 * Production settings for a server (or an owner command) on its own data folder: every
 * variable a production server requires, explicit, so nothing comes from the shell (CI,
 * DATABASE_URL, VAART_LOCAL_DEFAULTS, …). Placeholders, never real secrets. The names are
 * tested against @vaart/web's list of variables; `overrides` changes or adds values.
 */
export function productionEnv(
  dataDir: string,
  overrides: Record<string, string> = {},
): Record<string, string> & { NODE_ENV: "production" } {
  return {
    TRUST_PROXY: "0",
    SITE_URL: "https://www.vaart.example",
    LANDING_URL: "https://acties.vaart.example",
    STUDIO_URL: "https://studio.vaart.example",
    NEWSLETTER_SECRET: "test-secret-test-secret-test-secret-0123456789",
    NEWSLETTER_MAIL_FROM: "Vaart in samenwerken <updates@vaart.example>",
    NEWSLETTER_MAIL_TRANSPORT: "outbox",
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${path.join(dataDir, "vaart.sqlite")}`,
    RESULTS_PASSWORD: "test-resultaten-wachtwoord",
    PREVIEW_TOKEN: "test-voorbeeld-token-0123456789",
    AUTHOR_EMAILS: "redactie@vaart.example",
    ...overrides,
    // Always production: these are the settings of a production server.
    NODE_ENV: "production",
  };
}
