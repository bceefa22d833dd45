/**
 * The server checks of the deployables proof (scripts/prove-deployables.sh), run on an app
 * deployed with `pnpm deploy --prod`:
 *
 *   node packages/testing/dist/prove-server.js <check> <app> <deployed dir> <work dir>
 *
 * dockerfile     the Dockerfile performs the steps the proof performs
 * production     no development tools in the runtime tree; build/ is there
 * refusals       without each variable a production server requires, it exits non-zero
 *                naming the variable (the list comes from the deployed @vaart/web)
 * serve          starts with production settings, /healthz 200, / answers, then SIGTERM →
 *                exit code 0 with its shutdown line
 * cron           the newsletter's cron jobs run from the deployed folder (compiled CLI)
 *
 * Each check prints what it saw and exits 1 with a reason when something is wrong.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { productionEnv } from "./production-env.js";
import { ServerExitedError, startServerProcess } from "./server-process.js";

class ProofFailure extends Error {}

const fail = (reason: string): never => {
  throw new ProofFailure(reason);
};

/** What `turbo prune` does not copy but the builds need (see the Dockerfile). */
export const pruneMisses = [".pnpmfile.cjs", "tsconfig.base.json"];

// biome-ignore lint/suspicious/noTemplateCurlyInString: the Dockerfile's build argument, as written there
const appArg = "${APP}";

/** The lines an app's Dockerfile must have, so that it performs the steps the proof does. */
export function dockerfileSteps(app: string): string[] {
  return [
    `turbo prune ${appArg} --docker`,
    ...pruneMisses,
    "pnpm install --frozen-lockfile",
    `turbo run build --filter=${appArg}`,
    `pnpm --filter ${appArg} --prod deploy`,
    "NODE_ENV=production",
    "USER node",
    "EXPOSE",
    "HEALTHCHECK",
    "/healthz",
    'CMD ["node", "server.js"]',
    "ARG APP",
    `--build-arg APP=${app}`,
  ];
}

async function checkDockerfile(app: string, dockerfile: string) {
  const text = readFileSync(dockerfile, "utf8");
  const wanted = dockerfileSteps(app);
  const missing = wanted.filter((line) => !text.includes(line));
  for (const line of missing) console.log(`${dockerfile} lacks: ${line}`);
  if (missing.length > 0) fail(`${dockerfile} lacks ${missing.length} step(s)`);
  console.log(`${dockerfile} has every step (${wanted.length} checked)`);
}

async function checkProductionOnly(appDir: string) {
  // Development tools must not be in the runtime tree (the Dockerfile copies this folder).
  for (const dev of ["vite", "@remix-run/dev", "vitest", "typescript", "@playwright/test"]) {
    if (existsSync(path.join(appDir, "node_modules", dev))) {
      fail(`devDependency ${dev} is in the production tree`);
    }
  }
  for (const dir of ["build/server", "build/client"]) {
    if (!existsSync(path.join(appDir, dir))) fail("build/ is missing from the deployed folder");
  }
  console.log("no development tools; build/server and build/client present");
}

/** The variables a production server of `app` requires: from the deployed @vaart/web. */
async function requiredVariables(app: string, appDir: string): Promise<string[]> {
  const list = path.join(appDir, "node_modules/@vaart/web/dist/variables.js");
  const { variablesOf } = (await import(pathToFileURL(list).href)) as {
    variablesOf: (app: string) => { name: string; required: string }[];
  };
  const names = variablesOf(app)
    .filter((variable) => variable.required === "yes")
    .map((variable) => variable.name);
  if (!names.includes("SITE_URL")) fail(`no required variables listed for ${app}`);
  return names;
}

/** Production settings for the proof: placeholders, the data folder under the work folder. */
function proofEnv(workDir: string, label: string): Record<string, string> {
  const dataDir = path.join(workDir, label);
  mkdirSync(dataDir, { recursive: true });
  // SQLite under DATA_DIR, as the image does without DATABASE_URL.
  const { DATABASE_URL: _default, ...env } = productionEnv(dataDir);
  return { HOME: process.env.HOME ?? "", ...env };
}

async function checkRefusals(app: string, appDir: string, workDir: string) {
  for (const variable of await requiredVariables(app, appDir)) {
    const { [variable]: _left, ...env } = proofEnv(workDir, `${app}-data-refusal`);
    const outcome = await startServerProcess({ appDir, env, timeoutMs: 20_000 }).then(
      async (server) => {
        await server.stop();
        return fail(`the server started without ${variable} (it must refuse):\n${server.output()}`);
      },
      (error: unknown) => {
        if (!(error instanceof ServerExitedError)) throw error;
        return error;
      },
    );
    console.log(outcome.output.trimEnd());
    if (outcome.exitCode === 0) fail(`exit code 0 without ${variable} (expected non-zero)`);
    if (!outcome.output.includes(variable)) fail(`the error does not name ${variable}`);
    console.log(
      `refused to start without ${variable} (exit code ${outcome.exitCode}), naming the variable`,
    );
  }
}

async function checkServe(app: string, appDir: string, workDir: string) {
  const server = await startServerProcess({
    appDir,
    env: proofEnv(workDir, `${app}-data`),
    timeoutMs: 30_000,
  });
  try {
    const health = await fetch(`${server.origin}/healthz`);
    const body = await health.text();
    console.log(`GET /healthz → ${health.status} ${body}`);
    if (health.status !== 200) fail("/healthz did not answer 200");
    if (!body.includes('"status":"ok"')) fail("/healthz did not report ok");
    // The app itself answers too: a page or a redirect, not an error.
    const home = await fetch(`${server.origin}/`, { redirect: "manual" });
    console.log(`GET / → ${home.status}`);
    if (home.status < 200 || home.status >= 400) fail(`GET / answered ${home.status}`);
    if (server.output().includes("Local defaults")) {
      fail("the server runs on local defaults; expected production settings");
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  server.child.kill("SIGTERM");
  const code = await Promise.race([
    server.exited,
    new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000)),
  ]);
  console.log(server.output().trimEnd());
  if (code === "timeout") {
    server.child.kill("SIGKILL");
    fail("still running 10 s after SIGTERM");
  }
  if (code !== 0) fail(`exit code ${code} after SIGTERM (expected 0)`);
  if (!server.output().includes("SIGTERM")) fail("no shutdown log line after SIGTERM");
  console.log("clean exit (0) after SIGTERM");
}

async function checkCronJobs(app: string, appDir: string, workDir: string) {
  // The newsletter's cron jobs (docs/deploy.md) run from the deployed folder with the app's
  // environment: the compiled CLI, no pnpm or tsx.
  const env = { PATH: process.env.PATH ?? "", ...proofEnv(workDir, `${app}-data`) };
  let out = "";
  for (const job of ["resend-pending", "prune", "stats --json"]) {
    const result = await promisify(execFile)(
      "node",
      ["node_modules/@vaart/newsletter/dist/cli.js", ...job.split(" ")],
      { cwd: appDir, env },
    ).catch((error: { stdout?: string; stderr?: string }) =>
      fail(`newsletter ${job} failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`),
    );
    out = `${result.stdout}${result.stderr}`.trim();
    console.log(`newsletter ${job} → ${out}`);
    // A CLI that prints nothing did not run (e.g. its "am I the main module" check failed).
    if (!out) fail(`newsletter ${job} printed nothing`);
  }
  try {
    if (!JSON.parse(out).totals) throw new Error("no totals");
  } catch {
    fail("stats --json did not print the stats as JSON");
  }
}

const checks: Record<string, (app: string, target: string, workDir: string) => Promise<void>> = {
  dockerfile: (app, dockerfile) => checkDockerfile(app, dockerfile),
  production: (_app, appDir) => checkProductionOnly(appDir),
  refusals: checkRefusals,
  serve: checkServe,
  cron: checkCronJobs,
};

const [check = "", app = "", target = "", workDir = ""] = process.argv.slice(2);
const run = checks[check];
if (!run || !app || !target) {
  console.error(
    `usage: prove-server.js <${Object.keys(checks).join("|")}> <app> <deployed dir or Dockerfile> [work dir]`,
  );
  process.exit(2);
}
run(app, path.resolve(target), path.resolve(workDir || ".")).catch((error: unknown) => {
  console.error(error instanceof ProofFailure ? error.message : error);
  process.exit(1);
});
