import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort, productionEnv } from "@vaart/testing";

/** A production build of the site or the landing app, on the studio's database. */
export interface PublicApp {
  origin: string;
  output(): string;
  stop(): Promise<void>;
}

const appDirs = {
  site: fileURLToPath(new URL("../../../site/", import.meta.url)),
  landing: fileURLToPath(new URL("../../../landing/", import.meta.url)),
} as const;

/**
 * Starts `node server.js` of a public app (its production build) on the studio test server's
 * data folder, so it reads what the studio publishes; waits for /healthz. With E2E_PORT set,
 * the ports after it (site +1, landing +2); otherwise free ones.
 */
export async function startPublicApp(
  app: keyof typeof appDirs,
  dataDir: string,
): Promise<PublicApp> {
  const base = Number(process.env.E2E_PORT);
  const port = base > 0 ? base + (app === "site" ? 1 : 2) : await freePort();
  const child: ChildProcess = spawn(process.execPath, ["server.js"], {
    cwd: appDirs[app],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...productionEnv(dataDir),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited at start:\n${output}`);
    const healthy = await fetch(`${origin}/healthz`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${app} did not answer /healthz within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
