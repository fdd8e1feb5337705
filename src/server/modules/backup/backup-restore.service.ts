import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Env } from '../../env';
import { pgliteDirOf } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { FileStore } from '../../lib/file-store';
import { readArchive, type EntrySink } from './backup.tar';
import { knownMigrationCount } from './backup-database.service';
import { FILES_PREFIX, damagedArchive, type BackupManifest } from './backup-manifest.rules';
import { pgliteDirEntries, restorePglite } from './backup-pglite.repository';
import { postgresObjects, startPostgresRestore, type PostgresRestore } from './backup-postgres.repository';
import { verifyArchive } from './backup-verify.service';

// Restore fills an EMPTY target (a PGlite data directory, or an empty PostgreSQL database, and
// an empty file store) and never runs inside a live server: a running server owns a non-empty
// target, which is refused before anything is read or written. Order: refuse a non-empty
// target → verify every byte of the archive → write the files → restore the database; if a
// step after the first write fails, what was written is taken away again.

export type RestoreCtx = { env: Env; files: FileStore; now: Date };
export type RestoreResult = Pick<BackupManifest, 'createdAt' | 'jalinVersion'> & { kind: 'pglite' | 'postgres'; files: number; migrations: number };

type Target = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };

function targetOf(env: Env): Target {
  return env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dir: pgliteDirOf(env.JALIN_DATA_DIR) };
}

async function refuseNonEmpty(ctx: RestoreCtx, target: Target): Promise<void> {
  const found = target.kind === 'pglite' ? await pgliteDirEntries(target.dir) : await postgresObjects(target.url);
  const objects = found.length > 3 ? [...found.slice(0, 3), '…'] : found;
  let storedKey: string | null = null;
  for await (const key of ctx.files.list()) {
    storedKey = key;
    break;
  }
  if (objects.length === 0 && storedKey === null) return;
  const where = objects.length > 0 ? (target.kind === 'pglite' ? `${target.dir} (${objects.join(', ')})` : `DATABASE_URL (${objects.join(', ')})`) : `JALIN_STORAGE_DIR (${storedKey ?? ''})`;
  throw new AppError({
    code: 'CONFLICT',
    field: objects.length > 0 ? 'database' : 'storage',
    message: `Pemulihan ditolak: tujuan tidak kosong — ${where}. Pulihkan hanya ke direktori data atau basis data kosong dan penyimpanan berkas kosong; tidak ada yang diubah.`,
    messageEn: `Restore refused: the target is not empty — ${where}. Restore only into an empty data directory or database and an empty file store; nothing was changed.`,
  });
}

async function refuseIncompatible(manifest: BackupManifest, target: Target): Promise<void> {
  if (manifest.database.kind !== target.kind) {
    const withUrl = manifest.database.kind === 'postgres';
    throw new AppError({
      code: 'VALIDATION',
      field: 'file',
      message: `Arsip ini berisi basis data ${manifest.database.kind}; pulihkan ${withUrl ? 'dengan' : 'tanpa'} DATABASE_URL.`,
      messageEn: `This archive holds a ${manifest.database.kind} database; restore it ${withUrl ? 'with' : 'without'} DATABASE_URL.`,
    });
  }
  const known = await knownMigrationCount();
  if (manifest.database.migrations.count > known) {
    throw new AppError({
      code: 'VALIDATION',
      field: 'file',
      message: `Arsip dibuat oleh Jalin yang lebih baru (${manifest.jalinVersion}, ${manifest.database.migrations.count} migrasi; versi ini mengenal ${known}).`,
      messageEn: `The archive was made by a newer Jalin (${manifest.jalinVersion}, ${manifest.database.migrations.count} migrations; this version knows ${known}).`,
    });
  }
}

function collect(onEnd: (body: Buffer) => Promise<void> | void): EntrySink {
  const chunks: Buffer[] = [];
  return { write: (chunk) => void chunks.push(chunk), end: () => onEnd(Buffer.concat(chunks)) };
}

// The second pass: the archive was verified, but it is checked again as it is applied, in
// case the file changed in between.
async function applyArchive(ctx: RestoreCtx, target: Target, file: string, manifest: BackupManifest): Promise<number> {
  const expected = new Map(manifest.entries.map((entry) => [entry.path, entry.sha256]));
  const changed = (entryPath: string, body: Buffer) => createHash('sha256').update(body).digest('hex') !== expected.get(entryPath);
  const written: string[] = [];
  let database: Buffer | null = null;
  let postgres: PostgresRestore | null = null;
  try {
    await readArchive(file, (info) => {
      if (info.path.startsWith(FILES_PREFIX)) {
        return collect(async (body) => {
          if (changed(info.path, body)) throw damagedArchive(`${info.path} berubah`, `${info.path} changed`);
          const key = info.path.slice(FILES_PREFIX.length);
          await ctx.files.put(key, body);
          written.push(key);
        });
      }
      if (info.path !== manifest.database.path) return { write: () => undefined, end: () => undefined };
      if (target.kind === 'pglite') return collect((body) => void (database = body));
      const restore = startPostgresRestore(target.url);
      postgres = restore;
      return { write: (chunk) => restore.write(chunk), end: () => restore.finish() };
    });
    if (target.kind === 'pglite') {
      if (!database || changed(manifest.database.path, database)) throw damagedArchive('basis data berubah', 'the database changed');
      await restorePglite(database, target.dir);
    }
    return written.length;
  } catch (error) {
    await (postgres as PostgresRestore | null)?.cancel();
    for (const key of written) await ctx.files.remove(key);
    throw error;
  }
}

export async function restoreBackup(ctx: RestoreCtx, input: { file: string }): Promise<RestoreResult> {
  const readable = await stat(input.file).then((info) => info.isFile(), () => false);
  if (!readable) {
    throw new AppError({ code: 'NOT_FOUND', field: 'file', message: `Arsip ${input.file} tidak ditemukan.`, messageEn: `Archive ${input.file} not found.` });
  }
  const target = targetOf(ctx.env);
  await refuseNonEmpty(ctx, target);
  const manifest = await verifyArchive(input.file);
  await refuseIncompatible(manifest, target);
  const files = await applyArchive(ctx, target, input.file, manifest);
  return { kind: target.kind, files, createdAt: manifest.createdAt, jalinVersion: manifest.jalinVersion, migrations: manifest.database.migrations.count };
}
