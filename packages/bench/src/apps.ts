import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, openSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export function tempDir(label: string) {
  return mkdtempSync(path.join(tmpdir(), `vaart-bench-${label}-`));
}

export interface RunningApp {
  origin: string;
  stop(): Promise<void>;
}

/** Start an app's production build (`node server.js`) on local defaults, plus `env`. */
export async function startApp(app: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = tempDir(app);
  const child: ChildProcess = spawn("node", ["server.js"], {
    cwd: path.join(repoRoot, "apps", app),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      VAART_LOCAL_DEFAULTS: "1",
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${path.join(dataDir, "bench.sqlite")}`,
      ...env,
    },
    // The request log goes to a file, as a container's log would: its cost is measured too.
    stdio: ["ignore", openSync(path.join(dataDir, "server.log"), "a"), "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk) => {
    errors += chunk;
  });
  const origin = `http://127.0.0.1:${port}`;
  let last = "";
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${app} exited at start:\n${errors}`);
    try {
      const health = await fetch(`${origin}/healthz`);
      if (health.ok) break;
      last = `${health.status} ${await health.text()}`;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    if (i > 300) throw new Error(`${app} did not answer /healthz (${last}):\n${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";

/** A fresh PostgreSQL schema for one measurement; returns its URL and a function to drop it. */
export function freshPostgresSchema(label: string) {
  const schema = `bench_${label}_${Date.now().toString(36)}`;
  const psql = (sql: string) =>
    execFileSync("psql", [testDatabaseUrl, "-Atqc", sql], {
      env: { ...process.env, PGOPTIONS: "-c client_min_messages=warning" },
    });
  psql(`create schema ${schema}`);
  return {
    url: `${testDatabaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => psql(`drop schema if exists ${schema} cascade`),
  };
}

export const appExists = (app: string) => {
  try {
    execFileSync("test", ["-f", path.join(repoRoot, "apps", app, "server.js")]);
    return true;
  } catch {
    return false;
  }
};
