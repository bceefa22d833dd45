import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";

export interface ReceivedMail {
  /** The RCPT TO address. */
  to: string;
  /** The header block, folded lines unfolded. */
  head: string;
  /** The whole message as received (dot-stuffing undone). */
  data: string;
}

/** A loopback SMTP server (no TLS, no auth) that records every message it accepted. */
export class LoopbackSmtp {
  server: Server;
  messages: ReceivedMail[] = [];
  private sockets = new Set<Socket>();

  constructor() {
    this.server = createServer((socket) => this.session(socket));
  }

  private session(socket: Socket) {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => {});
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let to = "";
    socket.write("220 localhost loopback\r\n");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          const data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          const head = (data.split("\r\n\r\n")[0] ?? "").replace(/\r\n[ \t]+/g, " ");
          this.messages.push({ to, head, data });
          socket.write("250 OK queued\r\n");
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl === -1) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250-localhost\r\n250 8BITMIME\r\n");
        else if (verb === "RCPT") {
          to = /<([^>]*)>/.exec(line)?.[1] ?? "";
          socket.write("250 OK\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 OK\r\n");
      }
    });
  }

  /** Starts listening on 127.0.0.1 and returns the SMTP_URL to reach it. */
  async listen(): Promise<string> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    const address = this.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    return `smtp://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A header's value, RFC 2047 encoded words decoded. */
export function header(head: string, name: string): string | undefined {
  const raw = new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1];
  if (raw === undefined) return undefined;
  return raw
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replaceAll("_", " ")),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i] ?? "", "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The decoded body of the message's text/plain or text/html part, with LF line ends. */
export function part(data: string, type: "text/plain" | "text/html"): string | undefined {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(data)?.[1];
  const sections = boundary ? data.split(`--${boundary}`) : [data];
  for (const section of sections) {
    const [partHead = "", ...rest] = section.split(/\r?\n\r?\n/);
    if (!new RegExp(`^Content-Type:\\s*${type}`, "im").test(partHead)) continue;
    const body = rest.join("\r\n\r\n").replace(/\r?\n$/, "");
    const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(partHead)?.[1]?.toLowerCase();
    const decoded =
      encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : encoding === "base64"
          ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
          : body;
    return decoded.replace(/\r\n/g, "\n");
  }
  return undefined;
}
