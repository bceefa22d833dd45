/**
 * Why a server cannot start (configuration, database, port): each problem is one line that
 * `main()` prints as `[app] <problem>` before it exits with code 1. The library throws it and
 * never exits, so tests can start a server and read the reason.
 */
export class ServerStartError extends Error {
  override name = "ServerStartError";
  readonly exitCode = 1;
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}
