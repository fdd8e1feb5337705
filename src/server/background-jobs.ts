import type { Database } from './db/client';
import type { Env } from './env';
import { buildCtx } from './lib/context';
import type { FileStore } from './lib/file-store';
import { startJobQueue, type QueueTiming, type ScheduledJob } from './lib/job-queue';
import { registerJobQueueMetrics, type AppMetrics } from './lib/metrics';
import { ensureHealthFresh } from './modules/agreement-health/agreement-health.service';
import { backupScheduleOf, runScheduledBackup } from './modules/backup/backup-schedule.service';
import { runMonthlyDigest } from './modules/digest/digest.service';
import { runDisseminationReminders } from './modules/dissemination/dissemination-reminders.service';
import { startOcrWorker } from './modules/documents/ocr.schedule';
import { recoverInterruptedOcr, runNextOcrJob } from './modules/documents/ocr-jobs.service';
import { recoverInterruptedIntake, runNextIntakeFile } from './modules/intake/intake-read.service';
import { mailSettingsOf, retryPendingMail } from './modules/mail/mail.service';
import { runReportReminders } from './modules/realisation/report-reminders.service';
import { keepRegisterCounts, removeOldChanges } from './modules/search/search.service';
import { runExpiryAlerts } from './modules/renewal/expiry-alerts.service';

type Log = { info: (message: string) => void; warn: (message: string) => void };
export type BackgroundDeps = { database: Database; env: Env; files: FileStore; clock: () => Date; log: Log };

// The server's scheduled work. Each job sends or writes what is due once: the database claims
// say so (reminder stages, digest_runs, the outbox's next attempt, the backup lock and archive name).
export function scheduledJobs(deps: Omit<BackgroundDeps, 'log'>): ScheduledJob[] {
  const { database, env, files } = deps;
  const ctxAt = (now: Date) => buildCtx({ env, files }, { db: database.db, now });
  const jobs: ScheduledJob[] = [
    {
      // Dissemination reminders, expiry alerts, report reminders.
      name: 'reminders',
      cron: '0 * * * *',
      isRunAtStart: true,
      run: async (now) => {
        await runDisseminationReminders(ctxAt(now));
        await runExpiryAlerts(ctxAt(now));
        await runReportReminders(ctxAt(now));
      },
    },
    // The pimpinan's monthly digest: checked hourly, sent at the first check from the digest day (settings).
    { name: 'digest', cron: '5 * * * *', isRunAtStart: true, run: (now) => runMonthlyDigest(ctxAt(now)) },
    { name: 'mail-retry', cron: '* * * * *', run: (now) => retryPendingMail({ db: database.db, mail: mailSettingsOf(env), now }) },
    // The register's stored health, derived again for the new day in its first hour, so that the
    // first reader of the day does not wait for the whole register (agreement-health.service.ts).
    { name: 'health', cron: '2 * * * *', isRunAtStart: true, run: (now) => ensureHealthFresh({ db: database.db, now }) },
    // The register's counts for the day, stored for every process's first list (search.service.ts).
    { name: 'registry-counts', cron: '4 * * * *', isRunAtStart: true, run: (now) => keepRegisterCounts({ db: database.db, now }) },
    // The register's changes older than a day, which kept counts no longer need (search-cache.service.ts).
    { name: 'registry-changes', cron: '20 * * * *', run: (now) => removeOldChanges(database.db, now) },
  ];
  const backups = backupScheduleOf(env);
  // Checked hourly: the slot's archive is made at the first check in its slot (backup-schedule.service.ts).
  if (backups) jobs.push({ name: 'backup', cron: '0 * * * *', isRunAtStart: true, expireInMinutes: 120, run: (now) => runScheduledBackup({ database, files, env, now }, backups) });
  return jobs;
}

// Scans are OCR'd by their own loops, which claim rows of ocr_jobs and intake_files (domain state
// the UI shows; docs/decisions/0024-ocr-jobs.md and 0035-job-queue.md say why not queue jobs).
function startScanWorkers(deps: BackgroundDeps): () => Promise<void> {
  const jobs = [
    { name: 'OCR', runNext: runNextOcrJob, recover: recoverInterruptedOcr },
    { name: 'Intake', runNext: runNextIntakeFile, recover: recoverInterruptedIntake },
  ];
  return startOcrWorker({ db: deps.database.db, files: deps.files, env: deps.env, isSoleProcess: deps.database.kind === 'pglite', jobs, log: deps.log, clock: deps.clock });
}

// Starts the job queue and the scan workers; the returned stop waits for work under way, so that
// the database can be closed after it. JALIN_JOBS=0: this process serves HTTP only.
// `metrics`: the app's registry, which then reports the queue's depth and failures.
export async function startBackgroundJobs(deps: BackgroundDeps, options: { timing?: Partial<QueueTiming>; metrics?: AppMetrics | null } = {}): Promise<() => Promise<void>> {
  if (!deps.env.JALIN_JOBS) {
    deps.log.info('JALIN_JOBS=0: tugas terjadwal tidak dijalankan di proses ini / scheduled jobs do not run in this process');
    return () => Promise.resolve();
  }
  const queue = await startJobQueue(deps.database, scheduledJobs(deps), { clock: deps.clock, log: deps.log, ...(options.timing ? { timing: options.timing } : {}) });
  registerJobQueueMetrics(options.metrics ?? null, () => queue.stats());
  const stopScans = startScanWorkers(deps);
  return async () => {
    await Promise.all([queue.stop(), stopScans()]);
  };
}
