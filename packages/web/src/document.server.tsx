import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { cacheControl, etagMatches, weakEtag } from "./caching.js";

/**
 * The apps' `entry.server` default export. Pages render to one string (no streaming: there
 * is nothing to stream without Suspense or client JavaScript), which gives every cacheable
 * page an ETag, so a CDN or browser revalidating gets a 304 without the body.
 */
export function handleDocumentRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
): Response {
  const rendered = `<!DOCTYPE html>${renderToString(
    <RemixServer context={remixContext} url={request.url} />,
  )}`;
  // A form shown again after a failed submit says so in the page title, the first thing a
  // screen reader reads when the page loads (GOV.UK's pattern). Route meta cannot see the
  // action's answer, the status says it for every form in both apps.
  const failedSubmit =
    request.method === "POST" && responseStatusCode >= 400 && responseStatusCode < 500;
  const html = failedSubmit ? rendered.replace("<title>", "<title>Fout: ") : rendered;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // A page that did not choose its caching is private to this request; so is the answer to
  // a form, whatever a route's loader says.
  const read = request.method === "GET" || request.method === "HEAD";
  if (!read || !responseHeaders.has("Cache-Control"))
    responseHeaders.set("Cache-Control", cacheControl.noStore);
  const cacheable =
    responseStatusCode === 200 &&
    (request.method === "GET" || request.method === "HEAD") &&
    !/no-store|private/.test(responseHeaders.get("Cache-Control") ?? "");
  if (cacheable) {
    const etag = weakEtag(html);
    responseHeaders.set("ETag", etag);
    responseHeaders.append("Vary", "Accept-Encoding");
    if (etagMatches(request.headers.get("If-None-Match"), etag)) {
      return new Response(null, { status: 304, headers: responseHeaders });
    }
  }
  return new Response(html, { status: responseStatusCode, headers: responseHeaders });
}
