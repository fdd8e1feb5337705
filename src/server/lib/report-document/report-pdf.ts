import { Worker } from 'node:worker_threads';
import type { ReportDocument } from './report-document';
import { pdfDefinition } from './report-pdf-definition';

// From the sources the worker is pdf-worker.mjs beside this file; the build copies it next to
// main.js and cli.js as report-pdf-worker.js (scripts/build.mjs).
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./pdf-worker.mjs', import.meta.url) : new URL('./report-pdf-worker.js', import.meta.url);

type WorkerReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

// One worker per document: a report is rare, and a worker that ends frees all pdfmake held.
export function renderPdf(doc: ReportDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { definition: pdfDefinition(doc), footerText: doc.title } });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      else reject(new Error(`PDF tidak dapat dibuat / the PDF could not be made: ${reply.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`PDF worker stopped (${String(code)}) before it answered`));
    });
  });
}
