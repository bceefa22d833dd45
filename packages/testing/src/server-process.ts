import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { freePort } from "./network.js";

export { freePort };

/** The server ended before it answered /healthz: its exit code and everything it printed. */
export class ServerExitedError extends Error {
  override name = "ServerExitedError";
  constructor(
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    super(`the server exited at start:\n${output}`);
  }
}

export interface ServerProcess {
  port: number;
  origin: string;
  child: ChildProcess;
  /** What the server printed (stdout when captured, and stderr). */
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Start an app's production server (`node server.js` in `appDir`) on a free port and wait
 * until `/healthz` answers 200. `env` is the whole environment besides PATH, PORT and HOST:
 * the caller decides every setting. `stdoutFile` sends the request log to a file instead of
 * memory (for load tests, where keeping it would cost the measuring process).
 */
export async function startServerProcess(options: {
  appDir: string;
  env: Record<string, string>;
  stdoutFile?: string;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn("node", ["server.js"], {
    cwd: options.appDir,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...options.env,
    },
    stdio: ["ignore", options.stdoutFile ? openSync(options.stdoutFile, "a") : "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  // After the exit, and after the last of its output has been read.
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let last = "";
  for (;;) {
    if (child.exitCode !== null) {
      await closed;
      throw new ServerExitedError(child.exitCode, output);
    }
    try {
      const health = await fetch(`${origin}/healthz`);
      if (health.ok) break;
      last = `${health.status} ${await health.text()}`;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer /healthz (${last}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    origin,
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * Poll `path` on every origin until each answers `status` (one request per origin per round,
 * 50 ms apart); returns the milliseconds it took, or throws once `limitMs` has passed.
 */
export async function untilEveryServer(
  origins: readonly string[],
  path: string,
  status: number,
  limitMs: number,
): Promise<number> {
  const started = Date.now();
  const pending = new Set(origins);
  while (pending.size > 0) {
    for (const origin of [...pending]) {
      const answer = await fetch(`${origin}${path}`, { redirect: "manual" });
      await answer.arrayBuffer();
      if (answer.status === status) pending.delete(origin);
    }
    const took = Date.now() - started;
    if (pending.size > 0 && took > limitMs) {
      throw new Error(`${path} did not answer ${status} on every instance within ${limitMs} ms`);
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}
