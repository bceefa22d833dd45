import type { IncomingMessage, ServerResponse } from "node:http";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@remix-run/node";
import type { Request, Response } from "express";
import { preparedBody } from "./signup-post.server.js";

/**
 * Express request → Fetch request for Remix (the body streams; aborted if the client leaves).
 * Origin and X-Forwarded-Host are dropped: the request guards checked the Origin, and
 * addresses come from the configuration, never from these.
 */
export function toFetchRequest(req: Request, res: Response): globalThis.Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  headers.delete("origin");
  headers.delete("x-forwarded-host");
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers,
    signal: controller.signal,
  };
  if (req.method !== "GET" && req.method !== "HEAD") {
    // A signup form's body the fast path already read (signup-post.server.ts), or the stream.
    const read = preparedBody(req);
    if (read) {
      init.body = new Uint8Array(read);
    } else {
      init.body = createReadableStreamFromReadable(req);
      init.duplex = "half";
    }
  }
  return new globalThis.Request(url, init);
}

/** Fetch response → the Express response: a route's header replaces the default of its name. */
export async function sendResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.status(response.status);
  for (const [name, value] of response.headers) {
    // A route's header replaces the default of the same name (one Referrer-Policy, not two).
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
  if (response.body && response.status !== 304) {
    await writeReadableStreamToWritable(response.body, res);
  } else {
    res.end();
  }
}

/** A prepared answer (status, header list as on the wire, bytes); no body for HEAD or 304. */
export function sendAnswer(
  res: ServerResponse,
  method: string,
  answer: { status: number; wire: string[]; body: Buffer | null },
): void {
  res.writeHead(answer.status, answer.wire);
  res.end(method === "HEAD" || answer.status === 304 ? undefined : answer.body);
}

/** What a request asks of a cached page: revalidation and compression. */
export function asked(req: IncomingMessage) {
  return {
    ifNoneMatch: req.headers["if-none-match"],
    acceptsGzip: acceptsGzip(req.headers["accept-encoding"]),
  };
}

/** Whether an Accept-Encoding header allows gzip (`gzip` or `*`, not refused with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const refused = params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
    return (coding === "gzip" || coding === "*") && !refused;
  });
}
