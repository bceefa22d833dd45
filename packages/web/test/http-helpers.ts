import { createServer, type RequestListener, type Server } from "node:http";
import { connect } from "node:net";

/** A real node:http server on a free port (port 0) for one test. */
export async function serve(handler: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : 0 };
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
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
