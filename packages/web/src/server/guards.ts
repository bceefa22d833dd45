import type { IncomingMessage } from "node:http";
import { newsletterPaths } from "@vaart/content/site";
import type { NextFunction, Request, Response } from "express";
import { cacheControl } from "../caching.js";
import type { ServerConfig } from "../config.js";

/** A route that takes a bigger body than the rest (an upload), with its own refusal. */
export interface LargerBody {
  /** Matched against the request's path (without the query). */
  path: RegExp;
  maxBytes: number;
  /** The 413's text: what is too big and how big it may be, for the person who sent it. */
  message: string;
}

/**
 * Refuse bodies over the limit before anything reads them. A POST must state its length
 * (every browser and mail client does); a chunked body of unknown size is refused, because
 * counting it would mean buffering it here. Node delivers no more than the stated length, so
 * the check holds for what a route reads after it.
 */
export function limitBody(maxBytes: number, larger: readonly LargerBody[] = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const declared = req.get("content-length");
    if (declared === undefined) {
      if (req.get("transfer-encoding")) {
        res.status(411).type("text/plain; charset=utf-8").send("Content-Length is vereist.");
        return;
      }
      return next();
    }
    const route = larger.find((entry) => entry.path.test(req.path));
    if (!/^\d+$/.test(declared) || Number(declared) > (route?.maxBytes ?? maxBytes)) {
      res.set("Connection", "close");
      res
        .status(413)
        .type("text/plain; charset=utf-8")
        .send(route?.message ?? "Het verzoek is te groot.");
      return;
    }
    next();
  };
}

export const allowedMethods: ReadonlySet<string> = new Set(["GET", "HEAD", "POST"]);

/** What the request guards need to know of the configuration. */
export type GuardConfig = Pick<ServerConfig, "siteUrl" | "publicUrl" | "trustProxyHops">;

const plain = (res: Response, status: number, text: string) =>
  res
    .status(status)
    .set("Cache-Control", cacheControl.noStore)
    .type("text/plain; charset=utf-8")
    .send(text);

/**
 * Methods other than GET, HEAD and POST: Remix would run a route's action for PUT, PATCH and
 * DELETE too, and a confirmation must only ever follow a POST.
 */
export function refuseOtherMethods() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (allowedMethods.has(req.method)) return next();
    res.set("Allow", [...allowedMethods].join(", "));
    plain(res, 405, "Deze methode wordt hier niet ondersteund.");
  };
}

/** A Host header that is no host at all (it would become a 500 building the request URL). */
export function refuseInvalidHost() {
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.get("host");
    if (host === undefined || validHost(host)) return next();
    plain(res, 400, "Het verzoek heeft een ongeldige Host-header.");
  };
}

/**
 * A target like `//other-host/…` would choose the host of the URL Remix sees. A backslash
 * (raw or %5C) in the path is no address of ours: browsers and URL parsers read `/\x` as
 * `//x`, so it could become a redirect to another site or another host for Remix.
 */
export function refuseOddTargets() {
  return (req: Request, res: Response, next: NextFunction) => {
    const target = req.originalUrl;
    const pathPart = target.split("?", 1)[0] ?? "";
    if (target.startsWith("/") && !target.startsWith("//") && !/\\|%5c/i.test(pathPart)) {
      return next();
    }
    plain(res, 400, "Dit adres kan niet worden verwerkt.");
  };
}

/**
 * A POST whose Origin is another site: a forged form. Checked here against the configured
 * public addresses and the Host, and then not handed on (see toFetchRequest): Remix's own
 * check compares with the Host or X-Forwarded-Host only, and turns a proxy that rewrites them
 * into a blank 500. One-click unsubscribe (RFC 8058) is exempt: a mail provider posts it from
 * its own origin, and the signed token in the address is the credential.
 */
export function refuseForeignOrigin(config: GuardConfig) {
  const allowed = originAllowed(config);
  return (req: Request, res: Response, next: NextFunction) => {
    if (allowed(req)) return next();
    plain(
      res,
      403,
      "Dit formulier is vanaf een andere website verstuurd en daarom niet verwerkt. Open de pagina op deze website en verstuur het opnieuw.",
    );
  };
}

/**
 * Whether a request may go on past the Origin guard (see refuseForeignOrigin): not a POST,
 * no Origin, one-click unsubscribe, or an Origin of our own. On the bare node:http request
 * too, for the signup form's fast path (./signup-post.server.ts).
 */
export function originAllowed(config: GuardConfig) {
  const ownOrigins = new Set([config.siteUrl.origin, config.publicUrl?.origin].filter(Boolean));
  return (req: IncomingMessage): boolean => {
    if (req.method !== "POST") return true;
    const origin = req.headers.origin;
    // The path as Remix will route it (`..` resolved), not as written.
    const routed = new URL(req.url ?? "/", "http://x").pathname;
    if (origin === undefined || routed.startsWith(`${newsletterPaths.unsubscribe}/`)) {
      return true;
    }
    // Scheme, host and port must all match: a configured public address, or the address this
    // request was sent to (http, or https when a trusted proxy says so).
    return ownOrigins.has(origin) || origin === requestOrigin(req, config.trustProxyHops);
  };
}

/**
 * What no page or form of ours needs, answered before Remix with a plain Dutch sentence, in
 * this order: another method, an invalid Host, an odd target, a forged form.
 */
export function requestGuards(config: GuardConfig) {
  return [
    refuseOtherMethods(),
    refuseInvalidHost(),
    refuseOddTargets(),
    refuseForeignOrigin(config),
  ];
}

/** The origin the browser saw for this request, from its Host header and scheme. */
export function requestOrigin(req: IncomingMessage, trustProxyHops: number): string | null {
  const host = req.headers.host;
  if (host === undefined) return null;
  const forwarded = headerText(req.headers["x-forwarded-proto"])
    ?.split(",")
    .at(-1)
    ?.trim()
    .toLowerCase();
  const scheme =
    trustProxyHops > 0 && (forwarded === "https" || forwarded === "http")
      ? forwarded
      : "encrypted" in req.socket
        ? "https"
        : "http";
  return URL.canParse(`${scheme}://${host}`) ? new URL(`${scheme}://${host}`).origin : null;
}

/** A header as one string, as Express's `req.get` gives it (repeated ones joined). */
export function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

export function validHost(host: string): boolean {
  return /^[^\s/?#@\\]+$/.test(host) && URL.canParse(`http://${host}`);
}
