import type { Db } from '../../db/client';
import type { Env } from '../../env';
import type { FileStore } from '../../lib/file-store';
import { OCR_PACKAGES } from '../../../shared/documents';
import { configureOcrTools, currentOcrToolStatus, type OcrRunner, type OcrWorkerDeps } from './ocr-jobs.service';

const POLL_MS = 3000;
// Without the tools, whether they have been installed since is asked again this often.
const RECHECK_MS = 5 * 60 * 1000;

type Log = { info: (message: string) => void; warn: (message: string) => void };

// One kind of job the workers run with the OCR tools: claim and run the next due one (false when
// none was due), and requeue those cut off by a stop. main.ts hands them in (document OCR, bulk
// intake), so that this module never imports the modules above it.
export type WorkerJob = { name: string; runNext: (deps: OcrWorkerDeps) => Promise<boolean>; recover: (db: Db, now: Date) => Promise<void> };

export function missingToolsMessage(missing: string[]): string {
  const install = `apt-get install ${OCR_PACKAGES.join(' ')}`;
  return `OCR belum tersedia di server ini (tidak ada: ${missing.join(', ')}); pasang: ${install} / OCR is not available on this server (missing: ${missing.join(', ')}); install: ${install}`;
}

async function recoverAll(db: Db, jobs: WorkerJob[], now: Date): Promise<void> {
  for (const job of jobs) await job.recover(db, now);
}

// One job of each kind in turn, so that a long intake batch does not starve documents' OCR.
async function runEach(jobs: WorkerJob[], deps: OcrWorkerDeps, log: Log): Promise<boolean> {
  let didWork = false;
  for (const job of jobs) {
    const ran = await job.runNext(deps).catch((error: unknown) => {
      log.warn(`${job.name} job failed to run: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    });
    didWork ||= ran;
  }
  return didWork;
}

// `workers` loops, each claiming and running one job at a time; they sleep while nothing is due.
// The returned stop lets a job under way finish, so that the database can be closed after it.
// isSoleProcess: no other process uses the database (PGlite), so a job marked running was cut off.
export function startOcrWorker(deps: { db: Db; files: FileStore; env: Env; log: Log; isSoleProcess: boolean; jobs: WorkerJob[]; clock?: () => Date; ocr?: OcrRunner }): () => Promise<void> {
  configureOcrTools({ ocrmypdf: deps.env.JALIN_OCRMYPDF, tesseract: deps.env.JALIN_TESSERACT });
  const clock = deps.clock ?? (() => new Date());
  const stop = new AbortController();
  let isStopped = false;
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      wakers.add(wake);
    });
  // Once, before any loop claims a job.
  let recovered: Promise<void> | null = null;
  const loop = async () => {
    recovered ??= deps.isSoleProcess ? recoverAll(deps.db, deps.jobs, clock()) : Promise.resolve();
    await recovered;
    while (!isStopped) {
      const status = await currentOcrToolStatus();
      if (!status.isAvailable) {
        await sleep(RECHECK_MS);
        configureOcrTools({ ocrmypdf: deps.env.JALIN_OCRMYPDF, tesseract: deps.env.JALIN_TESSERACT });
        continue;
      }
      const didWork = await runEach(deps.jobs, { db: deps.db, files: deps.files, clock, stopSignal: stop.signal, ...(deps.ocr ? { ocr: deps.ocr } : {}) }, deps.log);
      if (!didWork) await sleep(POLL_MS);
    }
  };
  const loops: Promise<void>[] = [];
  if (deps.env.JALIN_OCR_WORKERS > 0) {
    void currentOcrToolStatus().then((status) => {
      if (status.isAvailable) deps.log.info(`OCR: ${status.version.split('\n')[0] ?? ''}, ${String(deps.env.JALIN_OCR_WORKERS)} at a time`);
      else deps.log.warn(missingToolsMessage(status.missing));
    });
    for (let index = 0; index < deps.env.JALIN_OCR_WORKERS; index += 1) loops.push(loop());
  }
  return async () => {
    isStopped = true;
    stop.abort();
    for (const wake of [...wakers]) wake();
    await Promise.all(loops);
  };
}
