import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const appDir = fileURLToPath(new URL("../../", import.meta.url));

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

export interface RunningSite {
  port: number;
  origin: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Start the production build (`node server.js`) with the given environment. */
export async function startSite(env: Record<string, string>): Promise<RunningSite> {
  const port = await freePort();
  const child = spawn("node", ["server.js"], {
    cwd: appDir,
    // Only what is given: the test decides the whole environment of the server.
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the site exited at start:\n${output}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`the site did not answer /healthz:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, origin, child, output: () => output, exited };
}

export function tempDataDir(label: string) {
  return mkdtempSync(path.join(tmpdir(), `vaart-${label}-`));
}

/** Production-like settings with mail written to the outbox of `dataDir`. */
export function productionEnv(dataDir: string, extra: Record<string, string> = {}) {
  return {
    NODE_ENV: "production" as const,
    SITE_URL: "https://www.vaart.example",
    TRUST_PROXY: "0",
    NEWSLETTER_SECRET: "test-secret-test-secret-test-secret-0123456789",
    NEWSLETTER_MAIL_FROM: "Vaart in samenwerken <updates@vaart.example>",
    NEWSLETTER_MAIL_TRANSPORT: "outbox",
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${path.join(dataDir, "site.sqlite")}`,
    ...extra,
  };
}
