import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../../db/client';
import { backupBucketOf, type Env } from '../../env';
import type { FileStore } from '../../lib/file-store';
import { createS3FileStore } from '../../lib/s3-file-store';
import { tryBackupLock } from './backup.repository';
import { createBackup } from './backup.service';

// Scheduled backups: one archive per slot of JALIN_BACKUP_INTERVAL_HOURS, named by the slot, the
// newest JALIN_BACKUP_KEEP kept. Slots are counted from midnight in Ternate (WIT, UTC+9), so the
// daily backup is taken at night. The job queue checks every hour (background-jobs.ts); the first
// check in a slot takes its archive, and one shortly after start makes up a slot missed while down.

const HOUR_MS = 60 * 60 * 1000;
const SLOT_ORIGIN_MS = -9 * HOUR_MS;
// Case-blind: in a bucket the name is lower case, as every stored key is (file-store.ts).
const ARCHIVE_NAME = /^jalin-backup-\d{8}T\d{6}Z\.tar$/i;
const PARTIAL_NAME = /^\.jalin-backup-\d{8}T\d{6}Z\.tar\.[0-9a-f]+\.partial(\.db)?$/;

// Where the archives go: a directory, or a bucket (JALIN_BACKUP_DIR=s3://bucket/prefix).
export type BackupSchedule = { dir: string; bucket: FileStore | null; intervalHours: number; keep: number };
// `file`: the archive's path, or its place in the bucket (s3://bucket/prefix/name).
export type ScheduledRun = { status: 'created' | 'exists' | 'busy'; file: string; removed: string[] };
type ScheduleCtx = { database: Database; files: FileStore; env: Env };

export function backupScheduleOf(env: Env): BackupSchedule | null {
  if (!env.JALIN_BACKUP_DIR) return null;
  const bucket = backupBucketOf(env);
  return { dir: env.JALIN_BACKUP_DIR, bucket: bucket && createS3FileStore(bucket), intervalHours: env.JALIN_BACKUP_INTERVAL_HOURS, keep: env.JALIN_BACKUP_KEEP };
}

export function slotStart(now: Date, intervalHours: number): Date {
  const interval = intervalHours * HOUR_MS;
  return new Date(Math.floor((now.getTime() - SLOT_ORIGIN_MS) / interval) * interval + SLOT_ORIGIN_MS);
}

export function archiveName(slot: Date): string {
  return `jalin-backup-${slot.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}.tar`;
}

// What the schedule needs of where its archives go.
type Destination = {
  placeOf: (name: string) => string;
  has: (name: string) => Promise<boolean>;
  // Builds the archive with `build` (given a path to write) and stores it under `name`.
  store: (name: string, build: (file: string) => Promise<void>) => Promise<void>;
  names: () => Promise<string[]>;
  remove: (name: string) => Promise<void>;
  clearStale: (now: Date, intervalHours: number) => Promise<void>;
};

function directoryDestination(dir: string): Destination {
  return {
    placeOf: (name) => path.join(dir, name),
    has: (name) => stat(path.join(dir, name)).then(() => true, () => false),
    store: async (name, build) => {
      await mkdir(dir, { recursive: true });
      await build(path.join(dir, name));
    },
    names: async () => readdir(dir).catch(() => []),
    remove: (name) => rm(path.join(dir, name), { force: true }),
    clearStale: async (now, intervalHours) => {
      await mkdir(dir, { recursive: true });
      await removeStalePartials(dir, now, intervalHours);
    },
  };
}

// The archive is built in a temporary directory of this machine, then streamed into the bucket
// (a multipart upload: an archive is only there once whole) and the local copy removed.
function bucketDestination(bucket: FileStore): Destination {
  const keyOf = (name: string) => name.toLowerCase();
  return {
    placeOf: (name) => `${bucket.location}/${keyOf(name)}`,
    has: (name) => bucket.exists(keyOf(name)),
    store: async (name, build) => {
      const work = await mkdtemp(path.join(tmpdir(), 'jalin-backup-run-'));
      try {
        const file = path.join(work, name);
        await build(file);
        await bucket.putStream(keyOf(name), createReadStream(file));
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
    names: async () => {
      const names: string[] = [];
      for await (const key of bucket.list()) names.push(key);
      return names;
    },
    remove: (name) => bucket.remove(name),
    // A run that died leaves only its temporary directory, which the machine's tmp clearing takes,
    // and perhaps an unfinished multipart upload, which a bucket lifecycle rule removes (docs/deploy.md).
    clearStale: async () => {},
  };
}

// Only archives this schedule named are ever deleted, and only once a newer one is complete.
async function pruneArchives(destination: Destination, keep: number): Promise<string[]> {
  const names = (await destination.names()).filter((name) => ARCHIVE_NAME.test(name)).sort().reverse();
  const removed = names.slice(keep);
  for (const name of removed) await destination.remove(name);
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
// comes later that the slot is done (when they share the backup directory or bucket).
async function withBackupLock(database: Database, work: () => Promise<ScheduledRun>, busy: ScheduledRun): Promise<ScheduledRun> {
  if (database.kind === 'pglite') return work();
  return database.db.transaction(async (tx) => ((await tryBackupLock(tx)) ? work() : busy));
}

export async function runScheduledBackup(ctx: ScheduleCtx & { now: Date }, schedule: BackupSchedule): Promise<ScheduledRun> {
  const destination = schedule.bucket ? bucketDestination(schedule.bucket) : directoryDestination(schedule.dir);
  const name = archiveName(slotStart(ctx.now, schedule.intervalHours));
  const file = destination.placeOf(name);
  return withBackupLock(
    ctx.database,
    async () => {
      if (await destination.has(name)) return { status: 'exists', file, removed: [] };
      await destination.clearStale(ctx.now, schedule.intervalHours);
      await destination.store(name, (out) => createBackup(ctx, { out }).then(() => undefined));
      return { status: 'created', file, removed: await pruneArchives(destination, schedule.keep) };
    },
    { status: 'busy', file, removed: [] },
  );
}
