import type { Db } from '../../db/client';
import { bulkInsert } from '../../db/bulk-sql';
import { auditLog } from './audit.table';

export type AuditEntryValues = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: Db, values: AuditEntryValues): Promise<void> {
  await db.insert(auditLog).values(values);
}

// Many entries in one statement (INSERT … SELECT FROM jsonb_to_recordset): an import's thousands of rows.
export async function insertAuditEntries(db: Db, entries: AuditEntryValues[]): Promise<void> {
  const columns = [['actor_id', 'uuid'], ['actor_label', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['action', 'text'], ['changes', 'jsonb'], ['at', 'timestamptz']] as const;
  const rows = entries.map((entry) => [entry.actorId ?? null, entry.actorLabel, entry.entity, entry.entityId, entry.action, entry.changes ?? [], entry.at instanceof Date ? entry.at.toISOString() : entry.at]);
  await bulkInsert(db, { table: 'audit_log', columns, rows });
}
