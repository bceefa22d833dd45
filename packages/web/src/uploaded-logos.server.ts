import { logoUrlPrefix } from "@vaart/content";
import type { StoredImage } from "@vaart/newsletter/content-store";
import type { NextFunction, Request, Response } from "express";
import { cacheControl } from "./caching.js";

/**
 * Logos uploaded in the studio, held in memory by their name (`<hash>.webp`). The live copy of
 * the organisations fills it before it shows a record naming one, so a page never links a
 * logo this instance cannot serve, and serving one never waits for the database.
 *
 * Images are only added: their names never change meaning, and a page (or a cache) may still
 * show an earlier logo for a moment after a new one is published. A restart starts afresh.
 */
const uploaded = new Map<string, { data: Buffer; contentType: string }>();

/** Reads the named images this instance does not hold yet (`find` is the database's lookup). */
export async function keepUploadedLogos(
  names: readonly string[],
  find: (names: readonly string[]) => Promise<readonly StoredImage[]>,
): Promise<void> {
  const missing = names.filter((name) => !uploaded.has(name));
  if (missing.length === 0) return;
  for (const image of await find(missing)) {
    uploaded.set(image.name, { data: image.data, contentType: image.contentType });
  }
}

/** The public URL of an uploaded logo this instance holds, or null. */
export function uploadedLogoUrl(name: string): string | null {
  return uploaded.has(name) ? `${logoUrlPrefix}${name}` : null;
}

/**
 * `/logos/<hash>.webp`: the bytes from memory, cached for a year (the name is their hash),
 * with their own type (and `nosniff` from the security headers). Others go on to `next`.
 */
export function serveUploadedLogo(req: Request, res: Response, next: NextFunction) {
  const image = uploaded.get(req.params.file ?? "");
  if (!image) return next();
  res.set({
    "Content-Type": image.contentType,
    "Cache-Control": cacheControl.immutable,
    "Content-Length": String(image.data.length),
  });
  res.end(req.method === "HEAD" ? undefined : image.data);
}
