import type { Server } from "node:http";

export interface Shutdown {
  /** True from the first close() on: answers then close their connections. */
  readonly stopping: boolean;
  /** Stop once (later calls get the same promise). */
  close(): Promise<void>;
}

/**
 * Graceful stop: no new connections, requests in flight finish (their connections then
 * close), and only then `afterServer` runs (the database pool and mail transport close).
 */
export function gracefulShutdown(server: Server, afterServer: () => Promise<void>): Shutdown {
  let closing: Promise<void> | undefined;
  let stopping = false;
  return {
    get stopping() {
      return stopping;
    },
    close() {
      closing ??= (async () => {
        stopping = true;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // A connection whose request finishes becomes idle: close it then, not after keep-alive.
          const sweep = setInterval(() => server.closeIdleConnections(), 50);
          server.once("close", () => clearInterval(sweep));
          server.closeIdleConnections();
        });
        await afterServer();
      })();
      return closing;
    },
  };
}
