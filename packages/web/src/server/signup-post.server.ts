import type { IncomingMessage, ServerResponse } from "node:http";
import type { SubscribeResult } from "@vaart/newsletter";
import { cacheControl } from "../caching.js";
import type { LogRequest } from "../request-log.js";
import { validHost } from "./guards.js";

/** A page whose signup form posts to its own address, and what its action does with it. */
export interface SignupPostRoute {
  /** The page's path, exactly (no query, no trailing slash). */
  path: string;
  /** The signup's source, as the route's action passes it to handleSignup. */
  source: string;
  /** Where a stored signup is redirected (303), as the route's action says. */
  thanksPath: string;
}

/** A signup this path already ran, handed to Remix when the answer is a page (any failure). */
interface Prepared {
  body: Buffer;
  result: Promise<SubscribeResult>;
}

const prepared = new WeakMap<IncomingMessage, Prepared>();

/** The body this request's signup was read from, for the Fetch request Remix gets. */
export function preparedBody(req: IncomingMessage): Buffer | undefined {
  return prepared.get(req)?.body;
}

/** The outcome of this request's signup, for the route's action instead of running it again. */
export function preparedSignup(req: IncomingMessage): Promise<SubscribeResult> | undefined {
  return prepared.get(req)?.result;
}

export interface SignupPostOptions {
  routes: readonly SignupPostRoute[];
  maxBodyBytes: number;
  /** The Origin guard's verdict (guards.ts): a forged form is Express's to refuse. */
  originAllowed: (req: IncomingMessage) => boolean;
  subscribe: (
    form: URLSearchParams,
    route: SignupPostRoute,
    req: IncomingMessage,
  ) => Promise<SubscribeResult>;
  /** The headers every answer carries (security headers). */
  headers: readonly (readonly [string, string])[];
  log: LogRequest;
}

const formType = "application/x-www-form-urlencoded";

/**
 * The signup form's plain POST (what a browser sends, with or without JavaScript), answered
 * before Express and Remix when it is stored: a 303 to the thanks page, the same answer the
 * route's action gives, without building a Fetch request, routing, and streaming a Response.
 * Everything else takes the usual way: a request the guards would refuse, another content
 * type, no Content-Length, and every signup that did not go through (its page is Remix's to
 * render; it gets the outcome and the body read here, so the signup runs once).
 *
 * Returns false when the request is not one for this path (nothing read).
 */
export function signupPostHandler(options: SignupPostOptions) {
  const routes = new Map(options.routes.map((route) => [route.path, route]));
  const wire = [
    ...options.headers.flat(),
    "Cache-Control",
    cacheControl.noStore,
    "Content-Length",
    "0",
  ];
  return (req: IncomingMessage, res: ServerResponse, fallback: () => void): boolean => {
    if (req.method !== "POST") return false;
    const route = routes.get(req.url ?? "");
    if (!route || !eligible(req, options)) return false;
    const started = process.hrtime.bigint();
    void readBody(req).then(async (body) => {
      if (body === null) return; // the client left (or its stream broke): nothing was run
      const result = options.subscribe(new URLSearchParams(body.toString("utf8")), route, req);
      // A failure is the action's to report, as before (Remix's error page).
      const outcome = await result.catch(() => null);
      if (outcome?.status === "ok") {
        res.writeHead(303, [...wire, "Location", route.thanksPath]);
        res.end();
        options.log("POST", req.url ?? "/", 303, started, 0, false);
        return;
      }
      prepared.set(req, { body, result });
      fallback();
    });
    return true;
  };
}

/** What the guards, the body limit and the route's own form reading would all let through. */
function eligible(req: IncomingMessage, options: SignupPostOptions): boolean {
  const type = req.headers["content-type"]?.split(";", 1)[0]?.trim().toLowerCase();
  const length = req.headers["content-length"];
  const host = req.headers.host;
  return (
    type === formType &&
    // Node keeps the first of two Content-Types, where the route's reading joins them.
    req.headersDistinct["content-type"]?.length === 1 &&
    length !== undefined &&
    /^\d+$/.test(length) &&
    Number(length) <= options.maxBodyBytes &&
    req.headers["transfer-encoding"] === undefined &&
    (host === undefined || validHost(host)) &&
    options.originAllowed(req)
  );
}

/** The whole body (at most its Content-Length, which Node's parser holds it to), or null if the client left. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("close", () => resolve(req.complete ? Buffer.concat(chunks) : null));
    req.once("error", () => resolve(null));
  });
}
