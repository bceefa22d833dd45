import { etagMatches, weakEtag } from "@vaart/web";

/**
 * A feed or sitemap with an ETag: a reader or CDN revalidating after max-age gets a 304
 * without the body (document pages get theirs from `handleDocumentRequest`).
 */
export function xmlResponse(
  request: Request,
  body: string,
  contentType: string,
  cacheControl: string,
): Response {
  const etag = weakEtag(body);
  const headers = {
    "Content-Type": contentType,
    "Cache-Control": cacheControl,
    ETag: etag,
    Vary: "Accept-Encoding",
  };
  if (etagMatches(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers });
}
