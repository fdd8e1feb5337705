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
  const reason = await notReadyReason(database).catch((): NotReadyReason => 'database-unreachable');
  switch (reason) {
    case null:
      return { status: 'ready', database: database.kind };
    case 'database-unreachable':
      throw notReady(reason, 'Basis data tidak dapat dihubungi.', 'The database cannot be reached.');
    case 'migrations-running':
      throw notReady(reason, 'Migrasi basis data sedang berjalan.', 'Database migrations are running.');
    case 'migrations-pending':
      throw notReady(reason, 'Skema basis data belum dimigrasi ke versi ini.', 'The database schema is not yet migrated to this version.');
  }
}

// Any failure to ask (the database gone between two questions included) means it cannot be reached.
async function notReadyReason(database: Database): Promise<NotReadyReason | null> {
  await pingDatabase(database.db);
  // Only PostgreSQL has other processes that may be migrating; a PGlite directory has one owner.
  if (database.kind === 'postgres' && (await isMigrationLockHeld(database.db))) return 'migrations-running';
  if (!(await isSchemaCurrent(database.db))) return 'migrations-pending';
  return null;
}
