import type { ContentKind } from "@vaart/newsletter/content-store";
import {
  contentCheckers,
  getNewsletter,
  previewTokenValid,
  secretFromEnvironment,
  type VaartLoadContext,
} from "@vaart/web";
import { notFound } from "@vaart/web/remix";
import settings from "../../settings.json";

/** The query of a studio preview link: ?voorbeeld=<token>&versie=<revision>. */
export const previewParameters = { token: "voorbeeld", revision: "versie" } as const;

function previewSecret(context: Partial<VaartLoadContext>): string {
  return (
    context.config?.secrets?.PREVIEW_TOKEN ??
    secretFromEnvironment(
      settings.find((setting) => setting.name === "PREVIEW_TOKEN"),
      "PREVIEW_TOKEN",
    )
  );
}

/**
 * The stored version a preview link opens, or null when the address has no preview query.
 * A wrong token, another document's token or an unknown version is the same 404 as an
 * unknown page: a link opens exactly the version it was made for, nothing else.
 */
export async function previewVersion(
  request: Request,
  context: Partial<VaartLoadContext>,
  kind: ContentKind,
  slug: string,
): Promise<{ revision: number; text: string } | null> {
  const query = new URL(request.url).searchParams;
  if (!query.has(previewParameters.token)) return null;
  const written = query.get(previewParameters.revision) ?? "";
  const revision = /^[1-9]\d{0,8}$/.test(written) ? Number(written) : 0;
  const token = query.get(previewParameters.token);
  if (!previewTokenValid(previewSecret(context), kind, slug, revision, token)) throw notFound();
  const version = await getNewsletter()
    .contentStore(contentCheckers())
    .version(kind, slug, revision);
  if (!version) throw notFound();
  return { revision, text: version.text };
}
