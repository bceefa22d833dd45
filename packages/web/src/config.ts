import {
  checkSiteUrl,
  distinctCharactersNeeded,
  LOCAL_SITE_URL,
  localDefaultsChosen,
  parseAuthorEmails,
  repeatsFewCharacters,
} from "@vaart/newsletter";
import { z } from "zod";
import { guessablePasswordProblem } from "./password-strength.server.js";

// One rule for both the newsletter and the servers: see localDefaultsChosen in @vaart/newsletter.
export { localDefaultsChosen };

export class ServerConfigError extends Error {
  override name = "ServerConfigError";
}

export interface ServerConfig {
  port: number;
  host: string;
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0: none). */
  trustProxyHops: number;
  /** Public origin of the site (mail links, canonical URLs, feeds). */
  siteUrl: URL;
  /** The app's own public origin when it has its own variable (the landing app's LANDING_URL). */
  publicUrl?: URL;
  localDefaults: boolean;
  /** Largest request body accepted on POST, in bytes. */
  maxBodyBytes: number;
  /** Open connections at most; further ones are dropped until some close (MAX_CONNECTIONS). */
  maxConnections: number;
  /** Keep public pages rendered in memory (PAGE_CACHE=off renders every request, for comparison). */
  pageCache: boolean;
  /** The app's own secrets (see `SecretSetting`), by variable name. */
  secrets: Record<string, string>;
}

/**
 * A secret an app needs (e.g. the landing app's RESULTS_PASSWORD), or a setting that is
 * handled the same way (the studio's AUTHOR_EMAILS): required in production, a local default
 * said in the first log line, checked before the server listens.
 */
export interface SecretSetting {
  name: string;
  /** What it is for, in the error when it is missing. */
  purpose: string;
  minLength: number;
  /**
   * "password": typed by a person, checked with a strength estimator (zxcvbn); "key" (the
   * default): generated, checked for variety like every other key; "addresses": e-mail
   * addresses separated by commas (the studio's authors); "url": another app's public
   * http(s) origin (the studio's LANDING_URL, for its preview links).
   */
  kind?: "password" | "key" | "addresses" | "url";
  /** Used only where local defaults were chosen (and said so in the first log line). */
  localDefault: string;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const integer = (name: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, `${name} must be a whole number`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`)
      .optional(),
  );

/** One schema per variable the server itself checks (see variables.ts for all of them). */
const serverSchema = z.object({
  PORT: integer("PORT", 1, 65535),
  HOST: z.preprocess(blankToUndefined, z.string().optional()),
  TRUST_PROXY: integer("TRUST_PROXY", 0, 10),
  MAX_BODY_BYTES: integer("MAX_BODY_BYTES", 1024, 10 * 1024 * 1024),
  MAX_CONNECTIONS: integer("MAX_CONNECTIONS", 1, 100_000),
  PAGE_CACHE: z.preprocess(
    blankToUndefined,
    z.enum(["on", "off"], { error: 'PAGE_CACHE must be "on" or "off"' }).optional(),
  ),
  // The rule itself is @vaart/newsletter's checkSiteUrl, shared with the mail links.
  SITE_URL: z.preprocess(blankToUndefined, z.string().optional()),
});

/** The variables the server's own schema checks. */
export const serverVariableNames = Object.keys(
  serverSchema.shape,
) as (keyof typeof serverSchema.shape)[];

/** Read and check the server's environment; the error names the variable that is wrong. */
export function loadServerConfig(
  env: Record<string, string | undefined>,
  defaults: {
    port: number;
    /**
     * A variable holding the app's own public https:// origin, required outside local
     * defaults (the landing app: LANDING_URL). Without it, canonical URLs would come from the
     * request's Host header, which a visitor chooses — and a CDN would cache their choice.
     */
    publicUrlVariable?: string;
  },
  secretSettings: readonly SecretSetting[] = [],
): ServerConfig {
  const local = localDefaultsChosen(env);
  const parsed = serverSchema.safeParse(env);
  // Every problem at once: a malformed variable and a missing one in the same message, so an
  // operator fixes the configuration in one round.
  const missing: string[] = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const values: Partial<z.infer<typeof serverSchema>> = parsed.success ? parsed.data : {};
  const given = (name: string) => Boolean(env[name]?.trim());
  const siteUrl = checkSiteUrl(env.SITE_URL, local);
  const ownUrl = defaults.publicUrlVariable ? env[defaults.publicUrlVariable]?.trim() : undefined;
  if (!local) {
    if (!given("TRUST_PROXY")) {
      missing.push(
        "TRUST_PROXY must be set: 0 when visitors connect to this server directly, or the number of reverse proxies in front of it (the client IP is taken from the entry they append to X-Forwarded-For)",
      );
    }
  }
  if (!siteUrl.ok) missing.push(siteUrl.message);
  if (!local) {
    const own = defaults.publicUrlVariable;
    const ownValue = own ? env[own]?.trim() : undefined;
    if (own && !ownValue) {
      missing.push(`${own} must be set to this app's public https:// address`);
    } else if (own && ownValue && !(URL.canParse(ownValue) && ownValue.startsWith("https://"))) {
      missing.push(`${own} must be an absolute https:// URL`);
    }
  }
  const secrets: Record<string, string> = {};
  for (const setting of secretSettings) {
    const given = env[setting.name]?.trim() || undefined;
    const value = given ?? (local ? setting.localDefault : undefined);
    if (value === undefined) {
      missing.push(`${setting.name} must be set (${setting.purpose})`);
      continue;
    }
    const problem = secretProblem(setting, value);
    if (problem) missing.push(`${setting.name} ${problem}${given ? "" : " (its local default)"}`);
    else secrets[setting.name] = value;
  }
  if (missing.length > 0) {
    throw new ServerConfigError(`Invalid configuration: ${missing.join("; ")}`);
  }
  return {
    port: values.PORT ?? defaults.port,
    // Local defaults publish their passwords in the README: this machine only, unless HOST says so.
    host: values.HOST ?? (local ? "127.0.0.1" : "0.0.0.0"),
    trustProxyHops: values.TRUST_PROXY ?? 0,
    siteUrl: siteUrl.ok ? siteUrl.url : new URL(LOCAL_SITE_URL),
    ...(ownUrl && URL.canParse(ownUrl) ? { publicUrl: new URL(ownUrl) } : {}),
    localDefaults: local,
    maxBodyBytes: values.MAX_BODY_BYTES ?? 64 * 1024,
    maxConnections: values.MAX_CONNECTIONS ?? 1000,
    pageCache: values.PAGE_CACHE !== "off",
    secrets,
  };
}

/** What makes `value` guessable, or null: the same rules for a given value and a local default. */
function secretProblem(setting: SecretSetting, value: string): string | null {
  if (setting.kind === "addresses") {
    try {
      parseAuthorEmails(value, "");
      return null;
    } catch (error) {
      return (error as Error).message.trimStart();
    }
  }
  if (setting.kind === "url") {
    return URL.canParse(value) && /^https?:\/\/[^/]/.test(value)
      ? null
      : "must be an absolute https:// address, e.g. https://campagne.example.nl";
  }
  if (value.length < setting.minLength) {
    return `must be at least ${setting.minLength} characters long`;
  }
  if (repeatsFewCharacters(value, setting.minLength)) {
    return `repeats a few characters: use at least ${distinctCharactersNeeded(setting.minLength)} different ones`;
  }
  return setting.kind === "password" ? guessablePasswordProblem(value) : null;
}

/**
 * Where a production server keeps its data must be chosen: without DATA_DIR or DATABASE_URL,
 * SQLite would quietly use the development database `.data/` of the checkout.
 */
export function storageProblem(env: Record<string, string | undefined>): string | null {
  if (localDefaultsChosen(env) || env.DATA_DIR?.trim()) return null;
  if (env.NEWSLETTER_MAIL_TRANSPORT?.trim() === "outbox") {
    return "Invalid configuration: DATA_DIR must be set with NEWSLETTER_MAIL_TRANSPORT=outbox (the folder the outbox is written to); the development folder .data/ is used only with local defaults";
  }
  if (env.DATABASE_URL?.trim()) return null;
  return "Invalid configuration: DATA_DIR or DATABASE_URL must be set (DATA_DIR=/path/to/data for SQLite, or DATABASE_URL=postgres://…); the development database under .data/ is used only with local defaults";
}

/**
 * The configuration for code that runs without the production server's load context (routes
 * under `pnpm dev`, the landing app's Open Graph URLs): the environment, read through the same
 * schema as at start-up, so no route reads `process.env` itself. Under the production server
 * this is the configuration it already checked.
 */
export function configFromEnvironment({
  publicUrlVariable,
  env = process.env,
}: {
  /** The app's own public URL variable (see loadServerConfig). */
  publicUrlVariable?: string;
  env?: Record<string, string | undefined>;
} = {}): Pick<ServerConfig, "siteUrl" | "publicUrl"> {
  const given = (name: string) => env[name]?.trim() || undefined;
  // Local development's rule (http allowed); a production server checked SITE_URL at start-up.
  const siteUrl = checkSiteUrl(env.SITE_URL, true);
  const publicUrl = publicUrlVariable ? given(publicUrlVariable) : undefined;
  return {
    siteUrl: siteUrl.ok ? siteUrl.url : new URL(LOCAL_SITE_URL),
    ...(publicUrl && URL.canParse(publicUrl) ? { publicUrl: new URL(publicUrl) } : {}),
  };
}

/**
 * An app secret where the server's checked configuration is not at hand (`pnpm dev`): the
 * environment, else its local default.
 */
export function secretFromEnvironment(
  setting: Pick<SecretSetting, "name" | "localDefault"> | undefined,
  name: string,
  env: Record<string, string | undefined> = process.env,
): string {
  return env[name]?.trim() || (setting?.localDefault ?? "");
}
