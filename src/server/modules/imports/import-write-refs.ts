import { inArray } from 'drizzle-orm';
import { normalizePartnerName } from '../../../shared/partner-name';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/context';
import { auditLog, type AuditChange } from '../audit/audit.table';
import { partners } from '../partners/partners.table';
import { units } from '../units/units.table';
import { unitKey } from './import-cells';
import type { PlanItem } from './import-plan';
import { chunked, type ImportRegistry } from './import-registry';

export type AuditEntry = { entity: string; entityId: string; action: string; changes: AuditChange[] };

// Audit rows of a batch in one INSERT: the same rows recordAudit writes, without a round trip per row.
export async function insertAuditRows(db: Db, actor: Actor | null, at: Date, entries: AuditEntry[]): Promise<void> {
  for (const chunk of chunked(entries, 500)) {
    await db.insert(auditLog).values(
      chunk.map((entry) => ({ ...entry, actorId: actor?.id ?? null, actorLabel: actor ? actor.email : 'system', at })),
    );
  }
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
  for (const chunk of chunked([...missing.values()], 500)) {
    const created = await db
      .insert(units)
      .values(chunk.map((name) => ({ name, createdAt: now, updatedAt: now })))
      .returning({ id: units.id, name: units.name });
    for (const row of created) idByKey.set(unitKey(row.name), row.id);
    await insertAuditRows(db, actor, now, created.map((row) => ({ entity: 'unit', entityId: row.id, action: 'import', changes: [{ field: 'name', old: null, new: row.name }] })));
  }
  return idByKey;
}

// Partners are one row per normalised name; unknown ones are created with the category the file gives.
export async function ensurePartners(
  db: Db,
  items: PlanItem[],
  registry: ImportRegistry,
  actor: Actor | null,
  now: Date,
): Promise<Map<string, { id: string; categoryCode: string }>> {
  const byKey = new Map<string, { id: string; categoryCode: string }>();
  const missing = new Map<string, { name: string; categoryCode: string }>();
  for (const partner of items.flatMap((item) => item.row.partners)) {
    const key = normalizePartnerName(partner.name);
    const known = registry.partnerByKey.get(key);
    if (known) byKey.set(key, known);
    else if (!missing.has(key)) missing.set(key, partner);
  }
  for (const chunk of chunked([...missing.entries()], 500)) {
    const values = chunk.map(([nameKey, partner]) => ({ name: partner.name, nameKey, categoryCode: partner.categoryCode, createdAt: now, updatedAt: now }));
    const created = await db
      .insert(partners)
      .values(values)
      .onConflictDoNothing({ target: partners.nameKey })
      .returning({ id: partners.id, key: partners.nameKey, name: partners.name, categoryCode: partners.categoryCode });
    await insertAuditRows(
      db,
      actor,
      now,
      created.map((row) => ({ entity: 'partner', entityId: row.id, action: 'import', changes: [{ field: 'name', old: null, new: row.name }, { field: 'categoryCode', old: null, new: row.categoryCode }] })),
    );
    // A partner added by someone else since the preview is used as it is.
    const rows = await db.select({ id: partners.id, key: partners.nameKey, categoryCode: partners.categoryCode }).from(partners).where(inArray(partners.nameKey, chunk.map(([key]) => key)));
    for (const row of rows) byKey.set(row.key, row);
  }
  return byKey;
}
