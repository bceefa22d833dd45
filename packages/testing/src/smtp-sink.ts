import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";

export interface SinkMessage {
  /** The (first) RCPT TO address. */
  to: string;
  /** Every RCPT TO address of this message, in order. */
  rcpts: string[];
  messageId: string;
  /** The header block, folded lines unfolded. */
  head: string;
  /** The whole message as received (dot-stuffing undone). */
  data: string;
  /** When the sink answered 250 (Date.now()). */
  at: number;
}

/**
 * A loopback SMTP server (no TLS, no auth) that records every message it answered 250 to.
 * `reply` decides the answer to each message's end of DATA (default "250 OK"), so a test can
 * script a 4xx or a 5xx; `delayMs` holds each answer back (mails in flight at a kill).
 */
export class SmtpSink {
  server: Server;
  messages: SinkMessage[] = [];
  open = 0;
  peakOpen = 0;
  reply: (to: string, head: string) => string = () => "250 OK queued";
  delayMs = 0;
  private sockets = new Set<Socket>();

  constructor() {
    this.server = createServer((socket) => this.session(socket));
  }

  private session(socket: Socket) {
    this.sockets.add(socket);
    this.open += 1;
    this.peakOpen = Math.max(this.peakOpen, this.open);
    socket.on("close", () => {
      this.sockets.delete(socket);
      this.open -= 1;
    });
    socket.on("error", () => {});
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let rcpts: string[] = [];
    const write = (line: string) => {
      if (!socket.destroyed) socket.write(line);
    };
    write("220 localhost sink\r\n");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          const data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          const head = headOf(data);
          const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? "";
          const message = { to: rcpts[0] ?? "", rcpts, messageId, head, data };
          rcpts = [];
          const answer = () => {
            if (socket.destroyed) return; // the sender died: it never saw a 250
            const text = this.reply(message.to, head);
            if (text.startsWith("250")) this.messages.push({ ...message, at: Date.now() });
            write(`${text}\r\n`);
          };
          if (this.delayMs > 0) setTimeout(answer, this.delayMs);
          else answer();
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl === -1) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") write("250-localhost\r\n250 8BITMIME\r\n");
        else if (verb === "MAIL") {
          rcpts = [];
          write("250 OK\r\n");
        } else if (verb === "RCPT") {
          rcpts.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
          write("250 OK\r\n");
        } else if (verb === "DATA") {
          inData = true;
          write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else write("250 OK\r\n");
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

  /** Message-IDs received more than once. */
  duplicates(): string[] {
    const seen = new Set<string>();
    const twice = new Set<string>();
    for (const m of this.messages) {
      if (seen.has(m.messageId)) twice.add(m.messageId);
      seen.add(m.messageId);
    }
    return [...twice];
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A message's header block, folded lines (RFC 5322) unfolded. */
export function headOf(message: string): string {
  return (message.split("\r\n\r\n")[0] ?? "").replace(/\r\n[ \t]+/g, " ");
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
