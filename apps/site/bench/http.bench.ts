// Requests per second and latency of the seed article page, from a second process
// (autocannon), against the production server and — in the same run — against a minimal
// static server sending the same bytes. Run: `pnpm --filter site bench` (after a build).
import { type ChildProcess, execFile, fork, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const appDir = path.join(here, "..");
const articlePath = "/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk";
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const appPort = 3291;
const staticPort = 3292;

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

interface Result {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** autocannon in its own process, so the load generator does not share the server's CPU time slice. */
async function load(
  label: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<Result> {
  const args = ["-c", String(connections), "-d", String(duration), "-j"];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}=${value}`);
  const bin = path.join(appDir, "node_modules/.bin/autocannon");
  const { stdout } = await run(bin, [...args, url], { maxBuffer: 1 << 26 });
  const report = JSON.parse(stdout);
  return {
    label,
    requestsPerSecond: Math.round(report.requests.average),
    p50: report.latency.p50,
    p99: report.latency.p99,
    non2xx: report.non2xx,
    errors: report.errors,
  };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "vaart-bench-"));
const children: ChildProcess[] = [];
try {
  const server = spawn("node", ["server.js"], {
    cwd: appDir,
    env: { ...process.env, PORT: String(appPort), DATA_DIR: dataDir, VAART_LOCAL_DEFAULTS: "1" },
    stdio: "ignore",
  });
  children.push(server);
  await waitFor(`http://127.0.0.1:${appPort}/healthz`);

  const url = `http://127.0.0.1:${appPort}${articlePath}`;
  const sample = await fetch(url, { headers: { "Accept-Encoding": "gzip" } });
  const html = Buffer.from(await sample.arrayBuffer());
  const etag = sample.headers.get("etag") ?? "";
  const { gzipSync } = await import("node:zlib");
  const gzipped = gzipSync(html);
  const sentHeaders: Record<string, string> = {};
  for (const name of ["content-type", "cache-control", "etag", "vary", "content-security-policy"]) {
    const value = sample.headers.get(name);
    if (value) sentHeaders[name] = value;
  }
  sentHeaders["content-encoding"] = "gzip";
  writeFileSync(path.join(dataDir, "body.gz"), gzipped);
  writeFileSync(path.join(dataDir, "headers.json"), JSON.stringify(sentHeaders));
  const staticServer = fork(
    path.join(here, "static-server.mjs"),
    [path.join(dataDir, "body.gz"), path.join(dataDir, "headers.json"), String(staticPort)],
    { stdio: "ignore" },
  );
  children.push(staticServer);
  await new Promise((resolve) => staticServer.once("message", resolve));

  const gzip = { "Accept-Encoding": "gzip" };
  // Warm up both (JIT, caches), then measure one after the other in the same run.
  await load("warm-up", url, gzip);
  const results = [
    await load(
      "static file server (the limit)",
      `http://127.0.0.1:${staticPort}${articlePath}`,
      gzip,
    ),
    await load("site, article page (200, gzip)", url, gzip),
    await load("site, article page revalidated (304)", url, { ...gzip, "If-None-Match": etag }),
  ];
  const limit = results[0]?.requestsPerSecond ?? 1;
  const lines = [
    `Seed article page, ${connections} connections, ${duration} s each, autocannon in a second process; ${gzipped.length} bytes gzipped (${html.length} bytes of HTML).`,
    "",
    "| server | req/s | p50 ms | p99 ms | of the limit | non-2xx | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${((100 * r.requestsPerSecond) / limit).toFixed(0)} % | ${r.non2xx} | ${r.errors} |`,
    ),
  ];
  console.log(lines.join("\n"));
} finally {
  for (const child of children) child.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
