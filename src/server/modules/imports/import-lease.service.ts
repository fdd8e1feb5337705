import { randomUUID } from 'node:crypto';
import type { ImportIssue } from '../../../shared/imports';
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/audit.service';
import * as repo from './imports.repository';

// A confirmed import is written by one process, in the background, in one transaction. The database
// (not the process's memory) says who writes it: the owner's id and a lease the owner renews. When the
// owner dies, the transaction is rolled back and the lease runs out; the run is then marked interrupted
// (at start-up, when read, when confirmed again) and may be confirmed again. Several processes may share
// one PostgreSQL: a run whose owner still renews its lease is left alone.

export const IMPORT_LEASE_MS = 60_000;
const RENEW_EVERY_MS = IMPORT_LEASE_MS / 4;

// This process, as the owner of the imports it writes.
export const PROCESS_ID = randomUUID();

export const INTERRUPTED_ISSUE: ImportIssue = {
  row: 0,
  column: '',
  message:
    'Impor terhenti karena proses yang menjalankannya berhenti sebelum selesai; tidak ada yang ditulis. Jalankan impor ini lagi (unggah dan konfirmasi berkasnya lagi). / The import stopped because the process writing it ended before it finished; nothing was written. Run the import again (upload and confirm the file again).',
};

export function leaseUntil(now: Date): Date {
  return new Date(now.getTime() + IMPORT_LEASE_MS);
}

// soleProcess: the caller knows no other process can be writing (PGlite, whose directory it holds).
export async function recoverInterruptedImports(ctx: { db: Db; now: Date }, options: { soleProcess?: boolean; runId?: string } = {}): Promise<number> {
  const recovered = await repo.failAbandonedRuns(ctx.db, { ownerId: PROCESS_ID, now: ctx.now, soleProcess: options.soleProcess ?? false, runId: options.runId, issue: INTERRUPTED_ISSUE });
  for (const runId of recovered) {
    await recordAudit(ctx.db, { actor: null, entity: 'import_run', entityId: runId, action: 'import_interrupted', changes: [{ field: 'status', old: 'running', new: 'failed' }], at: ctx.now });
  }
  return recovered.length;
}

// Renews the lease of a run this process writes until the returned stop is called.
// On PGlite the renewal waits behind the import's transaction: harmless, no other process is there.
export function keepImportLease(options: { db: Db; runId: string; clock: () => Date }): () => Promise<void> {
  const { db, runId, clock } = options;
  let pending: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    pending = repo.renewLease(db, { runId, ownerId: PROCESS_ID, leaseExpiresAt: leaseUntil(clock()) }).catch(() => undefined);
  }, RENEW_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await pending;
  };
}

// Waits until this process writes no import any more (a run it gave up on stops counting once its lease ends).
export async function waitForOwnImports(db: Db, clock: () => Date): Promise<void> {
  for (;;) {
    if ((await repo.countLeasedRuns(db, { ownerId: PROCESS_ID, now: clock() })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
