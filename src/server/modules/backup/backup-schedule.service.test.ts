import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { TEST_DB_KIND, createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db';
import { parseEnv, type Env } from '../../env';
import { createLocalFileStore, type FileStore } from '../../lib/file-store';
import { startS3Server, type S3TestServer } from '../../lib/s3-server.test-support';
import { archiveName, backupScheduleOf, runScheduledBackup, slotStart } from './backup-schedule.service';
import { verifyArchive } from './backup-verify.service';

describe('scheduled backups', () => {
  let database: TestDatabase;
  let files: FileStore;
  let work: string;

  const envFor = (dir: string, keep: number): Env =>
    parseEnv({ JALIN_DATA_DIR: path.join(work, 'data'), DATABASE_URL: database.url, JALIN_BACKUP_DIR: dir, JALIN_BACKUP_KEEP: String(keep) });

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'jalin-backup-schedule-'));
    database = await createTestDatabase();
    files = createLocalFileStore(path.join(work, 'files'));
    await buildUser(database.db, { role: 'admin' });
    await files.put('documents/satu.pdf', Buffer.from('%PDF-1.4 satu'));
  }, 120_000);

  afterAll(async () => {
    await database.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('counts daily slots from midnight in Ternate (WIT)', () => {
    expect(slotStart(new Date('2026-06-01T14:59:00Z'), 24).toISOString()).toBe('2026-05-31T15:00:00.000Z');
    expect(slotStart(new Date('2026-06-01T15:00:00Z'), 24).toISOString()).toBe('2026-06-01T15:00:00.000Z');
    expect(slotStart(new Date('2026-06-01T16:30:00Z'), 6).toISOString()).toBe('2026-06-01T15:00:00.000Z');
    expect(archiveName(new Date('2026-06-01T15:00:00Z'))).toBe('jalin-backup-20260601T150000Z.tar');
  });

  it('is off without JALIN_BACKUP_DIR and defaults to one a day, seven kept', () => {
    expect(backupScheduleOf(parseEnv({}))).toBeNull();
    expect(backupScheduleOf(parseEnv({ JALIN_BACKUP_DIR: '/var/backups/jalin' }))).toEqual({ dir: '/var/backups/jalin', bucket: null, intervalHours: 24, keep: 7 });
    expect(() => parseEnv({ JALIN_BACKUP_DIR: 's3://Ember_Salah' })).toThrow(/JALIN_BACKUP_DIR/);
    expect(() => parseEnv({ JALIN_BACKUP_KEEP: '0' })).toThrow(/JALIN_BACKUP_KEEP/);
  });

  it('takes one archive per slot and keeps the newest N, deleting only its own archives', async () => {
    const dir = path.join(work, 'keep');
    const env = envFor(dir, 2);
    const schedule = backupScheduleOf(env);
    if (!schedule) throw new Error('schedule expected');
    const run = (at: string) => runScheduledBackup({ database, files, env, now: new Date(at) }, schedule);
    expect((await run('2026-06-01T16:00:00Z')).status).toBe('created');
    expect((await run('2026-06-02T10:00:00Z')).status).toBe('exists');
    writeFileSync(path.join(dir, 'catatan.txt'), 'tetap di sini');
    expect((await run('2026-06-02T16:00:00Z')).status).toBe('created');
    const third = await run('2026-06-03T16:00:00Z');
    expect(third).toMatchObject({ status: 'created', removed: ['jalin-backup-20260601T150000Z.tar'] });
    expect(readdirSync(dir).sort()).toEqual(['catatan.txt', 'jalin-backup-20260602T150000Z.tar', 'jalin-backup-20260603T150000Z.tar']);
  }, 120_000);

  it('clears what a run that died left half-written, once it is older than one interval', async () => {
    const dir = path.join(work, 'partials');
    mkdirSync(dir);
    const stale = '.jalin-backup-20260601T150000Z.tar.0a1b2c.partial';
    const recent = '.jalin-backup-20260602T150000Z.tar.3d4e5f.partial.db';
    writeFileSync(path.join(dir, stale), 'separuh');
    writeFileSync(path.join(dir, recent), 'separuh');
    utimesSync(path.join(dir, stale), new Date('2026-06-01T15:30:00Z'), new Date('2026-06-01T15:30:00Z'));
    utimesSync(path.join(dir, recent), new Date('2026-06-02T15:30:00Z'), new Date('2026-06-02T15:30:00Z'));
    const env = envFor(dir, 7);
    const schedule = backupScheduleOf(env);
    if (!schedule) throw new Error('schedule expected');
    await runScheduledBackup({ database, files, env, now: new Date('2026-06-02T16:00:00Z') }, schedule);
    expect(readdirSync(dir).sort()).toEqual([recent, 'jalin-backup-20260602T150000Z.tar']);
  }, 120_000);

  describe('into a bucket (JALIN_BACKUP_DIR=s3://bucket/prefix)', () => {
    let s3: S3TestServer;
    beforeAll(async () => {
      s3 = await startS3Server();
    }, 60_000);
    afterAll(async () => {
      await s3.stop();
    });

    it('stores each slot\'s archive in the bucket, whole and verifiable, and keeps the newest N there', async () => {
      const { JALIN_STORAGE_URL: _documentsStayLocal, ...bucketAccess } = s3.env;
      const env = parseEnv({ ...bucketAccess, JALIN_DATA_DIR: path.join(work, 'data'), DATABASE_URL: database.url, JALIN_BACKUP_DIR: `s3://${s3.bucket}/cadangan`, JALIN_BACKUP_KEEP: '2' });
      const schedule = backupScheduleOf(env);
      if (!schedule?.bucket) throw new Error('a bucket schedule expected');
      const run = (at: string) => runScheduledBackup({ database, files, env, now: new Date(at) }, schedule);
      // Something else under the same prefix is never touched.
      await schedule.bucket.put('catatan.txt', Buffer.from('tetap di sini'));
      expect(await run('2026-06-01T16:00:00Z')).toMatchObject({ status: 'created', file: `s3://${s3.bucket}/cadangan/jalin-backup-20260601t150000z.tar` });
      expect((await run('2026-06-02T10:00:00Z')).status).toBe('exists');
      expect((await run('2026-06-02T16:00:00Z')).status).toBe('created');
      expect(await run('2026-06-03T16:00:00Z')).toMatchObject({ status: 'created', removed: ['jalin-backup-20260601t150000z.tar'] });
      const keys: string[] = [];
      for await (const key of schedule.bucket.list()) keys.push(key);
      expect(keys.sort()).toEqual(['catatan.txt', 'jalin-backup-20260602t150000z.tar', 'jalin-backup-20260603t150000z.tar']);
      // Nothing left behind on this machine, and the archive read back from the bucket verifies.
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith('jalin-backup-run-'))).toEqual([]);
      const copy = path.join(work, 'dari-bucket.tar');
      writeFileSync(copy, await schedule.bucket.get('jalin-backup-20260603t150000z.tar'));
      const manifest = await verifyArchive(copy);
      expect(manifest.entries.map((entry) => entry.path)).toContain('files/documents/satu.pdf');
    }, 120_000);
  });

  if (TEST_DB_KIND === 'postgres') {
    it('skips the slot while another process holds the backup lock (PostgreSQL)', async () => {
      const dir = path.join(work, 'lock');
      const env = envFor(dir, 7);
      const schedule = backupScheduleOf(env);
      if (!schedule) throw new Error('schedule expected');
      const other = new pg.Client({ connectionString: database.url });
      await other.connect();
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(19020, 1)');
      const now = new Date('2026-06-01T16:00:00Z');
      expect((await runScheduledBackup({ database, files, env, now }, schedule)).status).toBe('busy');
      await other.query('ROLLBACK');
      await other.end();
      expect((await runScheduledBackup({ database, files, env, now }, schedule)).status).toBe('created');
    }, 120_000);
  }
});
