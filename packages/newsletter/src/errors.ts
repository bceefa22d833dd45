/** Configuration (environment variables or options) is missing or malformed. */
export class NewsletterConfigError extends Error {
  override readonly name = "NewsletterConfigError";
  constructor(
    message: string,
    readonly variable?: string,
  ) {
    super(message);
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
