import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import { logoFiles } from "@vaart/content";
import { checkConfig, describeConfigProblems } from "@vaart/newsletter";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { cacheControl } from "./caching.js";
import { clientIp } from "./client-ip.js";
import {
  loadServerConfig,
  type SecretSetting,
  type ServerConfig,
  ServerConfigError,
  storageProblem,
} from "./config.js";
import { closeNewsletter, getNewsletter, newsletterPaths } from "./newsletter.server.js";
import { answerFromCache, PageCache, sharedMaxAge } from "./page-cache.js";
import { requestLog, requestLogWriter } from "./request-log.js";
import { securityHeaders } from "./security-headers.js";
import { finalErrorHandler, logServerError } from "./server-errors.js";

export interface AppServerOptions {
  /** "site" or "landing": named in log lines. */
  appName: string;
  defaultPort: number;
  /** The app's `build/` folder (Remix's `build/server` and `build/client`). */
  buildDir: string;
  env?: Record<string, string | undefined>;
  /** Secrets the app needs; the server refuses to start without them in production. */
  secrets?: readonly SecretSetting[];
  /**
   * Keep public pages in memory for their max-age (default true). An app whose loaders must
   * run on every request (e.g. to count visits) turns it off.
   */
  pageCache?: boolean;
  /** The variable with the app's own public origin, required in production (see loadServerConfig). */
  publicUrlVariable?: string;
  /** Lines to log once the server listens (e.g. the landing app's live campaigns). */
  startupLines?: (build: ServerBuild, origin: string, config: ServerConfig) => readonly string[];
}

/** What routes find in `context` (Remix's AppLoadContext). */
export type VaartLoadContext = {
  clientIp: string | null;
  config: ServerConfig;
};

export interface RunningServer {
  server: Server;
  config: ServerConfig;
  close(): Promise<void>;
}

/**
 * The production server of an app: configuration checked before anything listens, security
 * headers, a body-size limit, compression, hashed assets cached for a year, and graceful
 * shutdown (in-flight requests finish, then the database closes).
 */
export async function startAppServer(options: AppServerOptions): Promise<RunningServer> {
  const env = options.env ?? process.env;
  // The app's variables and the newsletter's are checked together, so an operator sees every
  // problem in one message instead of fixing them in rounds.
  const problems: string[] = [];
  const asProblem = (error: unknown) => {
    if (error instanceof ServerConfigError || (error as Error).name === "NewsletterConfigError") {
      problems.push((error as Error).message);
    } else {
      throw error;
    }
  };
  let loaded: ServerConfig | undefined;
  try {
    loaded = loadServerConfig(
      env,
      {
        port: options.defaultPort,
        ...(options.publicUrlVariable ? { publicUrlVariable: options.publicUrlVariable } : {}),
      },
      options.secrets,
    );
  } catch (error) {
    asProblem(error);
  }
  const storage = storageProblem(env);
  if (storage) problems.push(storage);
  // The first line says that local defaults are on and what they mean, before anything else
  // (the newsletter's own notes follow it).
  if (loaded?.localDefaults) {
    console.log(localDefaultsLine(options.appName, env, loaded, options.secrets ?? []));
  }
  try {
    getNewsletter(); // the newsletter's variables: mail, secret, database
  } catch (error) {
    if ((error as Error).name === "NewsletterConfigError") {
      // A variable the server's own check already named (SITE_URL) is named once.
      const named = problems.join("\n");
      const rest = checkConfig().problems.filter(
        (p) => !new RegExp(`\\b${p.variable}\\b`).test(named),
      );
      if (rest.length > 0) problems.push(describeConfigProblems(rest));
      else if (checkConfig().problems.length === 0) asProblem(error);
    } else {
      asProblem(error);
    }
  }
  if (!loaded || problems.length > 0) {
    for (const problem of problems) console.error(`[${options.appName}] ${problem}`);
    process.exit(1);
  }
  const config: ServerConfig = loaded;
  // The database (and with SQLite the data folder) must answer before we listen: a wrong
  // DATABASE_URL or an unwritable DATA_DIR is a start-up error naming the cause, not a
  // server that answers 503 to every health check. Migrations run here too.
  // 60 s: long enough for migrations, or for another instance holding the migration lock.
  const databaseProblem = await withTimeout(getNewsletter().ping(), 60_000).then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  if (databaseProblem !== null) {
    console.error(
      `[${options.appName}] The database does not answer (DATABASE_URL, or DATA_DIR for SQLite): ${databaseProblem}`,
    );
    process.exit(1);
  }

  const build = (await import(
    pathToFileURL(path.join(options.buildDir, "server/index.js")).href
  )) as ServerBuild;
  const https = config.siteUrl.protocol === "https:";
  const headers = securityHeaders({ https });

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false); // pages get their own ETag in entry.server; static files use sirv-like ETags below
  const headerList = Object.entries(headers);
  let shuttingDown = false;
  const log = requestLogWriter(options.appName);
  app.use(requestLog(log));
  app.use((_req, res, next) => {
    for (const [name, value] of headerList) res.setHeader(name, value);
    // While stopping, each answer closes its connection, so no keep-alive socket holds us up.
    if (shuttingDown) res.setHeader("Connection", "close");
    next();
  });
  const pageCache =
    options.pageCache === false || !config.pageCache
      ? null
      : new PageCache({ extraHeaders: headerList });
  app.use(limitBody(config.maxBodyBytes));
  app.use(refuseOddRequests(config));
  app.use(compression());
  app.get("/healthz", async (_req, res) => {
    res.set("Cache-Control", cacheControl.noStore);
    try {
      await getNewsletter().ping();
      res.json({ status: "ok", database: "ok" });
    } catch (error) {
      // Why, for the operator: the answer itself says only "unreachable".
      logServerError(options.appName, "GET", "/healthz", error);
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });
  app.get("/logos/:file", (req, res, next) => {
    const file = logoFiles.get(req.params.file ?? "");
    if (!file) return next();
    res.sendFile(file, { headers: { "Cache-Control": cacheControl.immutable }, etag: true });
  });
  const clientDir = path.join(options.buildDir, "client");
  app.use(
    "/assets",
    express.static(path.join(clientDir, "assets"), {
      immutable: true,
      maxAge: "1y",
      index: false,
      fallthrough: false,
    }),
  );
  app.use(
    express.static(clientDir, {
      index: false,
      setHeaders: (res) => res.setHeader("Cache-Control", cacheControl.shortLived),
    }),
  );
  const handleRemix = createRequestHandler(build, "production");
  const loadContext = (req: Request): VaartLoadContext => ({
    clientIp: clientIp({
      forwardedFor: req.get("x-forwarded-for"),
      socketAddress: req.socket.remoteAddress,
      trustProxyHops: config.trustProxyHops,
    }),
    config,
  });
  app.all("*", async (req, res, next) => {
    try {
      const response = await handleRemix(toFetchRequest(req, res), loadContext(req));
      // A route's data (`.data`) whose routes set no Cache-Control (a 404, a resource route's
      // data) would be left to a cache's guess: never keep it.
      if (req.path.endsWith(".data") && !response.headers.has("cache-control")) {
        response.headers.set("Cache-Control", cacheControl.noStore);
      }
      if (pageCache && req.method === "GET" && sharedMaxAge(response.headers) !== null) {
        const body = Buffer.from(await response.arrayBuffer());
        const entry = pageCache.store(req.originalUrl, response.status, response.headers, body);
        if (entry) return sendAnswer(res, req.method, answerFromCache(entry, asked(req)));
        return sendAnswer(res, req.method, {
          status: response.status,
          wire: [...response.headers].flat(),
          body,
        });
      }
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  });
  app.use(finalErrorHandler(options.appName));

  // Pages already rendered are answered before Express: no routing, no file-system lookups,
  // no re-compression — the stored bytes with their prepared headers.
  const answerCached = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!pageCache || shuttingDown || (req.method !== "GET" && req.method !== "HEAD")) return false;
    const hit = pageCache.get(req.url ?? "");
    if (!hit) return false;
    const started = process.hrtime.bigint();
    const answer = answerFromCache(hit, asked(req));
    sendAnswer(res, req.method ?? "GET", answer);
    log(
      req.method ?? "GET",
      req.url ?? "/",
      answer.status,
      started,
      answer.body?.length ?? 0,
      true,
    );
    return true;
  };
  const server = createServer(
    {
      // A client must send its headers within 10 s and its whole request within 20 s, so slow
      // senders cannot hold connections for minutes (Node's defaults: 60 s and 300 s).
      headersTimeout: 10_000,
      requestTimeout: 20_000,
      // How often Node checks those limits (default 30 s, which would stretch them).
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      if (!answerCached(req, res)) app(req, res);
    },
  );
  server.maxConnections = config.maxConnections;
  let lastDropWarning = 0;
  server.on("drop", () => {
    // Once a minute at most: a flood of dropped connections must not flood the log too.
    if (Date.now() - lastDropWarning < 60_000) return;
    lastDropWarning = Date.now();
    console.warn(
      `[${options.appName}] MAX_CONNECTIONS (${config.maxConnections}) reached: new connections are dropped until some close`,
    );
  });
  await new Promise<void>((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      // A clear message instead of a stack trace: the most common start-up mistake.
      const reason =
        error.code === "EADDRINUSE"
          ? `port ${config.port} is already in use: stop the other server or set PORT`
          : `cannot listen on ${config.host}:${config.port} (${error.code ?? error.message})`;
      console.error(`[${options.appName}] ${reason}`);
      process.exit(1);
    });
    server.listen(config.port, config.host, resolve);
  });
  const loopback = ["127.0.0.1", "::1", "localhost"].includes(config.host);
  const everywhere = config.host === "0.0.0.0" || config.host === "::";
  const origin = `http://${loopback || everywhere ? "localhost" : config.host}:${config.port}`;
  console.log(
    `[${options.appName}] listening on ${origin} (${loopback ? `${config.host}: this machine only` : `HOST=${config.host}`})`,
  );
  for (const line of options.startupLines?.(build, origin, config) ?? []) {
    console.log(`[${options.appName}] ${line}`);
  }

  let closing: Promise<void> | undefined;
  // Graceful stop: no new connections, requests in flight finish (their connections then
  // close), and only then the database pool and mail transport close.
  const close = () => {
    closing ??= (async () => {
      shuttingDown = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A connection whose request finishes becomes idle: close it then, not after keep-alive.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        server.once("close", () => clearInterval(sweep));
        server.closeIdleConnections();
      });
      await closeNewsletter();
      console.log(`[${options.appName}] stopped: requests finished, database closed`);
    })();
    return closing;
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      console.log(`[${options.appName}] ${signal}: finishing requests, then stopping`);
      close().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  return { server, config, close };
}

/**
 * The first log line with local defaults: which ones, and what they mean here (database, mail,
 * secret, address), so nobody mistakes this server for a configured one.
 */
function localDefaultsLine(
  appName: string,
  env: Record<string, string | undefined>,
  config: ServerConfig,
  secrets: readonly SecretSetting[],
): string {
  const chosen =
    env.VAART_LOCAL_DEFAULTS?.trim() === "1"
      ? "VAART_LOCAL_DEFAULTS=1, set by the root pnpm start"
      : `NODE_ENV=${env.NODE_ENV}`;
  const dataDir = env.DATA_DIR?.trim() || ".data/";
  const database = env.DATABASE_URL?.trim()?.startsWith("postgres")
    ? "PostgreSQL (DATABASE_URL)"
    : `SQLite under ${dataDir}`;
  const smtp = env.SMTP_URL?.trim() && env.NEWSLETTER_MAIL_TRANSPORT?.trim() !== "outbox";
  const mail = smtp
    ? "mail sent through SMTP_URL (not the outbox)"
    : `mail written to the outbox ${dataDir.replace(/\/?$/, "/")}outbox/`;
  const secret = env.NEWSLETTER_SECRET?.trim() ? "NEWSLETTER_SECRET as set" : "a generated secret";
  const address = env.HOST?.trim()
    ? `listening on HOST=${config.host}`
    : `listening on ${config.host} only (HOST=0.0.0.0 opens it to the network)`;
  return `[${appName}] Local defaults (${chosen}): production build, ${database}, ${mail}, ${secret}, ${address}. Not for a public server.${localSecrets(secrets, env)}`;
}

/** The local defaults of the app's secrets that apply, said once so that people can log in. */
function localSecrets(settings: readonly SecretSetting[], env: Record<string, string | undefined>) {
  const defaulted = settings.filter((setting) => !env[setting.name]?.trim());
  return defaulted.map((setting) => ` ${setting.name}=${setting.localDefault}.`).join("");
}

/**
 * Refuse bodies over the limit before anything reads them. A POST must state its length
 * (every browser and mail client does); a chunked body of unknown size is refused, because
 * counting it would mean buffering it here.
 */
function limitBody(maxBytes: number) {
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
    if (!/^\d+$/.test(declared) || Number(declared) > maxBytes) {
      res.set("Connection", "close");
      res.status(413).type("text/plain; charset=utf-8").send("Het verzoek is te groot.");
      return;
    }
    next();
  };
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const refused = params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
    return (coding === "gzip" || coding === "*") && !refused;
  });
}

const allowedMethods = new Set(["GET", "HEAD", "POST"]);

/**
 * What no page or form of ours needs, answered before Remix with a plain Dutch sentence:
 * - methods other than GET, HEAD and POST (Remix would run a route's action for PUT, PATCH
 *   and DELETE too, and a confirmation must only ever follow a POST);
 * - a Host header that is no host at all (it would become a 500 building the request URL);
 * - a POST whose Origin is another site: a forged form. Checked here against the configured
 *   public addresses and the Host, and then not handed on: Remix's own check compares with
 *   the Host or X-Forwarded-Host only, and turns a proxy that rewrites them into a blank 500.
 *   One-click unsubscribe (RFC 8058) is exempt: a mail provider posts it from its own
 *   origin, and the signed token in the address is the credential.
 */
function refuseOddRequests(config: ServerConfig) {
  const plain = (res: Response, status: number, text: string) =>
    res
      .status(status)
      .set("Cache-Control", cacheControl.noStore)
      .type("text/plain; charset=utf-8")
      .send(text);
  const ownOrigins = new Set([config.siteUrl.origin, config.publicUrl?.origin].filter(Boolean));
  return (req: Request, res: Response, next: NextFunction) => {
    if (!allowedMethods.has(req.method)) {
      res.set("Allow", [...allowedMethods].join(", "));
      return plain(res, 405, "Deze methode wordt hier niet ondersteund.");
    }
    const host = req.get("host");
    if (host !== undefined && !validHost(host)) {
      return plain(res, 400, "Het verzoek heeft een ongeldige Host-header.");
    }
    // A target like `//other-host/…` would choose the host of the URL Remix sees. A backslash
    // (raw or %5C) in the path is no address of ours: browsers and URL parsers read `/\x` as
    // `//x`, so it could become a redirect to another site or another host for Remix.
    const target = req.originalUrl;
    const pathPart = target.split("?", 1)[0] ?? "";
    if (!target.startsWith("/") || target.startsWith("//") || /\\|%5c/i.test(pathPart)) {
      return plain(res, 400, "Dit adres kan niet worden verwerkt.");
    }
    if (req.method !== "POST") return next();
    const origin = req.get("origin");
    // The path as Remix will route it (`..` resolved), not as written.
    const routed = new URL(req.originalUrl, "http://x").pathname;
    if (origin === undefined || routed.startsWith(`${newsletterPaths.unsubscribe}/`)) {
      return next();
    }
    // Scheme, host and port must all match: a configured public address, or the address this
    // request was sent to (http, or https when a trusted proxy says so).
    if (ownOrigins.has(origin) || origin === requestOrigin(req, host, config)) return next();
    return plain(
      res,
      403,
      "Dit formulier is vanaf een andere website verstuurd en daarom niet verwerkt. Open de pagina op deze website en verstuur het opnieuw.",
    );
  };
}

/** The origin the browser saw for this request, from its Host header and scheme. */
function requestOrigin(req: Request, host: string | undefined, config: ServerConfig) {
  if (host === undefined) return null;
  const forwarded = req.get("x-forwarded-proto")?.split(",").at(-1)?.trim().toLowerCase();
  const scheme =
    config.trustProxyHops > 0 && (forwarded === "https" || forwarded === "http")
      ? forwarded
      : "encrypted" in req.socket
        ? "https"
        : "http";
  return URL.canParse(`${scheme}://${host}`) ? new URL(`${scheme}://${host}`).origin : null;
}

function validHost(host: string): boolean {
  return /^[^\s/?#@\\]+$/.test(host) && URL.canParse(`http://${host}`);
}

/** Express request → Fetch request for Remix (the body streams; aborted if the client leaves). */
function toFetchRequest(req: Request, res: Response): globalThis.Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  // Checked by refuseOddRequests; addresses come from the configuration, never from these.
  headers.delete("origin");
  headers.delete("x-forwarded-host");
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers,
    signal: controller.signal,
  };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new globalThis.Request(url, init);
}

function sendAnswer(
  res: ServerResponse,
  method: string,
  answer: { status: number; wire: string[]; body: Buffer | null },
) {
  res.writeHead(answer.status, answer.wire);
  res.end(method === "HEAD" || answer.status === 304 ? undefined : answer.body);
}

/** What a request asks of a cached page: revalidation and compression. */
function asked(req: IncomingMessage) {
  return {
    ifNoneMatch: req.headers["if-none-match"],
    acceptsGzip: acceptsGzip(req.headers["accept-encoding"]),
  };
}

async function sendResponse(res: Response, response: globalThis.Response) {
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

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
