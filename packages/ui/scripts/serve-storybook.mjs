// `pnpm start`: serve the static Storybook build (storybook-static/) with sirv, on PORT
// (default 6006). With local defaults (the root `pnpm start`) it listens on this machine only
// unless HOST says otherwise, and its first log line says so, like the apps' servers.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";

const env = process.env;
const nodeEnv = env.NODE_ENV?.trim();
// The same rule as the apps (localDefaultsChosen in @vaart/newsletter).
const local =
  nodeEnv === "development" || nodeEnv === "test" || env.VAART_LOCAL_DEFAULTS?.trim() === "1";
const host = env.HOST?.trim() || (local ? "127.0.0.1" : "0.0.0.0");
const port = Number(env.STORYBOOK_PORT?.trim() || env.PORT?.trim() || 6006);
const loopback = ["127.0.0.1", "::1", "localhost"].includes(host);

if (local) {
  const chosen =
    env.VAART_LOCAL_DEFAULTS?.trim() === "1"
      ? "VAART_LOCAL_DEFAULTS=1, set by the root pnpm start"
      : `NODE_ENV=${nodeEnv}`;
  const address = env.HOST?.trim()
    ? `listening on HOST=${host}`
    : `listening on ${host} only (HOST=0.0.0.0 opens it to the network)`;
  console.log(
    `[storybook] Local defaults (${chosen}): the static build in storybook-static/, ${address}.`,
  );
}

// sirv-cli quietly moves to another port when the asked one is taken: say so and stop instead.
const free = await new Promise((resolve) => {
  const probe = createServer();
  probe.once("error", () => resolve(false));
  probe.listen(port, host, () => probe.close(() => resolve(true)));
});
if (!free) {
  console.error(
    `[storybook] port ${port} is already in use: stop the other server or set STORYBOOK_PORT`,
  );
  process.exit(1);
}

const require = createRequire(import.meta.url);
const sirvCli = require.resolve("sirv-cli/package.json").replace(/package\.json$/, "bin.js");
const child = spawn(process.execPath, [sirvCli, "storybook-static", "--quiet"], {
  stdio: "inherit",
  // sirv-cli reads HOST and PORT from the environment before its own options.
  env: { ...env, HOST: host, PORT: String(port) },
});
child.once("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => child.kill(signal));
}

// "listening" once it accepts connections, as the apps say it.
const probeHost = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
for (;;) {
  const up = await new Promise((resolve) => {
    const socket = connect(port, probeHost);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  if (up) break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
console.log(
  `[storybook] listening on http://localhost:${port} (${loopback ? `${host}: this machine only` : `HOST=${host}`})`,
);
