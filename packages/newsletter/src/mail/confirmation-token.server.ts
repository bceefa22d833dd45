import type { Kysely } from "kysely";
import type { Core } from "../core.server.js";
import { prepared } from "../db/prepared.server.js";
import type { Database } from "../db/schema.js";
import { newConfirmationToken } from "../tokens.server.js";

/** Store a new confirmation token for one consent record; return the raw token. */
export async function createConfirmationToken(
  trx: Kysely<Database>,
  core: Core,
  subscriberId: string,
  consentId: string,
  now: Date,
): Promise<string> {
  const { token, hash } = newConfirmationToken();
  await insertToken(trx, {
    token_hash: hash,
    subscriber_id: subscriberId,
    consent_id: consentId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + core.settings.confirmationTtlMs).toISOString(),
  });
  return token;
}

// Compiled once: every signup runs it.
const insertToken = prepared<{
  token_hash: string;
  subscriber_id: string;
  consent_id: string;
  created_at: string;
  expires_at: string;
}>((db, p) =>
  db.insertInto("newsletter_confirmation_tokens").values({
    token_hash: p.token_hash,
    subscriber_id: p.subscriber_id,
    consent_id: p.consent_id,
    created_at: p.created_at,
    expires_at: p.expires_at,
    used_at: null,
  }),
);
