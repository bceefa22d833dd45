import { parseAuthorEmails } from "@vaart/newsletter";
import {
  configFromEnvironment,
  getNewsletter,
  type SecretSetting,
  secretFromEnvironment,
  type VaartLoadContext,
} from "@vaart/web";
import settings from "../../settings.json";

/** The studio's own settings (settings.json); the production server refuses to start without them. */
export const studioSettings = settings as readonly SecretSetting[];

/** Where the link page lives: `/inloggen/<token>`. */
export const linkPath = "/inloggen";

/** A setting of settings.json from the checked configuration; under `pnpm dev`, the environment or the local default. */
export function studioSetting(
  context: Partial<VaartLoadContext>,
  name: "AUTHOR_EMAILS" | "PREVIEW_TOKEN" | "LANDING_URL",
): string {
  return (
    context.config?.secrets?.[name] ??
    secretFromEnvironment(
      studioSettings.find((s) => s.name === name),
      name,
    )
  );
}

function authors(context: Partial<VaartLoadContext>): string[] {
  return parseAuthorEmails(studioSetting(context, "AUTHOR_EMAILS"));
}

/**
 * The studio's public origin for the links in the mail: STUDIO_URL (required in production).
 * Only with local defaults (or under `pnpm dev`) the address the browser used, because the
 * server then listens on this machine only.
 */
function studioOrigin(request: Request, context: Partial<VaartLoadContext>): string {
  const configured = context.config
    ? context.config.publicUrl
    : configFromEnvironment({ publicUrlVariable: "STUDIO_URL" }).publicUrl;
  return configured?.origin ?? new URL(request.url).origin;
}

export function studioLogin(request: Request, context: Partial<VaartLoadContext>) {
  const origin = studioOrigin(request, context);
  return getNewsletter().studioLogin({
    authors: authors(context),
    linkUrl: (token) => `${origin}${linkPath}/${token}`,
  });
}
