import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";

export interface SinkMessage {
  to: string;
  messageId: string;
  head: string;
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
    let to = "";
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
          const data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          const head = (data.split("\r\n\r\n")[0] ?? "").replace(/\r\n[ \t]+/g, " ");
          const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? "";
          const rcpt = to;
          const answer = () => {
            if (socket.destroyed) return; // the sender died: it never saw a 250
            const text = this.reply(rcpt, head);
            if (text.startsWith("250"))
              this.messages.push({ to: rcpt, messageId, head, data, at: Date.now() });
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
        else if (verb === "RCPT") {
          to = /<([^>]*)>/.exec(line)?.[1] ?? "";
          write("250 OK\r\n");
        } else if (verb === "DATA") {
          inData = true;
          write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else write("250 OK\r\n");
      }
    });
  }

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
