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

/**
 * Send `text` exactly as written (fetch and node:http would rewrite a backslash, refuse an odd
 * Host or add headers) and read the whole answer: status code, headers and body.
 */
export function raw(
  port: number,
  text: string,
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.once("error", reject);
    socket.once("close", () => {
      const [head = "", body = ""] = answer.split("\r\n\r\n", 2);
      resolve({ status: Number(head.split(" ")[1]), headers: head, body });
    });
    socket.write(text);
  });
}

/** A request line and headers, with `Connection: close` so that `raw` sees the end. */
export function request(method: string, target: string, headers: Record<string, string> = {}) {
  const lines = Object.entries({ Host: "127.0.0.1", Connection: "close", ...headers }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return `${method} ${target} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`;
}
