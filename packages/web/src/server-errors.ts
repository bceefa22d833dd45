import type { NextFunction, Request, Response } from "express";
import { cacheControl } from "./caching.js";
import { pathForLog } from "./request-log.js";

/**
 * One JSON line on stderr per fault, with the path as the request log writes it: no query
 * string (it may hold a preview token), no mail tokens. Never the visitor's address.
 */
export function logServerError(
  appName: string,
  method: string,
  url: string,
  error: unknown,
  write: (line: string) => void = (line) => process.stderr.write(line),
): void {
  // The raw request target, split by hand: a target like `//a:99999/` is no URL at all.
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  const search = query === -1 ? "" : url.slice(query);
  const path = pathForLog(pathname);
  const replaceAll = (text: string, part: string, by: string) =>
    part ? text.split(part).join(by) : text;
  // The query may hold a preview token: out, in every spelling; then the path, with its
  // mail tokens replaced as in the request log.
  const scrub = (text: string) =>
    [pathname, decodeSafely(pathname)].reduce(
      (scrubbed, part) => replaceAll(scrubbed, part, path),
      [search, decodeSafely(search), search.slice(1), decodeSafely(search.slice(1))].reduce(
        (scrubbed, part) => replaceAll(scrubbed, part, ""),
        text,
      ),
    );
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  write(
    `${JSON.stringify({
      time: new Date().toISOString(),
      app: appName,
      level: "error",
      method,
      path,
      error: scrub(message),
      ...(stack ? { stack: scrub(stack) } : {}),
    })}\n`,
  );
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An answer Remix gives on purpose (404, 405, 410…): not a fault, nothing to log. */
function isIntendedAnswer(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status < 500;
}

/**
 * The apps' `handleError` export (entry.server): Remix calls it for every error in a loader,
 * action or render. Answers like 404 are not faults; a request the visitor abandoned is not
 * either; the rest is logged once, scrubbed.
 */
export function handleServerError(appName: string) {
  return (error: unknown, { request }: { request: Request | globalThis.Request }) => {
    const fetchRequest = request as globalThis.Request;
    if (fetchRequest.signal?.aborted || isIntendedAnswer(error)) return;
    logServerError(appName, fetchRequest.method, fetchRequest.url, error);
  };
}

/** Express's last resort: a scrubbed log line and a short Dutch answer instead of a stack. */
export function finalErrorHandler(appName: string) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // Express's own 4xx (a missing hashed asset, a malformed body): an answer, not a fault.
    const given = (error as { status?: unknown; statusCode?: unknown } | null) ?? {};
    const status = Number(given.status ?? given.statusCode);
    const intended = Number.isInteger(status) && status >= 400 && status < 500;
    if (!intended) logServerError(appName, req.method, req.originalUrl, error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .status(intended ? status : 500)
      .set("Cache-Control", cacheControl.noStore)
      .type("text/plain; charset=utf-8")
      .send(
        status === 404
          ? "Dit bestand bestaat niet (meer)."
          : intended
            ? "Dit verzoek kan niet worden verwerkt."
            : "Er ging aan onze kant iets mis. Probeer het over een paar minuten opnieuw.",
      );
  };
}
