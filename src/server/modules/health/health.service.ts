import type { Database } from '../../db/client';
import { AppError } from '../../lib/errors';
import { isMigrationLockHeld, isSchemaCurrent, pingDatabase } from './health.repository';

// Liveness: the process is up and answering. It does not touch the database, so an outage of the
// database does not make a supervisor restart every app process (docs/decisions/0036-operations.md).
export function checkLiveness(database: Database): { status: 'ok'; database: Database['kind'] } {
  return { status: 'ok', database: database.kind };
}

export type NotReadyReason = 'database-unreachable' | 'migrations-running' | 'migrations-pending';

function notReady(reason: NotReadyReason, message: string, messageEn: string): AppError {
  return new AppError({ code: 'NOT_READY', message, messageEn, details: { reason } });
}

// Readiness: this process can serve requests now. A proxy sends traffic only while it answers 200.
export async function checkReadiness(database: Database): Promise<{ status: 'ready'; database: Database['kind'] }> {
  try {
    await pingDatabase(database.db);
  } catch {
    throw notReady('database-unreachable', 'Basis data tidak dapat dihubungi.', 'The database cannot be reached.');
  }
  // Only PostgreSQL has other processes that may be migrating; a PGlite directory has one owner.
  if (database.kind === 'postgres' && (await isMigrationLockHeld(database.db))) {
    throw notReady('migrations-running', 'Migrasi basis data sedang berjalan.', 'Database migrations are running.');
  }
  if (!(await isSchemaCurrent(database.db))) {
    throw notReady('migrations-pending', 'Skema basis data belum dimigrasi ke versi ini.', 'The database schema is not yet migrated to this version.');
  }
  return { status: 'ready', database: database.kind };
}
