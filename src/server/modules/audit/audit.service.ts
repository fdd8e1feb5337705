import type { Db } from '../../db/client';
import type { Actor } from '../../lib/context';
import { insertAuditEntry } from './audit.repository';
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
export async function recordAudit(
  db: Db,
  entry: { actor: Actor | null; entity: string; entityId: string; action: string; changes?: AuditChange[]; at: Date },
): Promise<void> {
  await insertAuditEntry(db, {
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor ? entry.actor.email : 'system',
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    changes: entry.changes ?? [],
    at: entry.at,
  });
}
