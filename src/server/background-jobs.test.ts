import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildUnit } from '../../tests/support/builders';
import { buildAgreement } from '../../tests/support/registry-builders';
import { caller, signInRoles } from '../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import type { PackageView } from '../shared/dissemination';
import { scheduledJobs, startBackgroundJobs } from './background-jobs';
import { selectRows } from './db/bulk-sql';
import { openPostgres, type Database } from './db/client';
import { localDate } from './lib/context';
import { parseEnv } from './env';
import { memoryFileStore } from '../../tests/support/test-ctx';
import { createTestDatabase } from '../../tests/support/test-db';
import { startJobQueue, type JobQueue, type QueueTiming } from './lib/job-queue';
import { deliverMail, mailSettingsOf, queueMail } from './modules/mail/mail.service';
import { outbox } from './modules/mail/mail.table';
import { startSmtpSink, type SmtpSink } from './modules/mail/smtp-sink.test-support';
import { settings } from './modules/settings/settings.table';

const FAST: Partial<QueueTiming> = { pollingSeconds: 0.5, cronCheckSeconds: 1, startDelaySeconds: 0, stopWaitSeconds: 30 };
const DAY_MS = 86_400_000;
const log = { info: () => undefined, warn: (message: string) => process.stderr.write(`${message}\n`) };

// Jobs of a queue not yet done (waiting, retrying or running).
async function unfinishedJobs(database: Database, name: string): Promise<number> {
  const result: unknown = await database.db.execute(sql`select count(*)::int as n from pgboss.job where name = ${name} and state in ('created', 'retry', 'active')`);
  return (result as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

describe('background jobs on the job queue', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const call = caller(() => t.app);

  it('mails a due dissemination reminder once, with three processes running the queue on one database', async () => {
    const { admin, tkksd } = await signInRoles(t);
    const quiet = await buildUnit(t.database.db);
    const { user } = await t.loginAs('opd', { unitId: quiet.id });
    await t.database.db.insert(settings).values({ key: 'dissemination_reminder_days', value: 3 }).onConflictDoUpdate({ target: settings.key, set: { value: 3 } });
    const agreement = await buildAgreement(t.database.db, { title: 'Kerja Sama Pengingat Antrean', onPortal: true });
    const saved = await call('PUT', `/api/agreements/${agreement.id}/dissemination`, admin, {
      summaryWhat: 'Pelatihan pengelolaan pasar bagi pegawai dinas.',
      summaryWithWhom: 'Pemerintah Kota Tidore',
      summaryUntil: 'Sampai 31 Desember 2028',
      summaryWhy: 'Pasar lebih tertib.',
      tasks: [{ unitId: quiet.id, commitment: 'Menyusun jadwal pelatihan' }],
      opportunities: [],
      publicDocumentIds: [],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call('POST', `/api/agreements/${agreement.id}/dissemination/transition`, tkksd, { action: 'submit', version: 1 })).statusCode).toBe(200);
    const published = await call('POST', `/api/agreements/${agreement.id}/dissemination/transition`, admin, { action: 'publish', version: 2 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<PackageView>().recipients).toHaveLength(1);
    const reminders = () => sink.mails.filter((mail) => mail.to.includes(user.email) && mail.subject.startsWith('Pengingat paket diseminasi'));
    // Three processes: on PostgreSQL three pools on the test's database; on PGlite the one connection three times.
    const connection = t.database.queue;
    const others = connection.kind === 'postgres' ? [openPostgres(connection.connectionString, { max: 2 }), openPostgres(connection.connectionString, { max: 2 })] : [t.database, t.database];
    const handles = [t.database, ...others];
    const due = new Date(t.clock.now.getTime() + 3.1 * DAY_MS);
    const queues: JobQueue[] = [];
    try {
      for (const database of handles) {
        const jobs = scheduledJobs({ database, env: t.env, files: t.files, clock: () => due });
        queues.push(await startJobQueue(database, jobs, { clock: () => due, log, timing: FAST }));
      }
      // Each process also asks for a run at once, as after a start or on the hour.
      await Promise.all(queues.map((queue) => queue.runSoon('reminders')));
      await vi.waitFor(() => expect(reminders()).toHaveLength(1), { timeout: 30_000, interval: 200 });
      await vi.waitFor(async () => expect(await unfinishedJobs(t.database, 'reminders')).toBe(0), { timeout: 30_000, interval: 200 });
    } finally {
      await Promise.all(queues.map((queue) => queue.stop()));
      for (const other of others) if (other !== t.database) await other.close();
    }
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]?.subject).toBe('Pengingat paket diseminasi: Kerja Sama Pengingat Antrean');
  });

  it('tries a mail the SMTP server refused again after its backoff, and it lands once', async () => {
    const ctx = { db: t.database.db, mail: mailSettingsOf(t.env), now: t.clock.now };
    const id = await queueMail(ctx, { to: 'kepala.bagian@ternate.go.id', subject: 'Surat yang tertunda', text: 'Isi surat.' });
    sink.setRefusing(true);
    try {
      await deliverMail(ctx, [id]);
    } finally {
      sink.setRefusing(false);
    }
    const [refused] = await t.database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(refused).toMatchObject({ status: 'pending', attempts: 1 });
    expect(refused?.lastError).toContain('451');
    const landed = () => sink.mails.filter((mail) => mail.subject === 'Surat yang tertunda');
    expect(landed()).toHaveLength(0);
    // Five minutes later (the first backoff) the mail-retry job sends it.
    const later = new Date(t.clock.now.getTime() + 6 * 60_000);
    const queue = await startJobQueue(t.database, scheduledJobs({ database: t.database, env: t.env, files: t.files, clock: () => later }), { clock: () => later, log, timing: FAST });
    try {
      await queue.runSoon('mail-retry');
      await vi.waitFor(async () => expect((await t.database.db.select().from(outbox).where(eq(outbox.id, id)))[0]?.status).toBe('sent'), { timeout: 30_000, interval: 200 });
      await queue.runSoon('mail-retry');
      await vi.waitFor(async () => expect(await unfinishedJobs(t.database, 'mail-retry')).toBe(0), { timeout: 30_000, interval: 200 });
    } finally {
      await queue.stop();
    }
    expect(landed()).toHaveLength(1);
    expect((await t.database.db.select().from(outbox).where(eq(outbox.id, id)))[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('derives the stored health for a new day in the health job, so that no reader waits for it', async () => {
    const refreshedOn = async () => (await selectRows<{ as_of: string }>(t.database.db, sql`SELECT as_of::text AS as_of FROM agreement_health_refresh WHERE id = 1`))[0]?.as_of ?? null;
    const tomorrow = new Date(t.clock.now.getTime() + DAY_MS);
    expect(await refreshedOn()).not.toBe(localDate(tomorrow));
    const queue = await startJobQueue(t.database, scheduledJobs({ database: t.database, env: t.env, files: t.files, clock: () => tomorrow }), { clock: () => tomorrow, log, timing: FAST });
    try {
      await queue.runSoon('health');
      await vi.waitFor(async () => expect(await refreshedOn()).toBe(localDate(tomorrow)), { timeout: 30_000, interval: 200 });
    } finally {
      await queue.stop();
    }
  });

  it("counts the day's lists in the registry-counts job and stores them for every process", async () => {
    // A day no earlier test's queue has seen (a queue runs this job at its start too).
    const later = new Date(t.clock.now.getTime() + 5 * DAY_MS);
    const storedFor = async (day: string) => (await selectRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM register_kept_counts WHERE key LIKE ${`%|${day}|%`}`))[0]?.n ?? 0;
    expect(await storedFor(localDate(later))).toBe(0);
    const queue = await startJobQueue(t.database, scheduledJobs({ database: t.database, env: t.env, files: t.files, clock: () => later }), { clock: () => later, log, timing: FAST });
    try {
      await queue.runSoon('registry-counts');
      await vi.waitFor(async () => expect(await storedFor(localDate(later))).toBeGreaterThan(1), { timeout: 30_000, interval: 200 });
    } finally {
      await queue.stop();
    }
  });
});

describe('a process started with JALIN_JOBS=0', () => {
  it('starts no job queue and no OCR, so that it serves HTTP only', async () => {
    const database = await createTestDatabase();
    try {
      const env = parseEnv({ NODE_ENV: 'test', JALIN_JOBS: '0' });
      const stop = await startBackgroundJobs({ database, env, files: memoryFileStore(), clock: () => new Date(), log });
      await stop();
      const result: unknown = await database.db.execute(sql`select count(*)::int as n from information_schema.schemata where schema_name = 'pgboss'`);
      expect((result as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    } finally {
      await database.close();
    }
  });
});
