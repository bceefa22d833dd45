import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServerProcess } from "@vaart/testing";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export function tempDir(label: string) {
  return mkdtempSync(path.join(tmpdir(), `vaart-bench-${label}-`));
}

export interface RunningApp {
  origin: string;
  /** The server's process id (its CPU time is read from /proc). */
  child?: { pid?: number | undefined };
  stop(): Promise<void>;
}

/**
 * CPU ticks (1/100 s) from a /proc `stat` file (a process's or one thread's): user + system,
 * or with `children` those of its children that ended. Null when the file is gone.
 */
export function cpuTicks(statFile: string, of: "self" | "children" = "self"): number | null {
  try {
    const stat = readFileSync(statFile, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, cutime, cstime: fields 14–17 of the line (11–14 after the name).
    const first = of === "self" ? 11 : 13;
    return Number(fields[first]) + Number(fields[first + 1]);
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far; null where /proc is missing. */
export function cpuSeconds(pid: number | undefined): number | null {
  const ticks = pid === undefined ? null : cpuTicks(`/proc/${pid}/stat`);
  return ticks === null ? null : ticks / 100;
}

/** The signup form's token, as a visitor's browser gets it from the site's newsletter page. */
export async function signupFormToken(siteOrigin: string): Promise<string> {
  const html = await (await fetch(`${siteOrigin}/nieuwsbrief`)).text();
  return html.match(/name="formToken" value="([^"]+)"/)?.[1] ?? "";
}

/** Start an app's production build on local defaults and its own data folder, plus `env`. */
export async function startApp(
  app: string,
  env: Record<string, string> = {},
  root: string = repoRoot,
): Promise<RunningApp> {
  const dataDir = tempDir(app);
  return startServerProcess({
    appDir: path.join(root, "apps", app),
    env: {
      VAART_LOCAL_DEFAULTS: "1",
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${path.join(dataDir, "bench.sqlite")}`,
      ...env,
    },
    // The request log goes to a file, as a container's log would: its cost is measured too.
    stdoutFile: path.join(dataDir, "server.log"),
  });
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

export const appExists = (app: string) => existsSync(path.join(repoRoot, "apps", app, "server.js"));
