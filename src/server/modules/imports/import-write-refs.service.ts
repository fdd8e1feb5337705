import { normalizePartnerName } from '../../../shared/partner-name';
import { unitKey } from '../../../shared/unit-name';
import type { Ctx } from '../../lib/context';
import { recordAuditBatch } from '../audit/audit.service';
import { addUnits } from '../units/units.service';
import { createImportedPartners, findPartnersByKeys } from '../partners/partners.service';
import type { PlanItem } from './import-plan.rules';
import type { ImportRegistry } from './import-registry.service';

// The OPDs and partners a plan names, found in the registry or created before the agreements are written.

// OPDs named in the file but not in the registry are created; returns unitKey(name) → id for every OPD named.
export async function ensureUnits(ctx: Ctx, options: { items: PlanItem[]; registry: ImportRegistry }): Promise<Map<string, string>> {
  const idByKey = new Map<string, string>();
  const missing = new Map<string, string>();
  for (const name of options.items.flatMap((item) => item.row.unitNames)) {
    const known = options.registry.unitByKey.get(unitKey(name));
    if (known) idByKey.set(unitKey(name), known.id);
    else if (!missing.has(unitKey(name))) missing.set(unitKey(name), name);
  }
  const created = await addUnits(ctx.db, { units: [...missing.values()].map((name) => ({ name })), now: ctx.now });
  for (const row of created) idByKey.set(unitKey(row.name), row.id);
  const entries = created.map((row) => ({ entity: 'unit', entityId: row.id, action: 'import', changes: [{ field: 'name', old: null, new: row.name }] }));
  await recordAuditBatch(ctx.db, { actor: ctx.actor, at: ctx.now, entries });
  return idByKey;
}

// Partners are one row per normalised name; unknown ones are created with the category the file gives.
export async function ensurePartners(ctx: Ctx, options: { items: PlanItem[]; registry: ImportRegistry }): Promise<Map<string, { id: string; categoryCode: string }>> {
  const byKey = new Map<string, { id: string; categoryCode: string }>();
  const missing = new Map<string, { name: string; categoryCode: string }>();
  for (const partner of options.items.flatMap((item) => item.row.partners)) {
    const key = normalizePartnerName(partner.name);
    const known = options.registry.partnerByKey.get(key);
    if (known) byKey.set(key, known);
    else if (!missing.has(key)) missing.set(key, partner);
  }
  if (missing.size === 0) return byKey;
  const created = await createImportedPartners(ctx, [...missing].map(([key, partner]) => ({ key, name: partner.name, categoryCode: partner.categoryCode })));
  const entries = created.map((row) => ({
    entity: 'partner',
    entityId: row.id,
    action: 'import',
    changes: [{ field: 'name', old: null, new: row.name }, { field: 'categoryCode', old: null, new: row.categoryCode }],
  }));
  await recordAuditBatch(ctx.db, { actor: ctx.actor, at: ctx.now, entries });
  // A partner added by someone else since the preview is used as it is.
  for (const row of await findPartnersByKeys(ctx.db, [...missing.keys()])) byKey.set(row.key, row);
  return byKey;
}
