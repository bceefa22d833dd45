import type { Kysely } from "kysely";
import type { Core } from "../core.server.js";
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
  await trx
    .insertInto("newsletter_confirmation_tokens")
    .values({
      token_hash: hash,
      subscriber_id: subscriberId,
      consent_id: consentId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + core.settings.confirmationTtlMs).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}
