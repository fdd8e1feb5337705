import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/client';
import type { Env } from '../../env';
import type { FileStore } from '../../lib/file-store';
import { tryBackupLock } from './backup.repository';
import { createBackup } from './backup.service';

// Scheduled backups: one archive per slot of JALIN_BACKUP_INTERVAL_HOURS, named by the slot, the
// newest JALIN_BACKUP_KEEP kept. Slots are counted from midnight in Ternate (WIT, UTC+9), so the
// daily backup is taken at night. The job queue checks every hour (background-jobs.ts); the first
// check in a slot takes its archive, and one shortly after start makes up a slot missed while down.

const HOUR_MS = 60 * 60 * 1000;
const SLOT_ORIGIN_MS = -9 * HOUR_MS;
const ARCHIVE_NAME = /^jalin-backup-\d{8}T\d{6}Z\.tar$/;
const PARTIAL_NAME = /^\.jalin-backup-\d{8}T\d{6}Z\.tar\.[0-9a-f]+\.partial(\.db)?$/;

export type BackupSchedule = { dir: string; intervalHours: number; keep: number };
export type ScheduledRun = { status: 'created' | 'exists' | 'busy'; file: string; removed: string[] };
type ScheduleCtx = { database: Database; files: FileStore; env: Env };

export function backupScheduleOf(env: Env): BackupSchedule | null {
  if (!env.JALIN_BACKUP_DIR) return null;
  return { dir: env.JALIN_BACKUP_DIR, intervalHours: env.JALIN_BACKUP_INTERVAL_HOURS, keep: env.JALIN_BACKUP_KEEP };
}

export function slotStart(now: Date, intervalHours: number): Date {
  const interval = intervalHours * HOUR_MS;
  return new Date(Math.floor((now.getTime() - SLOT_ORIGIN_MS) / interval) * interval + SLOT_ORIGIN_MS);
}

export function archiveName(slot: Date): string {
  return `jalin-backup-${slot.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}.tar`;
}

// Only archives this schedule named are ever deleted, and only once a newer one is complete.
async function pruneArchives(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => ARCHIVE_NAME.test(name)).sort().reverse();
  const removed = names.slice(keep);
  for (const name of removed) await rm(path.join(dir, name), { force: true });
  return removed;
}

// What a run that died (power cut, killed process) left half-written. A partial older than one
// interval belongs to no run still going: a run takes minutes, an interval at least an hour.
async function removeStalePartials(dir: string, now: Date, intervalHours: number): Promise<void> {
  for (const name of (await readdir(dir)).filter((entry) => PARTIAL_NAME.test(entry))) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && now.getTime() - info.mtime.getTime() > intervalHours * HOUR_MS) await rm(file, { force: true });
  }
}

// On PostgreSQL several processes may run the schedule; the advisory lock lets one of them
// take a slot's backup while the others skip it, and the archive's name tells a process that
// comes later that the slot is done (when they share the backup directory).
async function withBackupLock(database: Database, work: () => Promise<ScheduledRun>, busy: ScheduledRun): Promise<ScheduledRun> {
  if (database.kind === 'pglite') return work();
  return database.db.transaction(async (tx) => ((await tryBackupLock(tx)) ? work() : busy));
}

export async function runScheduledBackup(ctx: ScheduleCtx & { now: Date }, schedule: BackupSchedule): Promise<ScheduledRun> {
  const file = path.join(schedule.dir, archiveName(slotStart(ctx.now, schedule.intervalHours)));
  await mkdir(schedule.dir, { recursive: true });
  return withBackupLock(
    ctx.database,
    async () => {
      const done = await stat(file).then(() => true, () => false);
      if (done) return { status: 'exists', file, removed: [] };
      await removeStalePartials(schedule.dir, ctx.now, schedule.intervalHours);
      await createBackup(ctx, { out: file });
      return { status: 'created', file, removed: await pruneArchives(schedule.dir, schedule.keep) };
    },
    { status: 'busy', file, removed: [] },
  );
}
