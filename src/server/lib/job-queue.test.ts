import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db';
import { startJobQueue, type QueueTiming } from './job-queue';

// Short polling so that a test waits seconds, not the production minute; cron with a seconds field.
const FAST: Partial<QueueTiming> = { pollingSeconds: 0.5, cronCheckSeconds: 1, startDelaySeconds: 0, stopWaitSeconds: 30 };
const quietLog = { warn: (message: string) => process.stderr.write(`${message}\n`) };

describe('the job queue', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('runs a scheduled job by its cron, with the clock it was given', async () => {
    const runs: Date[] = [];
    const at = new Date('2026-06-15T03:00:00Z');
    const queue = await startJobQueue(database, [{ name: 'tick', cron: '* * * * * *', run: (now) => Promise.resolve(runs.push(now)) }], { clock: () => at, log: quietLog, timing: FAST });
    try {
      await vi.waitFor(() => expect(runs.length).toBeGreaterThan(0), { timeout: 20_000, interval: 200 });
      expect(runs[0]).toEqual(at);
    } finally {
      await queue.stop();
    }
  });

  it('waits, when stopped, for a job under way before it returns', async () => {
    const events: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const run = async () => {
      events.push('started');
      await held;
      events.push('finished');
    };
    const queue = await startJobQueue(database, [{ name: 'slow', cron: '0 0 1 1 *', run }], { clock: () => new Date(), log: quietLog, timing: FAST });
    await queue.runSoon('slow');
    await vi.waitFor(() => expect(events).toEqual(['started']), { timeout: 20_000, interval: 100 });
    const stopped = queue.stop().then(() => events.push('stopped'));
    // Let the stop get going before the job may end.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    release();
    await stopped;
    expect(events).toEqual(['started', 'finished', 'stopped']);
  });

  it('reports a failed run and the runs waiting, for the metrics', async () => {
    const failing = () => Promise.reject(new Error('the SMTP server is away'));
    const queue = await startJobQueue(database, [{ name: 'breaks', cron: '0 0 1 1 *', run: failing }], { clock: () => new Date(), log: { warn: () => undefined }, timing: FAST });
    try {
      expect(await queue.stats()).toEqual([{ queue: 'breaks', depth: 0, failed: 0 }]);
      await queue.runSoon('breaks');
      await vi.waitFor(async () => expect(await queue.stats()).toEqual([{ queue: 'breaks', depth: 0, failed: 1 }]), { timeout: 20_000, interval: 200 });
    } finally {
      await queue.stop();
    }
  });

  it('drops a schedule that the configuration no longer has', async () => {
    const first = await startJobQueue(database, [{ name: 'gone', cron: '0 * * * *', run: () => Promise.resolve() }], { clock: () => new Date(), log: quietLog, timing: FAST });
    await first.stop();
    const second = await startJobQueue(database, [], { clock: () => new Date(), log: quietLog, timing: FAST });
    await second.stop();
    const result: unknown = await database.db.execute(sql`select name from pgboss.schedule`);
    expect((result as { rows: { name: string }[] }).rows.map((row) => row.name)).toEqual([]);
  });
});
