import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { storedFileHashes, tableRows } from '../../../../tests/support/table-rows';
import { TEST_DB_KIND, createEmptyPostgres, createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db';
import { migrateDatabase, openPglite, openPostgres, type Database } from '../../db/client';
import { loadDemo } from '../../demo/load-demo';
import { parseEnv, storageDir, type Env } from '../../env';
import { AppError } from '../../lib/errors';
import { createLocalFileStore, type FileStore } from '../../lib/file-store';
import { openArchiveWriter } from './backup.tar';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, DATABASE_ENTRY, MANIFEST_PATH } from './backup-manifest.rules';
import { pgliteDirEntries } from './backup-pglite.repository';
import { postgresObjects } from './backup-postgres.repository';
import { restoreBackup } from './backup-restore.service';
import { createBackup } from './backup.service';

const NOW = new Date('2026-06-01T02:00:00Z');

type Target = { env: Env; files: FileStore; open: () => Promise<Database>; isDatabaseEmpty: () => Promise<boolean> };

describe('backup and restore', () => {
  let source: TestDatabase;
  let sourceFiles: FileStore;
  let work: string;
  let archive: string;
  const drops: (() => Promise<void>)[] = [];

  // An empty data directory (PGlite) or an empty database (PostgreSQL), and an empty file store.
  async function emptyTarget(): Promise<Target> {
    const dir = mkdtempSync(path.join(work, 'target-'));
    const postgres = TEST_DB_KIND === 'postgres' ? await createEmptyPostgres() : null;
    if (postgres) drops.push(postgres.drop);
    const env = parseEnv({ JALIN_DATA_DIR: dir, DATABASE_URL: postgres?.url });
    const pgDir = path.join(dir, 'pg');
    return {
      env,
      files: createLocalFileStore(storageDir(env)),
      open: async () => (postgres ? openPostgres(postgres.url, { max: 2 }) : openPglite({ dataDir: pgDir })),
      isDatabaseEmpty: async () => (postgres ? (await postgresObjects(postgres.url)).length === 0 : (await pgliteDirEntries(pgDir)).length === 0),
    };
  }

  async function restoreError(target: Target, file: string): Promise<AppError> {
    const error: unknown = await restoreBackup({ env: target.env, files: target.files, now: NOW }, { file }).catch((caught: unknown) => caught);
    if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
    return error;
  }

  async function expectUntouchedEmpty(target: Target) {
    expect(await target.isDatabaseEmpty()).toBe(true);
    expect(await storedFileHashes(target.files)).toEqual({});
  }

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'jalin-backup-'));
    source = await createTestDatabase();
    sourceFiles = createLocalFileStore(path.join(work, 'source-files'));
    await buildUser(source.db, { role: 'admin' });
    await loadDemo({ database: source, files: sourceFiles, now: NOW, withUsers: true, password: 'kata-sandi-demo-123' });
    const env = parseEnv({ JALIN_DATA_DIR: path.join(work, 'source'), DATABASE_URL: source.url });
    archive = path.join(work, 'jalin.tar');
    await createBackup({ database: source, files: sourceFiles, env, now: NOW }, { out: archive });
  }, 240_000);

  afterAll(async () => {
    await source.close();
    for (const drop of drops) await drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('restores into an empty target every row of every table and every stored file, byte for byte', async () => {
    const target = await emptyTarget();
    const result = await restoreBackup({ env: target.env, files: target.files, now: NOW }, { file: archive });
    const sourceHashes = await storedFileHashes(sourceFiles);
    expect(result).toMatchObject({ kind: TEST_DB_KIND, files: Object.keys(sourceHashes).length });
    expect(Object.keys(sourceHashes).length).toBeGreaterThan(0);
    expect(await storedFileHashes(target.files)).toEqual(sourceHashes);
    const restored = await target.open();
    try {
      const expected = await tableRows(source.db);
      expect(expected['public.documents']?.length).toBeGreaterThan(0);
      expect(await tableRows(restored.db)).toEqual(expected);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses a target whose database is not empty and leaves it as it was', async () => {
    const target = await emptyTarget();
    const existing = await target.open();
    await migrateDatabase(existing);
    await buildUser(existing.db, { role: 'admin' });
    const before = await tableRows(existing.db);
    await existing.close();
    const error = await restoreError(target, archive);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('tujuan tidak kosong');
    expect(error.messageEn).toContain('nothing was changed');
    const after = await target.open();
    try {
      expect(await tableRows(after.db)).toEqual(before);
    } finally {
      await after.close();
    }
    expect(await storedFileHashes(target.files)).toEqual({});
  }, 120_000);

  it('refuses a file store that already holds a file and changes nothing', async () => {
    const target = await emptyTarget();
    await target.files.put('documents/sudah-ada.pdf', Buffer.from('%PDF-1.4 sudah ada'));
    const error = await restoreError(target, archive);
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('storage');
    expect(await target.isDatabaseEmpty()).toBe(true);
    expect(Object.keys(await storedFileHashes(target.files))).toEqual(['documents/sudah-ada.pdf']);
  });

  it('refuses an archive whose stored file was altered, naming it, and writes nothing', async () => {
    const bytes = readFileSync(archive);
    // The first stored file's header is at a block boundary; its content starts one block later.
    const header = bytes.indexOf(Buffer.from('files/documents/'));
    expect(header % 512).toBe(0);
    bytes[header + 512 + 100] = (bytes[header + 512 + 100] ?? 0) ^ 0xff;
    const tampered = path.join(work, 'tampered.tar');
    writeFileSync(tampered, bytes);
    const target = await emptyTarget();
    const error = await restoreError(target, tampered);
    expect(error.code).toBe('BAD_FILE');
    expect(error.messageEn).toMatch(/files\/documents\/.+ does not match its size\/sha256 in the manifest/);
    await expectUntouchedEmpty(target);
  });

  it('refuses a truncated archive and writes nothing', async () => {
    const bytes = readFileSync(archive);
    const truncated = path.join(work, 'truncated.tar');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const target = await emptyTarget();
    const error = await restoreError(target, truncated);
    expect(error.code).toBe('BAD_FILE');
    expect(error.messageEn).toContain('Nothing was restored');
    await expectUntouchedEmpty(target);
  });

  it('takes the restored files away again when the database cannot be restored', async () => {
    // A well-formed archive whose database entry is not a database: it passes every hash check.
    const bogus = path.join(work, 'bogus.tar');
    const writer = await openArchiveWriter(bogus, NOW);
    const entries = [
      await writer.addBuffer('files/documents/satu.pdf', Buffer.from('%PDF-1.4 satu')),
      await writer.addBuffer(DATABASE_ENTRY[TEST_DB_KIND], Buffer.from('bukan basis data')),
    ];
    const manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      jalinVersion: '0.1.0',
      createdAt: NOW.toISOString(),
      database: { kind: TEST_DB_KIND, path: DATABASE_ENTRY[TEST_DB_KIND], migrations: { count: 1, last: '0000_init' } },
      entries,
    };
    await writer.addBuffer(MANIFEST_PATH, Buffer.from(JSON.stringify(manifest)));
    await writer.finish();
    const target = await emptyTarget();
    await expect(restoreBackup({ env: target.env, files: target.files, now: NOW }, { file: bogus })).rejects.toThrow();
    await expectUntouchedEmpty(target);
  });

  it('never overwrites an existing file with a backup', async () => {
    const out = path.join(work, 'exists', 'jalin.tar');
    mkdirSync(path.dirname(out));
    copyFileSync(archive, out);
    const env = parseEnv({ JALIN_DATA_DIR: path.join(work, 'source'), DATABASE_URL: source.url });
    const error: unknown = await createBackup({ database: source, files: sourceFiles, env, now: NOW }, { out }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(readFileSync(out).equals(readFileSync(archive))).toBe(true);
  });
});
