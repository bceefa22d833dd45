import {
  type AppServerOptions,
  type RunningServer,
  ServerStartError,
  startAppServer,
} from "./server.js";

/**
 * An app's `server.js`: start the server and own the process. A start-up problem is printed
 * as `[app] <problem>` (one line each) and exits with code 1; SIGTERM and SIGINT stop it
 * gracefully and exit with 0 (1 if stopping fails). The library itself never exits.
 */
export async function main(options: AppServerOptions): Promise<RunningServer> {
  let running: RunningServer;
  try {
    running = await startAppServer(options);
  } catch (error) {
    if (!(error instanceof ServerStartError)) throw error;
    for (const problem of error.problems) console.error(`[${options.appName}] ${problem}`);
    process.exit(error.exitCode);
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      console.log(`[${options.appName}] ${signal}: finishing requests, then stopping`);
      running.close().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  return running;
}
