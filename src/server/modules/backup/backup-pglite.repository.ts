import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { openPglite, type Database } from '../../db/client';

// PGlite is copied as its data directory, by the process that owns it: dumpDataDir is PGlite's
// own consistent copy, and loadDataDir starts a new directory from it.

type PgliteClient = {
  dumpDataDir: (compression: 'gzip') => Promise<Blob>;
  // Present in PGlite 0.5: holds off transactions so the copy never falls inside one.
  _runExclusiveTransaction?: <T>(work: () => Promise<T>) => Promise<T>;
};

export async function dumpPglite(database: Database): Promise<Buffer> {
  const client = (database.db as unknown as { $client: PgliteClient }).$client;
  const dump = () => client.dumpDataDir('gzip');
  // synchronous_commit is on in PGlite, so every committed transaction is in the copied WAL.
  const blob = client._runExclusiveTransaction ? await client._runExclusiveTransaction(dump) : await dump();
  return Buffer.from(await blob.arrayBuffer());
}

export async function pgliteDirEntries(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
}

// Built beside the target and moved into place only once PGlite has opened it.
export async function restorePglite(dump: Buffer, target: string): Promise<void> {
  const staging = path.join(path.dirname(target), `.pg-restoring-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  try {
    const database = await openPglite({ dataDir: staging, loadDataDir: new Blob([new Uint8Array(dump)]) });
    await database.close();
    await rmdir(target).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
    await rename(staging, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
