import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * A scratch copy of this checkout (tracked files and new ones, as they are now, without
 * build output), installed from pnpm's warm store. Tests that edit sources under a running
 * `pnpm dev`, or break a file before `pnpm start`, do it there.
 */
export function scratchRepo(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "vaart-scratch-"));
  const files = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    },
  )
    .toString()
    .split("\0")
    .filter(Boolean);
  // Deleted-but-tracked files are listed too; --parents keeps the folders.
  execFileSync("xargs", ["-0", "cp", "--parents", "-t", dir], {
    cwd: repoRoot,
    input: files.join("\0"),
    stdio: ["pipe", "ignore", "ignore"],
  });
  // A repository of its own: turbo hashes a git checkout's files the way it hashed this one's
  // (without git it would hash node_modules too), so builds come from the cache.
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.name=scratch", "-c", "user.email=scratch@localhost", "commit", "-qm", "scratch");
  execFileSync("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, CI: "true" },
  });
  return {
    dir,
    remove: () => {
      killProcessesIn(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Ends every process still working inside `dir` (Linux: from /proc). Turborepo runs each task
 * in a process group of its own, so stopping the command's group can leave a task's server
 * (Storybook's static server under `pnpm start`) running after the test, holding a port.
 */
function killProcessesIn(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const entry of entries) {
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cwd === dir || cwd.startsWith(`${dir}/`)) process.kill(Number(entry), "SIGKILL");
    } catch {
      // Gone already, or not ours to look at.
    }
  }
}

/**
 * Turborepo's local cache of this checkout (git worktrees share the main worktree's). A scratch
 * copy reads it (`--cache=local:r`) so that packages built for the tests are not built again.
 */
export function turboCacheDir(): string {
  const common = execFileSync("git", ["rev-parse", "--path-format=absolute", "--git-common-dir"], {
    cwd: repoRoot,
  })
    .toString()
    .trim();
  return path.join(path.dirname(common), ".turbo", "cache");
}

export interface RunningCommand {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  exited: Promise<number | null>;
  /** Stops the command and everything it started (its process group). */
  stop(): Promise<void>;
}

/** Run a command (e.g. `pnpm dev`) in its own process group, keeping its output. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): RunningCommand {
  // As a developer would type it: not in the test runner's mode.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$|TURBO_)/.test(name)),
  );
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...inherited, FORCE_COLOR: "0", NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
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
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const group = -child.pid;
      try {
        process.kill(group, "SIGTERM");
      } catch {
        return;
      }
      const done = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
      ]);
      if (!done) {
        try {
          process.kill(group, "SIGKILL");
        } catch {}
      }
      // Servers turbo started may outlive it for a moment: give the group its signal again.
      try {
        process.kill(group, "SIGKILL");
      } catch {}
    },
  };
}

/** Poll `check` until it returns a value (not undefined/false), or fail naming `what`. */
export async function waitFor<T>(
  what: string | (() => string),
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${typeof what === "string" ? what : what()}${lastError ? ` (${String(lastError)})` : ""}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
