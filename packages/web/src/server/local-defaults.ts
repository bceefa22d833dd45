import type { SecretSetting, ServerConfig } from "../config.js";

/**
 * The first log line with local defaults: which ones, and what they mean here (database, mail,
 * secret, address), so nobody mistakes this server for a configured one.
 */
export function localDefaultsLine(
  appName: string,
  env: Record<string, string | undefined>,
  config: Pick<ServerConfig, "host">,
  secrets: readonly SecretSetting[],
): string {
  const chosen =
    env.VAART_LOCAL_DEFAULTS?.trim() === "1"
      ? "VAART_LOCAL_DEFAULTS=1, set by the root pnpm start"
      : `NODE_ENV=${env.NODE_ENV}`;
  const dataDir = env.DATA_DIR?.trim() || ".data/";
  const database = env.DATABASE_URL?.trim()?.startsWith("postgres")
    ? "PostgreSQL (DATABASE_URL)"
    : `SQLite under ${dataDir}`;
  const smtp = env.SMTP_URL?.trim() && env.NEWSLETTER_MAIL_TRANSPORT?.trim() !== "outbox";
  const mail = smtp
    ? "mail sent through SMTP_URL (not the outbox)"
    : `mail written to the outbox ${dataDir.replace(/\/?$/, "/")}outbox/`;
  const secret = env.NEWSLETTER_SECRET?.trim() ? "NEWSLETTER_SECRET as set" : "a generated secret";
  const address = env.HOST?.trim()
    ? `listening on HOST=${config.host}`
    : `listening on ${config.host} only (HOST=0.0.0.0 opens it to the network)`;
  return `[${appName}] Local defaults (${chosen}): production build, ${database}, ${mail}, ${secret}, ${address}. Not for a public server.${localSecrets(secrets, env)}`;
}

/** The local defaults of the app's secrets that apply, said once so that people can log in. */
function localSecrets(settings: readonly SecretSetting[], env: Record<string, string | undefined>) {
  const defaulted = settings.filter((setting) => !env[setting.name]?.trim());
  return defaulted.map((setting) => ` ${setting.name}=${setting.localDefault}.`).join("");
}
