import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { logoFiles } from "@vaart/content";
import { checkConfig, describeConfigProblems, type SubscribeResult } from "@vaart/newsletter";
import compression from "compression";
import express from "express";
import { cacheControl } from "./caching.js";
import { clientIp } from "./client-ip.js";
import {
  loadServerConfig,
  type SecretSetting,
  type ServerConfig,
  ServerConfigError,
  storageProblem,
} from "./config.js";
import { contentReady, onContentReload } from "./live-content.server.js";
import { closeNewsletter, getNewsletter, signupContext } from "./newsletter.server.js";
import { answerFromCache, PageCache, sharedMaxAge } from "./page-cache.js";
import { requestLog, requestLogWriter } from "./request-log.js";
import { securityHeaders } from "./security-headers.js";
import { asked, sendAnswer, sendResponse, toFetchRequest } from "./server/fetch-adapter.js";
import {
  headerText,
  type LargerBody,
  limitBody,
  originAllowed,
  requestGuards,
} from "./server/guards.js";
import { localDefaultsLine } from "./server/local-defaults.js";
import { gracefulShutdown } from "./server/shutdown.js";
import {
  preparedSignup,
  type SignupPostRoute,
  signupPostHandler,
} from "./server/signup-post.server.js";
import { ServerStartError } from "./server/start-error.js";
import { finalErrorHandler, logServerError } from "./server-errors.js";
import { serveUploadedLogo } from "./uploaded-logos.server.js";

export { type LargerBody, ServerStartError, type SignupPostRoute };

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
  /**
   * Send the newsletter's Updates in the background (the site): every instance claims due
   * deliveries; on SIGTERM it stops claiming and lets the mails in flight finish.
   */
  sendUpdates?: boolean;
  /**
   * Pages whose signup form's plain POST is answered before Express and Remix when the signup
   * is stored (server/signup-post.server.ts). Each must be a route whose action is
   * handleSignup with the same source and thanks path.
   */
  signupPosts?: readonly SignupPostRoute[];
  /**
   * Routes that take a bigger body than MAX_BODY_BYTES (the studio's logo upload), each with
   * its own limit and the sentence its 413 says.
   */
  largerBodies?: readonly LargerBody[];
  /** Lines to log once the server listens (e.g. the landing app's live campaigns). */
  startupLines?: (build: ServerBuild, origin: string, config: ServerConfig) => readonly string[];
}

/** What routes find in `context` (Remix's AppLoadContext). */
export type VaartLoadContext = {
  clientIp: string | null;
  config: ServerConfig;
  /** The signup the fast path already ran for this request (see AppServerOptions.signupPosts). */
  signupResult?: Promise<SubscribeResult> | undefined;
};

export interface RunningServer {
  server: Server;
  config: ServerConfig;
  /** Graceful stop: requests in flight finish, then the database closes (see shutdown.ts). */
  close(): Promise<void>;
}

/**
 * The production server of an app: configuration checked before anything listens, security
 * headers, a body-size limit, compression, hashed assets cached for a year, and graceful
 * shutdown (in-flight requests finish, then the database closes).
 *
 * It never exits the process: what keeps it from starting is a `ServerStartError` whose lines
 * `main()` (./main.ts) prints before it exits, and signals are main()'s too.
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
  if (!loaded || problems.length > 0) throw new ServerStartError(problems);
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
    throw new ServerStartError([
      `The database does not answer (DATABASE_URL, or DATA_DIR for SQLite): ${databaseProblem}`,
    ]);
  }

  const build = (await import(
    pathToFileURL(path.join(options.buildDir, "server/index.js")).href
  )) as ServerBuild;
  // The apps' content modules started reading the published content when the build was
  // imported: the first page already shows it.
  await contentReady();
  const https = config.siteUrl.protocol === "https:";
  const headers = securityHeaders({ https });

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false); // pages get their own ETag in entry.server; static files use sirv-like ETags below
  const headerList = Object.entries(headers);
  // Set once the server exists; until then nothing is stopping.
  let shutdown: { readonly stopping: boolean } = { stopping: false };
  const log = requestLogWriter(options.appName);
  app.use(requestLog(log));
  app.use((_req, res, next) => {
    for (const [name, value] of headerList) res.setHeader(name, value);
    // While stopping, each answer closes its connection, so no keep-alive socket holds us up.
    if (shutdown.stopping) res.setHeader("Connection", "close");
    next();
  });
  const pageCache =
    options.pageCache === false || !config.pageCache
      ? null
      : new PageCache({ extraHeaders: headerList });
  // Published content changed: pages rendered from the old copy are forgotten, and a render
  // that started before the change is not kept (its generation is old).
  let contentGeneration = 0;
  onContentReload(() => {
    contentGeneration += 1;
    pageCache?.clear();
  });
  app.use(limitBody(config.maxBodyBytes, options.largerBodies));
  app.use(requestGuards(config));
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
  app.get("/logos/:file", serveUploadedLogo);
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
  const clientIpOf = (req: IncomingMessage) =>
    clientIp({
      forwardedFor: headerText(req.headers["x-forwarded-for"]),
      socketAddress: req.socket.remoteAddress,
      trustProxyHops: config.trustProxyHops,
    });
  const loadContext = (req: IncomingMessage): VaartLoadContext => ({
    clientIp: clientIpOf(req),
    config,
    signupResult: preparedSignup(req),
  });
  app.all("*", async (req, res, next) => {
    try {
      const generation = contentGeneration;
      const response = await handleRemix(toFetchRequest(req, res), loadContext(req));
      // A route's data (`.data`) whose routes set no Cache-Control (a 404, a resource route's
      // data) would be left to a cache's guess: never keep it.
      if (req.path.endsWith(".data") && !response.headers.has("cache-control")) {
        response.headers.set("Cache-Control", cacheControl.noStore);
      }
      if (
        pageCache &&
        req.method === "GET" &&
        generation === contentGeneration &&
        sharedMaxAge(response.headers) !== null
      ) {
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
    if (!pageCache || shutdown.stopping || (req.method !== "GET" && req.method !== "HEAD"))
      return false;
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
  const answerSignup = signupPostHandler({
    routes: options.signupPosts ?? [],
    maxBodyBytes: config.maxBodyBytes,
    originAllowed: originAllowed(config),
    subscribe: (form, route, req) =>
      getNewsletter().subscribe(
        form,
        signupContext(route, clientIpOf(req), req.headers["user-agent"] ?? null),
      ),
    headers: headerList,
    log,
  });
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
      if (answerCached(req, res)) return;
      // While stopping, Express answers (it closes each connection).
      if (!shutdown.stopping && answerSignup(req, res, () => app(req, res))) return;
      app(req, res);
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
  let updateWorker: { stop(): Promise<void> } | null = null;
  const stopping = gracefulShutdown(server, async () => {
    await updateWorker?.stop();
    await closeNewsletter();
    console.log(`[${options.appName}] stopped: requests finished, database closed`);
  });
  shutdown = stopping;
  try {
    await listen(server, config);
  } catch (error) {
    // Nothing listens: let go of the database before main() exits with the reason.
    await closeNewsletter().catch(() => {});
    throw error;
  }
  const loopback = ["127.0.0.1", "::1", "localhost"].includes(config.host);
  const everywhere = config.host === "0.0.0.0" || config.host === "::";
  const origin = `http://${loopback || everywhere ? "localhost" : config.host}:${config.port}`;
  console.log(
    `[${options.appName}] listening on ${origin} (${loopback ? `${config.host}: this machine only` : `HOST=${config.host}`})`,
  );
  for (const line of options.startupLines?.(build, origin, config) ?? []) {
    console.log(`[${options.appName}] ${line}`);
  }
  if (options.sendUpdates) {
    const worker = getNewsletter().updates.worker();
    worker.start();
    updateWorker = worker;
  }

  return {
    server,
    config,
    // Stop claiming Update mails at once (those in flight finish) while requests finish.
    close: () => Promise.all([updateWorker?.stop(), stopping.close()]).then(() => undefined),
  };
}

/** Listen on the configured address; a port in use is a start-up error, not a stack trace. */
export function listen(server: Server, config: Pick<ServerConfig, "host" | "port">): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      // A clear message instead of a stack trace: the most common start-up mistake.
      const reason =
        error.code === "EADDRINUSE"
          ? `port ${config.port} is already in use: stop the other server or set PORT`
          : `cannot listen on ${config.host}:${config.port} (${error.code ?? error.message})`;
      reject(new ServerStartError([reason]));
    };
    server.once("error", failed);
    server.listen(config.port, config.host, () => {
      server.off("error", failed);
      resolve();
    });
  });
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
