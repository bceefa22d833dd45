/** Configuration (environment variables or options) is missing or malformed. */
export class NewsletterConfigError extends Error {
  override readonly name = "NewsletterConfigError";
  /** Every variable (or option) the message names; `variable` is the first. */
  readonly variables: string[];
  constructor(
    message: string,
    readonly variable?: string,
    variables?: string[],
  ) {
    super(message);
    this.variables = variables ?? (variable ? [variable] : []);
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Text safe for a log line or a stored error: addresses, links and token-like strings are
 * replaced. SMTP servers quote the recipient in their errors ("550 <a@b.nl>: unknown"), and
 * a database error may quote a key; neither may end up in production logs.
 */
export function redact(text: string): string {
  return text
    .replace(/[a-z][a-z0-9+.-]*:\/\/[^\s<>"']+/gi, "<link>")
    .replace(/<[^\s<>]+@[^\s<>]+>/g, "<address>")
    .replace(/[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g, "<address>")
    .replace(/[A-Za-z0-9_-]{32,}/g, "<token>");
}

/** errorMessage, redacted. */
export function safeError(error: unknown): string {
  return redact(errorMessage(error));
}
