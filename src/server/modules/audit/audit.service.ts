import type { Db } from '../../db/client';
import type { Actor } from '../../lib/context';
import { insertAuditEntries, insertAuditEntry } from './audit.repository';
import type { AuditChange } from './audit.table';

// Other modules name an audit change through the service, not the table.
export type { AuditChange };

// Compare two flat records and list the fields that changed, for the audit trail.
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of Object.keys(after)) {
    const oldValue = before[field] ?? null;
    const newValue = after[field] ?? null;
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue)) {
      changes.push({ field, old: oldValue, new: newValue });
    }
  }
  return changes;
}

// Call inside the transaction that makes the change, so the record and its audit land together.
// `actorLabel` names who acted without an account (the partner through its private link).
export async function recordAudit(
  db: Db,
  entry: { actor: Actor | null; actorLabel?: string; entity: string; entityId: string; action: string; changes?: AuditChange[]; at: Date },
): Promise<void> {
  await insertAuditEntry(db, {
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor ? entry.actor.email : (entry.actorLabel ?? 'system'),
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    changes: entry.changes ?? [],
    at: entry.at,
  });
}

export type AuditBatchEntry = { entity: string; entityId: string; action: string; changes: AuditChange[] };

// The same entries as recordAudit, by one actor at one moment, written together: the import's way.
export async function recordAuditBatch(db: Db, batch: { actor: Actor | null; at: Date; entries: AuditBatchEntry[] }): Promise<void> {
  if (batch.entries.length === 0) return;
  const actorLabel = batch.actor ? batch.actor.email : 'system';
  await insertAuditEntries(
    db,
    batch.entries.map((entry) => ({ actorId: batch.actor?.id ?? null, actorLabel, ...entry, at: batch.at })),
  );
}
