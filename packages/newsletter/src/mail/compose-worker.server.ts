import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { OutgoingMail } from "./transport.server.js";

/** What nodemailer's stream transport is given: its sendMail fields. */
export type NodemailerMail = Record<string, unknown>;

/** An outgoing mail as nodemailer's sendMail takes it. */
export function toNodemailer(mail: OutgoingMail) {
  return {
    from: mail.from,
    replyTo: mail.replyTo,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.date ? { date: mail.date } : {}),
  };
}

/** A composed message and the SMTP envelope nodemailer read from its addresses. */
export interface ComposedMail {
  message: Buffer;
  envelope: { from: string | false; to: string[] };
}

export interface ComposeWorker {
  compose(mail: NodemailerMail): Promise<ComposedMail>;
  /**
   * Compose and write the message to `file` on the worker (to `file`.tmp, then renamed, so
   * a reader never sees half a mail): the outbox's file work stays off the event loop too.
   * A failed write rejects with a plain Error (not a ComposeError).
   */
  composeToFile(mail: NodemailerMail, file: string): Promise<ComposedMail["envelope"]>;
  /** Write a message composed already (a filled template) to `file`, the same way. */
  writeToFile(composed: ComposedMail, file: string): Promise<ComposedMail["envelope"]>;
  close(): void;
}

// Runs in the worker: nodemailer's stream transport, as createMailComposer uses it on the
// main thread. Plain CommonJS so that it needs no build step (the tests run the TypeScript
// sources); nodemailer is required by the path the main thread resolved.
//
// Mails come in batches (one message per event-loop turn of the main thread, not one per
// mail: each message wakes the thread) and their outcomes go back in one message per batch.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { renameSync, writeFileSync } = require("node:fs");
const nodemailer = require(workerData.nodemailerPath);
const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, ...workerData.options });
const reason = (error) => String((error && error.message) || error);
parentPort.on("message", (batch) => {
  Promise.all(batch.map(({ id, mail, raw, file }) =>
    (raw ? Promise.resolve({ message: raw.message, envelope: raw.envelope }) : transport.sendMail(mail)).then(
      (info) => {
        if (!file) return { id, message: info.message, envelope: info.envelope };
        try {
          writeFileSync(file + ".tmp", info.message);
          renameSync(file + ".tmp", file);
        } catch (error) {
          return { id, writeError: reason(error) };
        }
        return { id, envelope: info.envelope };
      },
      (error) => ({ id, error: reason(error) }),
    ),
  )).then((replies) => parentPort.postMessage(replies));
});
`;

const nodemailerPath = createRequire(import.meta.url).resolve("nodemailer");

interface Waiting {
  resolve(composed: ComposedMail | ComposedMail["envelope"]): void;
  reject(error: Error): void;
}

interface Reply {
  id: number;
  message?: Uint8Array;
  envelope?: ComposedMail["envelope"];
  /** Composing failed. */
  error?: string;
  /** Composed, but the file could not be written. */
  writeError?: string;
}

/** A mail that failed before any of it left: nothing was sent (the Updates retry it). */
export class ComposeError extends Error {
  readonly code = "ECOMPOSE";
}

interface Running {
  worker: Worker;
  /** The mails this worker has in hand; a later worker keeps its own. */
  waiting: Map<number, Waiting>;
  /** Mails to post at the end of this turn of the event loop. */
  outgoing: { id: number; mail?: NodemailerMail; raw?: ComposedMail; file?: string }[];
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
    const own: Running = { worker, waiting: new Map(), outgoing: [] };
    worker.on("message", (replies: Reply[]) => {
      for (const reply of replies) settle(reply);
      if (own.waiting.size === 0) worker.unref();
    });
    function settle(reply: Reply) {
      const entry = own.waiting.get(reply.id);
      own.waiting.delete(reply.id);
      if (!entry) return;
      if (reply.writeError !== undefined) {
        entry.reject(new Error(reply.writeError));
      } else if (reply.error !== undefined || !reply.envelope) {
        entry.reject(new ComposeError(reply.error ?? "the mail could not be composed"));
      } else if (!reply.message) {
        entry.resolve(reply.envelope);
      } else {
        const { buffer, byteOffset, byteLength } = reply.message;
        entry.resolve({
          message: Buffer.from(buffer, byteOffset, byteLength),
          envelope: reply.envelope,
        });
      }
    }
    const lost = (reason: string) => {
      if (running === own) running = null;
      failAll(own, new ComposeError(`the mail composing thread stopped: ${reason}`));
    };
    worker.on("error", (error) => lost(String(error)));
    worker.on("exit", (code) => lost(`exit code ${code}`));
    worker.unref();
    return own;
  }

  function submit(work: { mail: NodemailerMail } | { raw: ComposedMail }, file?: string) {
    running ??= start();
    const target = running;
    const id = nextId++;
    return new Promise<ComposedMail | ComposedMail["envelope"]>((resolve, reject) => {
      target.waiting.set(id, { resolve, reject });
      if (target.outgoing.length === 0) {
        target.worker.ref();
        setImmediate(() => {
          const batch = target.outgoing.splice(0);
          // A worker that stopped meanwhile has failed these already (failAll).
          if (batch.length > 0 && running === target) target.worker.postMessage(batch);
        });
      }
      target.outgoing.push(file === undefined ? { id, ...work } : { id, ...work, file });
    });
  }

  return {
    compose: (mail) => submit({ mail }) as Promise<ComposedMail>,
    composeToFile: (mail, file) => submit({ mail }, file) as Promise<ComposedMail["envelope"]>,
    writeToFile: (raw, file) => submit({ raw }, file) as Promise<ComposedMail["envelope"]>,
    close() {
      const stopping = running;
      running = null;
      if (!stopping) return;
      failAll(stopping, new ComposeError("the mail composer was closed"));
      void stopping.worker.terminate();
    },
  };
}
