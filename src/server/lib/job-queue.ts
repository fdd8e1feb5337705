import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database, QueueConnection } from '../db/client';
import { QUEUE_SETUP_LOCK_KEYS, withSessionLock } from '../db/migration-lock';

// Scheduled work runs from a job queue kept in the application's own database (pg-boss;
// docs/decisions/0035-job-queue.md). A schedule fires once per period across all processes that
// share a PostgreSQL database: pg-boss lets one process at a time read the schedules, and a
// queue with the 'stately' policy holds at most one job waiting and one running. A job may still
// run twice in rare cases (a process dies mid-run, the job expires and is retried), so what a job
// changes is claimed in the database by the job itself (reminder stages, digest_runs, backup lock).

export type ScheduledJob = {
  name: string;
  // When, as cron in UTC ('0 * * * *' = every hour on the hour).
  cron: string;
  run: (now: Date) => Promise<unknown>;
  // Also run once shortly after start: a period missed while no process was up is made up then.
  isRunAtStart?: boolean;
  // How long one run may take before the queue counts it lost and offers it again.
  expireInMinutes?: number;
};

// Production defaults suit jobs that run hourly; tests shorten them (they are not sleeps).
export type QueueTiming = { pollingSeconds: number; cronCheckSeconds: number; startDelaySeconds: number; stopWaitSeconds: number };
const DEFAULT_TIMING: QueueTiming = { pollingSeconds: 10, cronCheckSeconds: 30, startDelaySeconds: 60, stopWaitSeconds: 120 };

type Log = { warn: (message: string) => void };

export type JobQueue = {
  // Queues one run of a scheduled job now, beside its schedule (tests run a job without waiting for its cron).
  runSoon: (name: string) => Promise<void>;
  // Per scheduled job: runs waiting (created or to be retried) and runs that failed, for /metrics.
  stats: () => Promise<{ queue: string; depth: number; failed: number }[]>;
  // Stops taking jobs and waits for the ones under way, so that the database can be closed after it.
  stop: () => Promise<void>;
};

const SCHEMA = 'pgboss';

// PGlite is one connection in this process: the queue shares it. A text with no values may hold
// several statements (pg-boss's schema), which only PGlite's exec runs.
function queueDatabase(connection: QueueConnection): ConstructorParameters<typeof PgBoss>[0] {
  if (connection.kind === 'postgres') return { connectionString: connection.connectionString, max: 2, application_name: 'jalin-jobs', schema: SCHEMA };
  const { client } = connection;
  const executeSql = async (text: string, values?: unknown[]) => {
    if (values && values.length > 0) return client.query(text, values);
    const results = await client.exec(text);
    return results.at(-1) ?? { rows: [] };
  };
  return { db: { executeSql }, schema: SCHEMA };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function register(boss: PgBoss, job: ScheduledJob, timing: QueueTiming, options: { clock: () => Date; log: Log }): Promise<void> {
  await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 0, expireInSeconds: (job.expireInMinutes ?? 15) * 60 });
  await boss.schedule(job.name, job.cron, {}, { singletonKey: job.name });
  await boss.work(job.name, { pollingIntervalSeconds: timing.pollingSeconds, batchSize: 1 }, async () => {
    try {
      await job.run(options.clock());
    } catch (error) {
      // Written out, then failed in the queue; the next period runs it again.
      options.log.warn(`${job.name} failed: ${describe(error)}`);
      throw error;
    }
  });
  if (job.isRunAtStart) await boss.send(job.name, {}, { singletonKey: job.name, startAfter: timing.startDelaySeconds });
}

// pg-boss creates its tables, and a table partition per queue, without a lock of its own: several
// processes starting together on an empty database deadlocked on them. One process at a time sets
// up; the others then find everything in place. PGlite is one process: nothing to wait for.
async function setUpOnce(connection: QueueConnection, setUp: () => Promise<void>): Promise<void> {
  if (connection.kind !== 'postgres') return setUp();
  const pool = new pg.Pool({ connectionString: connection.connectionString, max: 1, application_name: 'jalin-jobs-setup' });
  try {
    await withSessionLock(pool, QUEUE_SETUP_LOCK_KEYS, setUp);
  } finally {
    await pool.end();
  }
}

export async function startJobQueue(
  database: Pick<Database, 'queue'>,
  jobs: ScheduledJob[],
  options: { clock: () => Date; log: Log; timing?: Partial<QueueTiming> },
): Promise<JobQueue> {
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const boss = new PgBoss({
    ...queueDatabase(database.queue),
    cronMonitorIntervalSeconds: timing.cronCheckSeconds,
    // How often the schedule's due jobs are moved to their queues (pg-boss takes 1 to 45 s).
    cronWorkerIntervalSeconds: Math.min(Math.max(timing.pollingSeconds, 1), 45),
    // The queue's own bookkeeping (expiring lost jobs, deleting old ones) once a minute is enough.
    maintenanceIntervalSeconds: 60,
  });
  boss.on('error', (error: unknown) => {
    options.log.warn(`job queue: ${describe(error)}`);
  });
  await setUpOnce(database.queue, async () => {
    await boss.start();
    const names = new Set(jobs.map((job) => job.name));
    // A schedule left from an earlier configuration (backups turned off) must not keep firing.
    for (const schedule of await boss.getSchedules()) if (!names.has(schedule.name)) await boss.unschedule(schedule.name);
    for (const job of jobs) await register(boss, job, timing, options);
  });
  return {
    async runSoon(name) {
      await boss.send(name, {}, { singletonKey: name });
    },
    async stats() {
      const failedRows: { rows: { name: string; failed: number }[] } = await boss.getDb().executeSql(`select name, count(*)::int as failed from ${SCHEMA}.job where state = 'failed' group by name`, []);
      const failed = new Map(failedRows.rows.map((row) => [row.name, row.failed]));
      return Promise.all(jobs.map(async (job) => ({ queue: job.name, depth: await boss.getQueueSize(job.name), failed: failed.get(job.name) ?? 0 })));
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: timing.stopWaitSeconds * 1000 });
    },
  };
}
