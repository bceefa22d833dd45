import type { Generated } from "kysely";

/** Timestamps are ISO-8601 strings in UTC on both databases, so the same code reads both. */
export type IsoTime = string;

export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed";

/** A confirmation mail's final outcome, when it has one (see mail/queue.server.ts). */
export type MailOutcome = "failed-permanent";

export interface SubscribersTable {
  id: string;
  /**
   * The mailbox key (lower-case, +tag removed, Gmail dots removed, punycode domain): the
   * unique key that makes signups idempotent and the unit of every per-address limit.
   */
  email_key: string;
  /**
   * Address as typed at the current signup (domain lower-cased): mail goes here. A later
   * signup while pending does not change it (nor `first_name`, `consent_id`).
   */
  email: string;
  first_name: string | null;
  status: SubscriberStatus;
  /**
   * The consent record of the current subscription episode: while pending, the first
   * signup's (a later signup has its own record and token; prune moves it on once the first
   * is past the retention cut-off); once confirmed, the confirmed one's.
   */
  consent_id: string;
  created_at: IsoTime;
  updated_at: IsoTime;
  /*
   * The confirmation mail's delivery state (last_mail_at … mail_rank): written only by
   * mail/queue.server.ts, which names the states and transitions.
   */
  /** When the last confirmation mail was asked for or claimed for sending. */
  last_mail_at: IsoTime | null;
  /** When a confirmation mail is due (again); null when none is due. */
  mail_due_at: IsoTime | null;
  mail_attempts: Generated<number>;
  mail_last_error: string | null;
  mail_sent_at: IsoTime | null;
  /** "failed-permanent" after a 5xx rejection: never retried or requeued. */
  mail_status: MailOutcome | null;
  /**
   * How many signups (or requests for a new mail) the source address had made in its
   * per-IP window when this mail was asked for: 1 for the first, or without a known
   * address. Under the site-wide cap, lower ranks go first (migration 0005).
   */
  mail_rank: Generated<number>;
}

export interface ConsentsTable {
  id: string;
  subscriber_id: string;
  /** The address as typed at this signup. */
  email: string;
  first_name: string | null;
  consent_text: string;
  consent_version: string | null;
  consent_hash: string;
  source: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  signup_at: IsoTime;
  signup_ip: string | null;
  signup_user_agent: string | null;
  confirmed_at: IsoTime | null;
  confirm_ip: string | null;
  confirm_user_agent: string | null;
  /** "post" or "get", as the app reported it; null before migration 0002 or when not given. */
  confirm_method: string | null;
  unsubscribed_at: IsoTime | null;
  unsubscribe_ip: string | null;
  unsubscribe_user_agent: string | null;
  unsubscribe_method: string | null;
}

export interface ConfirmationTokensTable {
  /** SHA-256 of the token, hex; the token itself is only ever in the mail. */
  token_hash: string;
  subscriber_id: string;
  consent_id: string;
  created_at: IsoTime;
  expires_at: IsoTime;
  used_at: IsoTime | null;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: IsoTime;
  hits: number;
}

/** One row per confirmation mail intent, for the per-mailbox cap (hashed key). */
export interface MailLogTable {
  mailbox_hash: string;
  sent_at: IsoTime;
}

/** Visits of a campaign page per day (YYYY-MM-DD, Amsterdam): a counter, no visitor data. */
export interface VisitsTable {
  source: string;
  day: string;
  visits: number;
}

/** A session or known-device mark of an app login; the cookie's random id is stored hashed. */
export interface AppSessionsTable {
  /** SHA-256 of the cookie's id, hex. */
  id_hash: string;
  /** Whose login: "results" (the landing app's results page). */
  scope: string;
  /** "session" or "device". */
  kind: string;
  /** The login secret's fingerprint at creation: a new secret ends every session. */
  secret_fingerprint: string;
  created_at: IsoTime;
  expires_at: IsoTime;
}

/** A one-time login link of the studio; the token in the mail is stored as its SHA-256. */
export interface StudioLoginLinksTable {
  token_hash: string;
  /** The author it logs in; null for the decoy row of an address that is no author's. */
  author: string | null;
  created_at: IsoTime;
  expires_at: IsoTime;
  /** When its button was pressed: a link logs in once. */
  used_at: IsoTime | null;
}

/** A studio session of an author; the cookie's random id is stored as its SHA-256. */
export interface StudioSessionsTable {
  id_hash: string;
  author: string;
  created_at: IsoTime;
  expires_at: IsoTime;
}

/** Random keys made once per database (e.g. the fingerprint key of the sessions). */
export interface AppKeysTable {
  name: string;
  value: string;
}

/** Where an Update's sending is (see updates/): "done" once every delivery is final. */
export type UpdateStatus = "sending" | "paused" | "done";

/** An Update whose sending has started, with its mail frozen (updates/frozen.ts). */
export interface UpdatesTable {
  slug: string;
  subject: string;
  preheader: string | null;
  /** The Update's own date (front matter), YYYY-MM-DD. */
  update_date: string;
  html: string;
  text: string;
  web_html: string;
  /** SHA-256 of the source file when sending started. */
  source_hash: string;
  status: UpdateStatus;
  /** Why sending paused itself (or "handmatig"), null while sending. */
  pause_reason: string | null;
  /** Confirmed subscribers when sending started: one delivery row each. */
  audience: number;
  started_at: IsoTime;
  finished_at: IsoTime | null;
  updated_at: IsoTime;
  /** Temporary failures in a row (any instance); sending pauses itself at a limit. */
  consecutive_failures: Generated<number>;
}

/**
 * One Update to one subscriber. pending → claimed (leased) → attempted (just before the
 * SMTP transaction) → sent | failed | skipped; an attempted row whose lease ran out becomes
 * uncertain and is never re-sent automatically.
 */
export type DeliveryState =
  | "pending"
  | "claimed"
  | "attempted"
  | "sent"
  | "failed"
  | "skipped"
  | "uncertain";

export interface DeliveriesTable {
  update_slug: string;
  subscriber_id: string;
  state: DeliveryState;
  /** When the row may be claimed (again): now, or later after a temporary failure. */
  due_at: IsoTime;
  lease_owner: string | null;
  lease_until: IsoTime | null;
  attempts: Generated<number>;
  attempted_at: IsoTime | null;
  finished_at: IsoTime | null;
  /** Stable per Update and recipient, so a re-send on purpose is recognisable. */
  message_id: string;
  last_error: string | null;
}

/** The shared send rate: when the next slot is free (ms since 1970), see updates/send-rate. */
export interface SendRateTable {
  name: string;
  next_ms: number | string | bigint;
}

/** Kinds of content the studio edits (see content-store/). */
export type ContentKind = "article" | "campaign" | "update" | "organisation";
/** draft: never published; published; unpublished: taken offline after being published. */
export type ContentState = "draft" | "published" | "unpublished";

export interface ContentVersionsTable {
  kind: ContentKind;
  slug: string;
  revision: number;
  /** Exactly as the author wrote it. */
  text: string;
  /** JSON list of the kind's parser messages; null when the version passed. */
  problems: string | null;
  author: string;
  created_at: IsoTime;
  restored_from: number | null;
}

export interface ContentDocumentsTable {
  kind: ContentKind;
  slug: string;
  latest_revision: number;
  published_revision: number | null;
  state: ContentState;
  updated_at: IsoTime;
}

export interface ContentEventsTable {
  seq: number | string | bigint;
  kind: ContentKind;
  slug: string;
  action: "save" | "restore" | "publish" | "unpublish";
  revision: number | null;
  author: string;
  at: IsoTime;
}

/** An uploaded image, checked and re-encoded; the hash is the first 10 hex digits of its SHA-256. */
export interface ContentImagesTable {
  hash: string;
  content_type: string;
  data: Buffer;
  width: number;
  height: number;
  author: string;
  created_at: IsoTime;
}

export interface ContentCountersTable {
  name: "version" | "event";
  value: number | string | bigint;
}

export interface Database {
  content_images: ContentImagesTable;
  content_versions: ContentVersionsTable;
  content_documents: ContentDocumentsTable;
  content_events: ContentEventsTable;
  content_counters: ContentCountersTable;
  newsletter_send_rate: SendRateTable;
  newsletter_updates: UpdatesTable;
  newsletter_deliveries: DeliveriesTable;
  app_sessions: AppSessionsTable;
  studio_login_links: StudioLoginLinksTable;
  studio_sessions: StudioSessionsTable;
  app_keys: AppKeysTable;
  newsletter_visits: VisitsTable;
  newsletter_mail_log: MailLogTable;
  newsletter_subscribers: SubscribersTable;
  newsletter_consents: ConsentsTable;
  newsletter_confirmation_tokens: ConfirmationTokensTable;
  newsletter_rate_limits: RateLimitsTable;
}
