import { execFileSync } from "node:child_process";
import { connect, createServer } from "node:net";

/** A port nothing listens on right now (the OS picks it). */
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

/**
 * This machine's addresses other than loopback (`hostname -I`): where a server that listens
 * on "this machine only" must not answer.
 */
export function otherAddresses(): string[] {
  try {
    return execFileSync("hostname", ["-I"], { encoding: "utf8" })
      .split(/\s+/)
      .filter((address) => address !== "" && !address.startsWith("127.") && address !== "::1")
      .filter((address) => !address.toLowerCase().startsWith("fe80:")); // link-local needs a zone
  } catch {
    return [];
  }
}

/** Whether a TCP connection to host:port opens within 3 s. */
export function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}
