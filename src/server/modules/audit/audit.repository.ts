import type { Db } from '../../db/client';
import { auditLog } from './audit.table';

export type AuditEntryValues = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: Db, values: AuditEntryValues): Promise<void> {
  await db.insert(auditLog).values(values);
}
