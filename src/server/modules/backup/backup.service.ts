import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/client';
import type { Env } from '../../env';
import { AppError } from '../../lib/errors';
import type { FileStore } from '../../lib/file-store';
import { openArchiveWriter, type ArchiveEntry, type ArchiveWriter } from './backup.tar';
import { jalinVersion, migrationLevel } from './backup-database.service';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, DATABASE_ENTRY, FILES_PREFIX, MANIFEST_PATH, type BackupManifest } from './backup-manifest.rules';
import { dumpPglite } from './backup-pglite.repository';
import { dumpPostgres } from './backup-postgres.repository';

// One archive of the database and the file store, consistent while the server runs.
// Order matters: the database is copied first, the file store after. Files are written before
// their rows are committed and removed only after their rows are deleted, so every file a copied
// row names is still in the store when it is listed (all files present are taken, including
// ones whose rows came after the copy: harmless extras). The one gap: a document deleted while
// the backup runs comes back as a row whose file is missing, as after a failed file removal.

export type BackupCtx = { database: Database; files: FileStore; env: Env; now: Date };
export type BackupResult = { file: string; manifest: BackupManifest; bytes: number };

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function dumpDatabase(ctx: BackupCtx, file: string): Promise<void> {
  if (ctx.database.kind === 'pglite') {
    await writeFile(file, await dumpPglite(ctx.database), { flag: 'wx' });
    return;
  }
  if (!ctx.env.DATABASE_URL) throw new Error('DATABASE_URL is needed to back up PostgreSQL');
  await dumpPostgres(ctx.env.DATABASE_URL, file);
}

async function addStoredFiles(ctx: BackupCtx, writer: ArchiveWriter): Promise<ArchiveEntry[]> {
  const keys: string[] = [];
  for await (const key of ctx.files.list()) keys.push(key);
  keys.sort();
  const entries: ArchiveEntry[] = [];
  for (const key of keys) {
    // Streamed, never whole in memory. A file removed since it was listed belongs to a row deleted
    // after the copy: skip it.
    const size = await ctx.files.size(key);
    if (size === null) continue;
    const body = await ctx.files.stream(key).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    });
    if (body) entries.push(await writer.addStream(`${FILES_PREFIX}${key}`, body, size));
  }
  return entries;
}

// Written under a temporary name in the target's directory and renamed when complete, so a
// file with the archive's name is always a whole archive.
export async function createBackup(ctx: BackupCtx, input: { out: string }): Promise<BackupResult> {
  const out = path.resolve(input.out);
  if (await exists(out)) {
    throw new AppError({ code: 'CONFLICT', field: 'out', message: `Berkas ${out} sudah ada; cadangan tidak menimpanya.`, messageEn: `${out} already exists; a backup never overwrites it.` });
  }
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(6).toString('hex')}.partial`);
  const dumpFile = `${partial}.db`;
  let writer: ArchiveWriter | null = null;
  try {
    const migrations = await migrationLevel(ctx.database.db);
    await dumpDatabase(ctx, dumpFile);
    writer = await openArchiveWriter(partial, ctx.now);
    const entries = await addStoredFiles(ctx, writer);
    const databasePath = DATABASE_ENTRY[ctx.database.kind];
    entries.push(await writer.addFile(databasePath, dumpFile));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      jalinVersion: await jalinVersion(),
      createdAt: ctx.now.toISOString(),
      database: { kind: ctx.database.kind, path: databasePath, migrations },
      entries,
    };
    await writer.addBuffer(MANIFEST_PATH, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await writer.finish();
    writer = null;
    await rename(partial, out);
    return { file: out, manifest, bytes: (await stat(out)).size };
  } finally {
    await writer?.abort();
    await rm(partial, { force: true });
    await rm(dumpFile, { force: true });
  }
}
