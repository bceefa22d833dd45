// Run the owner's commands from built JavaScript, and build it first when it is missing or
// older than its source. Starting Node on compiled code takes a fraction of a second; going
// through tsx took seconds per call.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));

/** @param {string} file */
function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

/** Newest modification time among `paths` (files, or folders walked recursively). */
function newest(/** @type {string[]} */ paths) {
  let latest = 0;
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) latest = Math.max(latest, newest([path.join(p, entry)]));
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  }
  return latest;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One build at a time per output: two commands started together (or parallel tests) must not
 * both write the same files. A lock older than five minutes was left by a killed build.
 * @param {string} lockDir
 * @param {() => void | Promise<void>} work
 */
async function withLock(lockDir, work) {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      if (Date.now() - mtime(lockDir) > 5 * 60_000)
        rmSync(lockDir, { recursive: true, force: true });
      await sleep(100);
    }
  }
  try {
    await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** @param {string} message */
function fail(message) {
  const error = new Error(message);
  error.name = "BuildError";
  return error;
}

/**
 * A workspace package compiled by its own `tsc -p tsconfig.build.json` into dist/: stale when
 * `output` is missing or older than anything in src/, its tsconfig files or package.json.
 * @param {string} packageDir relative to the repo root, e.g. "packages/newsletter"
 * @param {string} output relative to packageDir, e.g. "dist/cli.js"
 */
export async function ensureTscBuild(packageDir, output) {
  const dir = path.join(repoRoot, packageDir);
  const out = path.join(dir, output);
  const inputs = () =>
    newest([
      path.join(dir, "src"),
      path.join(dir, "package.json"),
      path.join(dir, "tsconfig.json"),
      path.join(dir, "tsconfig.build.json"),
      path.join(repoRoot, "tsconfig.base.json"),
    ]);
  if (mtime(out) >= inputs()) return;
  await withLock(path.join(dir, "dist", ".building"), () => {
    if (mtime(out) >= inputs()) return; // built by the command that held the lock
    process.stderr.write(`Building ${packageDir} (its dist is missing or older than src)…\n`);
    const tsc = path.join(dir, "node_modules", "typescript", "bin", "tsc");
    // tsc prints its errors on stdout; stdout is for the command's own output (a CSV export).
    const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
      cwd: dir,
      stdio: ["ignore", process.stderr, process.stderr],
    });
    if (result.status !== 0) {
      // tsc writes its output even when it finds errors; remove it so the next run tries again.
      rmSync(out, { force: true });
      throw fail(`Building ${packageDir} failed (see above); fix it or run pnpm build.`);
    }
  });
}

/**
 * `@vaart/ui/signup-contract` (the signup form's field names, limits and messages), which
 * @vaart/newsletter imports: built with the rest of @vaart/ui (Vite, then tsc for its types)
 * when it is missing or older than its source. The contract is all these commands need of
 * the design system, so a change elsewhere in @vaart/ui rebuilds nothing.
 */
export async function ensureSignupContract() {
  const dir = path.join(repoRoot, "packages/ui");
  const out = path.join(dir, "dist", "signup-contract.js");
  const inputs = () =>
    newest([
      path.join(dir, "src", "signup-contract"),
      path.join(dir, "package.json"),
      path.join(dir, "vite.config.ts"),
    ]);
  if (mtime(out) >= inputs()) return;
  // The lock is outside dist/: Vite empties dist/ before it writes.
  await withLock(path.join(dir, "node_modules", ".vaart-building"), () => {
    if (mtime(out) >= inputs()) return; // built by the command that held the lock
    process.stderr.write(
      "Building packages/ui (its signup contract is missing or older than src)…\n",
    );
    const steps = [
      [path.join(dir, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
      // @vaart/ui has no TypeScript of its own: it uses the workspace root's.
      [
        path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"),
        "-p",
        "tsconfig.build.json",
      ],
    ];
    for (const args of steps) {
      const result = spawnSync(process.execPath, args, {
        cwd: dir,
        stdio: ["ignore", process.stderr, process.stderr],
      });
      if (result.status !== 0) {
        rmSync(out, { force: true });
        throw fail("Building packages/ui failed (see above); fix it or run pnpm build.");
      }
    }
  });
}

/**
 * A script bundled with esbuild: stale when `outfile` is missing or older than any file
 * esbuild read for it last time. By default packages stay imports; with `inlinePackages`
 * they are bundled too (all but `external`): one file loads several times faster than the
 * hundreds of modules of kysely, pg and nodemailer.
 * @param {string} appDir relative to the repo root, e.g. "apps/landing"
 * @param {string} entry relative to appDir
 * @param {string} outfile relative to appDir
 * @param {{ inlinePackages?: boolean, external?: string[] }} [options]
 */
export async function ensureBundle(appDir, entry, outfile, options = {}) {
  const dir = path.join(repoRoot, appDir);
  const out = path.join(dir, outfile);
  const inputsFile = `${out}.inputs.json`;
  const fresh = () => {
    const built = mtime(out);
    if (Number.isNaN(built)) return false;
    try {
      /** @type {string[]} */
      const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
      // A missing input (NaN) fails the comparison, so a deleted or renamed file rebuilds too.
      return inputs.every((input) => mtime(path.join(dir, input)) <= built);
    } catch {
      return false;
    }
  };
  if (fresh()) return;
  const { build } = await import("esbuild");
  await withLock(`${out}.building`, async () => {
    if (fresh()) return; // bundled by the command that held the lock
    process.stderr.write(`Bundling ${appDir}/${entry} (new, or a source file changed)…\n`);
    let result;
    try {
      result = await build({
        absWorkingDir: dir,
        entryPoints: [entry],
        outfile,
        bundle: true,
        ...(options.inlinePackages
          ? {
              external: options.external ?? [],
              // CommonJS packages inside an ES module still call require() for node: modules.
              banner: {
                js: 'import { createRequire as __vaartRequire } from "node:module"; const require = __vaartRequire(import.meta.url);',
              },
            }
          : { packages: /** @type {const} */ ("external") }),
        platform: "node",
        format: "esm",
        target: "node20",
        metafile: true,
        logLevel: "error",
      });
    } catch {
      throw fail(`Bundling ${appDir}/${entry} failed (see above).`);
    }
    writeFileSync(inputsFile, JSON.stringify(Object.keys(result.metafile.inputs)));
  });
}

/**
 * Print a build failure as one line and exit 1; anything else is a real bug: show its stack.
 * @param {unknown} error
 */
export function reportAndExit(error) {
  if (error instanceof Error && error.name === "BuildError") {
    process.stderr.write(`${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
