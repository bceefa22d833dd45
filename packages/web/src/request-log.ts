import type { NextFunction, Request, Response } from "express";

/**
 * Path segments that are credentials from a mail (or look like one) never reach the log: long
 * base64url with a capital, digit or underscore — not a campaign slug (lower-case words and dashes).
 */
const tokenSegment = /^(?=.*[A-Z0-9_])[A-Za-z0-9_-]{32,}$/;
const tokenRoutes = /^(\/nieuwsbrief\/(?:bevestigen|afmelden))\/[^/]+/;

export function pathForLog(path: string): string {
  const known = path.replace(tokenRoutes, "$1/:token");
  return known
    .split("/")
    .map((segment) => (tokenSegment.test(segment) ? ":token" : segment))
    .join("/");
}

export interface RequestLogLine {
  time: string;
  app: string;
  method: string;
  /** Without the query string (it may hold a preview token or campaign parameters). */
  path: string;
  status: number;
  ms: number;
  bytes: number;
  /** "hit" when the page came from the in-process page cache. */
  cache?: "hit";
}

export type LogRequest = (
  method: string,
  url: string,
  status: number,
  started: bigint,
  bytes: number,
  cacheHit: boolean,
) => void;

/**
 * One JSON line per request, written when the answer is complete. It holds nothing that
 * identifies a visitor: no IP, no user agent, no referrer, no query string, no tokens.
 */
export function requestLogWriter(
  appName: string,
  write: (line: string) => void = (line) => process.stdout.write(line),
): LogRequest {
  return (method, url, status, started, bytes, cacheHit) => {
    const query = url.indexOf("?");
    const entry: RequestLogLine = {
      time: new Date().toISOString(),
      app: appName,
      method,
      path: pathForLog(query === -1 ? url : url.slice(0, query)),
      status,
      ms: Number((process.hrtime.bigint() - started) / 10_000n) / 100,
      bytes,
      ...(cacheHit ? { cache: "hit" as const } : {}),
    };
    write(`${JSON.stringify(entry)}\n`);
  };
}

/** Express middleware: logs each request through `log` once it is answered. */
export function requestLog(log: LogRequest) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once("finish", () => {
      log(
        req.method,
        req.originalUrl,
        res.statusCode,
        started,
        Number(res.getHeader("content-length") ?? 0),
        false,
      );
    });
    next();
  };
}
