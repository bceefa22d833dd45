import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers by status class, e.g. { "2xx": 100, "3xx": 0 }. */
  statuses: Record<string, number>;
  errors: number;
}

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** POST a signup per request, each with its own address and client IP. */
  signup?: { formToken: string };
}

/** Load from a second process (autocannon), so the generator does not share the server's event loop. */
export async function load(spec: LoadSpec): Promise<LoadResult> {
  const { stdout } = await run(
    process.execPath,
    [path.join(here, "load-worker.mjs"), JSON.stringify(spec)],
    { maxBuffer: 1 << 26 },
  );
  return JSON.parse(stdout) as LoadResult;
}
