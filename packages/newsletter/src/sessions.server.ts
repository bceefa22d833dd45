import { randomBytes, type ScryptOptions, scrypt } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./db/schema.js";
import { sha256Hex } from "./tokens.server.js";

/** A login's session, or the mark of a browser that logged in before. */
export type SessionKind = "session" | "device";

/**
 * Server-side sessions of an app's own login. The cookie carries only a random 256-bit id;
 * the database keeps its SHA-256, so a copied cookie holds nothing derived from the password
 * and a database dump holds no usable cookie. Each row records a fingerprint of the login
 * secret it was made under: a new secret ends every session and device mark at once.
 */
export interface AppSessions {
  /** A new random id for the cookie, stored hashed, valid for `lifetimeMs`. */
  create(kind: SessionKind, lifetimeMs: number): Promise<{ id: string; expiresAt: Date }>;
  /**
   * The stored session of this cookie id (its hash), when it exists, has not
   * expired and was made under the current secret; null otherwise.
   */
  find(kind: SessionKind, id: string | null | undefined): Promise<{ idHash: string } | null>;
  /** End it (logout); unknown ids are ignored. */
  revoke(kind: SessionKind, id: string | null | undefined): Promise<void>;
}

/** 256 random bits, base64url: 43 characters. */
const idPattern = /^[A-Za-z0-9_-]{43}$/;
const FINGERPRINT_KEY = "session-secret-fingerprint";
// scrypt, about 0.1 s once per process and secret: a dumped table is no fast oracle for
// guessing the password either.
const scryptOptions: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function scryptHex(secret: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, scryptOptions, (error, key) =>
      error ? reject(error) : resolve(key.toString("hex")),
    );
  });
}

/** The database's random fingerprint key, made by whichever instance asks first. */
async function fingerprintKey(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto("app_keys")
    .values({ name: FINGERPRINT_KEY, value: randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("app_keys")
    .select("value")
    .where("name", "=", FINGERPRINT_KEY)
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Fingerprints per scope and secret, computed once per process (scrypt is slow on purpose). */
export type FingerprintCache = Map<string, Promise<string>>;

export function appSessions(
  db: Kysely<Database>,
  scope: string,
  secret: string,
  now: () => Date,
  cache: FingerprintCache,
): AppSessions {
  if (!scope) throw new Error("appSessions: the scope must not be empty");
  if (!secret) throw new Error("appSessions: the secret must not be empty");

  function fingerprint(): Promise<string> {
    const cacheKey = `${scope}\n${secret}`;
    let pending = cache.get(cacheKey);
    if (!pending) {
      pending = fingerprintKey(db).then((key) => scryptHex(secret, `${scope}\n${key}`));
      // A failed lookup (database away) is tried again on the next request.
      pending.catch(() => cache.delete(cacheKey));
      cache.set(cacheKey, pending);
    }
    return pending;
  }

  return {
    async create(kind, lifetimeMs) {
      const current = await fingerprint();
      const at = now();
      const id = randomBytes(32).toString("base64url");
      const expiresAt = new Date(at.getTime() + lifetimeMs);
      // Housekeeping on the rare write: expired rows, and rows of an earlier secret.
      await db
        .deleteFrom("app_sessions")
        .where("scope", "=", scope)
        .where((eb) =>
          eb.or([
            eb("expires_at", "<=", at.toISOString()),
            eb("secret_fingerprint", "!=", current),
          ]),
        )
        .execute();
      await db
        .insertInto("app_sessions")
        .values({
          id_hash: sha256Hex(id),
          scope,
          kind,
          secret_fingerprint: current,
          created_at: at.toISOString(),
          expires_at: expiresAt.toISOString(),
        })
        .execute();
      return { id, expiresAt };
    },
    async find(kind, id) {
      if (typeof id !== "string" || !idPattern.test(id)) return null;
      const current = await fingerprint();
      const idHash = sha256Hex(id);
      const row = await db
        .selectFrom("app_sessions")
        .select("id_hash")
        .where("id_hash", "=", idHash)
        .where("scope", "=", scope)
        .where("kind", "=", kind)
        .where("secret_fingerprint", "=", current)
        .where("expires_at", ">", now().toISOString())
        .executeTakeFirst();
      return row ? { idHash } : null;
    },
    async revoke(kind, id) {
      if (typeof id !== "string" || !idPattern.test(id)) return;
      await db
        .deleteFrom("app_sessions")
        .where("id_hash", "=", sha256Hex(id))
        .where("scope", "=", scope)
        .where("kind", "=", kind)
        .execute();
    },
  };
}
