import { sql } from 'drizzle-orm';
import { normalizePartnerName } from '../../../shared/partner-name';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/context';
import type { AuditChange } from '../audit/audit.table';
import { unitKey } from './import-cells';
import { arrayParam, bulkInsert, selectRows } from './import-bulk';
import type { PlanItem } from './import-plan';
import type { ImportRegistry } from './import-registry';

export type AuditEntry = { entity: string; entityId: string; action: string; changes: AuditChange[] };

// The rows recordAudit writes, for a whole batch in one statement.
export async function insertAuditRows(db: Db, actor: Actor | null, at: Date, entries: AuditEntry[]): Promise<void> {
  const columns = [['actor_id', 'uuid'], ['actor_label', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['action', 'text'], ['changes', 'jsonb'], ['at', 'timestamptz']] as const;
  const label = actor ? actor.email : 'system';
  const rows = entries.map((entry) => [actor?.id ?? null, label, entry.entity, entry.entityId, entry.action, entry.changes, at.toISOString()]);
  await bulkInsert(db, 'audit_log', columns, rows);
}

// OPDs named in the file but not in the registry are created; returns unitKey(name) → id for every OPD named.
export async function ensureUnits(db: Db, items: PlanItem[], registry: ImportRegistry, actor: Actor | null, now: Date): Promise<Map<string, string>> {
  const idByKey = new Map<string, string>();
  const missing = new Map<string, string>();
  for (const name of items.flatMap((item) => item.row.unitNames)) {
    const known = registry.unitByKey.get(unitKey(name));
    if (known) idByKey.set(unitKey(name), known.id);
    else if (!missing.has(unitKey(name))) missing.set(unitKey(name), name);
  }
  const stamp = now.toISOString();
  const columns = [['name', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] as const;
  const created = await bulkInsert(db, 'units', columns, [...missing.values()].map((name) => [name, stamp, stamp]), sql`RETURNING id, name`);
  for (const row of created) idByKey.set(unitKey(String(row.name)), String(row.id));
  const changes = (row: Record<string, unknown>) => [{ field: 'name', old: null, new: row.name }];
  await insertAuditRows(db, actor, now, created.map((row) => ({ entity: 'unit', entityId: String(row.id), action: 'import', changes: changes(row) })));
  return idByKey;
}

type PartnerRef = { id: string; key: string; name: string; categoryCode: string };

// Partners are one row per normalised name; unknown ones are created with the category the file gives.
export async function ensurePartners(db: Db, items: PlanItem[], registry: ImportRegistry, actor: Actor | null, now: Date): Promise<Map<string, { id: string; categoryCode: string }>> {
  const byKey = new Map<string, { id: string; categoryCode: string }>();
  const missing = new Map<string, { name: string; categoryCode: string }>();
  for (const partner of items.flatMap((item) => item.row.partners)) {
    const key = normalizePartnerName(partner.name);
    const known = registry.partnerByKey.get(key);
    if (known) byKey.set(key, known);
    else if (!missing.has(key)) missing.set(key, partner);
  }
  if (missing.size === 0) return byKey;
  const stamp = now.toISOString();
  const columns = [['name', 'text'], ['name_key', 'text'], ['category_code', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] as const;
  const rows = [...missing].map(([key, partner]) => [partner.name, key, partner.categoryCode, stamp, stamp]);
  const returning = sql`ON CONFLICT (name_key) DO NOTHING RETURNING id, name_key AS key, name, category_code AS "categoryCode"`;
  const created = (await bulkInsert(db, 'partners', columns, rows, returning)) as PartnerRef[];
  const changes = (row: PartnerRef) => [{ field: 'name', old: null, new: row.name }, { field: 'categoryCode', old: null, new: row.categoryCode }];
  await insertAuditRows(db, actor, now, created.map((row) => ({ entity: 'partner', entityId: row.id, action: 'import', changes: changes(row) })));
  // A partner added by someone else since the preview is used as it is.
  const found = await selectRows<PartnerRef>(db, sql`SELECT id, name_key AS key, name, category_code AS "categoryCode" FROM partners WHERE name_key = ANY(${arrayParam([...missing.keys()], 'text')})`);
  for (const row of found) byKey.set(row.key, row);
  return byKey;
}
