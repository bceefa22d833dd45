import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** What nodemailer's stream transport is given: its sendMail fields. */
export type NodemailerMail = Record<string, unknown>;

/** A composed message and the SMTP envelope nodemailer read from its addresses. */
export interface ComposedMail {
  message: Buffer;
  envelope: { from: string | false; to: string[] };
}

export interface ComposeWorker {
  compose(mail: NodemailerMail): Promise<ComposedMail>;
  close(): void;
}

// Runs in the worker: nodemailer's stream transport, as createMailComposer uses it on the
// main thread. Plain CommonJS so that it needs no build step (the tests run the TypeScript
// sources); nodemailer is required by the path the main thread resolved.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const nodemailer = require(workerData.nodemailerPath);
const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, ...workerData.options });
parentPort.on("message", ({ id, mail }) => {
  transport.sendMail(mail).then(
    (info) => parentPort.postMessage({ id, message: info.message, envelope: info.envelope }),
    (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});
`;

const nodemailerPath = createRequire(import.meta.url).resolve("nodemailer");

interface Waiting {
  resolve(composed: ComposedMail): void;
  reject(error: Error): void;
}

/**
 * Composes mails (MIME encoding, DKIM signing) on a worker thread. On the main thread this
 * cost about a millisecond of CPU per confirmation mail, taken from the answers of the
 * signups that came in meanwhile (decision 15). The worker starts on the first mail; it keeps
 * the process alive only while a mail is being composed, and a crashed worker fails the
 * mails it had (the callers record them as failed and retry) and is replaced on the next.
 */
export function createComposeWorker(options: Record<string, unknown>): ComposeWorker {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, Waiting>();

  function failAll(error: Error) {
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  }

  function start(): Worker {
    const started = new Worker(workerSource, {
      eval: true,
      workerData: { nodemailerPath, options },
    });
    started.on(
      "message",
      (reply: {
        id: number;
        message?: Uint8Array;
        envelope?: ComposedMail["envelope"];
        error?: string;
      }) => {
        const entry = waiting.get(reply.id);
        if (!entry) return;
        waiting.delete(reply.id);
        if (waiting.size === 0) started.unref();
        if (reply.error !== undefined || !reply.message || !reply.envelope) {
          entry.reject(new Error(reply.error ?? "the mail could not be composed"));
          return;
        }
        const { buffer, byteOffset, byteLength } = reply.message;
        entry.resolve({
          message: Buffer.from(buffer, byteOffset, byteLength),
          envelope: reply.envelope,
        });
      },
    );
    const lost = (reason: string) => {
      if (worker === started) worker = null;
      failAll(new Error(`the mail composing thread stopped: ${reason}`));
    };
    started.on("error", (error) => lost(String(error)));
    started.on("exit", (code) => lost(`exit code ${code}`));
    started.unref();
    return started;
  }

  return {
    compose(mail) {
      worker ??= start();
      const target = worker;
      const id = nextId++;
      return new Promise<ComposedMail>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        target.ref();
        target.postMessage({ id, mail });
      });
    },
    close() {
      const stopping = worker;
      worker = null;
      failAll(new Error("the mail composer was closed"));
      void stopping?.terminate();
    },
  };
}
