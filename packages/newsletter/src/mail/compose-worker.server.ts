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

/** A mail that failed before any of it left: nothing was sent (the Updates retry it). */
export class ComposeError extends Error {
  readonly code = "ECOMPOSE";
}

interface Running {
  worker: Worker;
  /** The mails this worker has in hand; a later worker keeps its own. */
  waiting: Map<number, Waiting>;
}

/**
 * Composes mails (MIME encoding, DKIM signing) on a worker thread. On the main thread this
 * cost about 0.6 ms of CPU per confirmation mail, taken from the answers of the signups that
 * came in meanwhile (decision 15). The worker starts on the first mail; it keeps the process
 * alive only while a mail is being composed, and a worker that dies fails the mails it had
 * (the callers record them as not sent and retry) and is replaced on the next mail.
 */
export function createComposeWorker(options: Record<string, unknown>): ComposeWorker {
  let running: Running | null = null;
  let nextId = 0;

  function failAll(of: Running, error: ComposeError) {
    for (const entry of of.waiting.values()) entry.reject(error);
    of.waiting.clear();
  }

  function start(): Running {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { nodemailerPath, options },
    });
    const own: Running = { worker, waiting: new Map() };
    worker.on(
      "message",
      (reply: {
        id: number;
        message?: Uint8Array;
        envelope?: ComposedMail["envelope"];
        error?: string;
      }) => {
        const entry = own.waiting.get(reply.id);
        own.waiting.delete(reply.id);
        if (own.waiting.size === 0) worker.unref();
        if (!entry) return;
        if (reply.error !== undefined || !reply.message || !reply.envelope) {
          entry.reject(new ComposeError(reply.error ?? "the mail could not be composed"));
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
      if (running === own) running = null;
      failAll(own, new ComposeError(`the mail composing thread stopped: ${reason}`));
    };
    worker.on("error", (error) => lost(String(error)));
    worker.on("exit", (code) => lost(`exit code ${code}`));
    worker.unref();
    return own;
  }

  return {
    compose(mail) {
      running ??= start();
      const target = running;
      const id = nextId++;
      return new Promise<ComposedMail>((resolve, reject) => {
        target.waiting.set(id, { resolve, reject });
        target.worker.ref();
        target.worker.postMessage({ id, mail });
      });
    },
    close() {
      const stopping = running;
      running = null;
      if (!stopping) return;
      failAll(stopping, new ComposeError("the mail composer was closed"));
      void stopping.worker.terminate();
    },
  };
}
