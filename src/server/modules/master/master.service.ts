import type { z } from 'zod';
import type {
  MasterData,
  MergeUnitsInput,
  MergeUnitsResult,
  PartnerCategoryInputSchema,
  PartnerCategoryUpdateSchema,
  PartnerGroupInputSchema,
  PartnerGroupUpdateSchema,
  SectorInputSchema,
  SectorUpdateSchema,
  UnitInput,
  UnitUpdateSchema,
} from '../../../shared/master';
import type { ActorCtx, Ctx } from '../../lib/context';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { addUnits, changeUnit, findUnit, findUnitIdByName, listUnits, mergeUnitRows } from '../units/units.service';
import { canEditMasterData, canMergeUnits, canReadMasterData } from './master.policy';
import {
  insertPartnerCategory,
  insertPartnerGroup,
  insertSector,
  selectPartnerCategories,
  selectPartnerCategory,
  selectPartnerGroup,
  selectPartnerGroups,
  selectSector,
  selectSectors,
  updatePartnerCategoryRow,
  updatePartnerGroupRow,
  updateSectorRow,
} from './master.repository';
export { masterDataRevisionSql } from './master-revision.repository';

function assertEditor(ctx: ActorCtx) {
  if (!canEditMasterData(ctx.actor)) throw forbidden();
}

function duplicate(what: string, whatEn: string, field: string): AppError {
  return new AppError({ code: 'CONFLICT', message: `${what} sudah ada.`, messageEn: `${whatEn} already exists.`, field });
}

export async function getMasterData(ctx: Ctx): Promise<MasterData> {
  const [unitRows, sectorRows, groupRows, categoryRows] = await Promise.all([
    listUnits(ctx.db),
    selectSectors(ctx.db),
    selectPartnerGroups(ctx.db),
    selectPartnerCategories(ctx.db),
  ]);
  return {
    units: unitRows.map(({ id, name, shortName, isActive, version }) => ({ id, name, shortName, isActive, version })),
    sectors: sectorRows.map(({ code, name, sortOrder, isActive, version }) => ({ code, name, sortOrder, isActive, version })),
    partnerGroups: groupRows.map(({ code, name, sortOrder, version }) => ({ code, name, sortOrder, version })),
    partnerCategories: categoryRows.map(({ code, name, groupCode, sortOrder, version }) => ({ code, name, groupCode, sortOrder, version })),
  };
}

export async function readMasterData(ctx: ActorCtx): Promise<MasterData> {
  if (!canReadMasterData(ctx.actor)) throw forbidden();
  return getMasterData(ctx);
}

export async function createUnit(ctx: ActorCtx, input: UnitInput) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    if (await findUnitIdByName(tx, input.name)) throw duplicate(`OPD "${input.name}"`, `Unit "${input.name}"`, 'name');
    const [row] = await addUnits(tx, { units: [input], now: ctx.now });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, { actor: ctx.actor, entity: 'unit', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, input) });
    return row;
  });
}

export async function updateUnit(ctx: ActorCtx, { id, ...input }: z.infer<typeof UnitUpdateSchema> & { id: string }) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await findUnit(tx, id);
    const { version, ...patch } = input;
    const row = await changeUnit(tx, { id, version, patch, now: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'unit', entityId: id, action: 'update', at: ctx.now, changes: diffFields(before ?? {}, patch) });
    return row;
  });
}

export async function createSector(ctx: ActorCtx, input: z.infer<typeof SectorInputSchema>) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    if (await selectSector(tx, input.code)) throw duplicate(`Bidang "${input.code}"`, `Sector "${input.code}"`, 'code');
    const row = await insertSector(tx, { ...input, updatedAt: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'sector', entityId: input.code, action: 'create', at: ctx.now, changes: diffFields({}, input) });
    return row;
  });
}

export async function updateSector(ctx: ActorCtx, { code, ...input }: z.infer<typeof SectorUpdateSchema> & { code: string }) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await selectSector(tx, code);
    const { version, ...patch } = input;
    const row = await updateSectorRow(tx, { code, version, patch, now: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'sector', entityId: code, action: 'update', at: ctx.now, changes: diffFields(before ?? {}, patch) });
    return row;
  });
}

export async function createPartnerGroup(ctx: ActorCtx, input: z.infer<typeof PartnerGroupInputSchema>) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    if (await selectPartnerGroup(tx, input.code)) throw duplicate(`Kelompok mitra "${input.code}"`, `Partner group "${input.code}"`, 'code');
    const row = await insertPartnerGroup(tx, { ...input, updatedAt: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'partner_group', entityId: input.code, action: 'create', at: ctx.now, changes: diffFields({}, input) });
    return row;
  });
}

export async function updatePartnerGroup(ctx: ActorCtx, { code, ...input }: z.infer<typeof PartnerGroupUpdateSchema> & { code: string }) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await selectPartnerGroup(tx, code);
    const { version, ...patch } = input;
    const row = await updatePartnerGroupRow(tx, { code, version, patch, now: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'partner_group', entityId: code, action: 'update', at: ctx.now, changes: diffFields(before ?? {}, patch) });
    return row;
  });
}

async function assertGroupExists(ctx: Ctx, groupCode: string) {
  if (!(await selectPartnerGroup(ctx.db, groupCode))) {
    throw invalid('groupCode', { message: `Kelompok mitra "${groupCode}" tidak dikenal.`, messageEn: `Unknown partner group "${groupCode}".` });
  }
}

export async function createPartnerCategory(ctx: ActorCtx, input: z.infer<typeof PartnerCategoryInputSchema>) {
  assertEditor(ctx);
  await assertGroupExists(ctx, input.groupCode);
  return ctx.db.transaction(async (tx) => {
    if (await selectPartnerCategory(tx, input.code)) throw duplicate(`Kategori mitra "${input.code}"`, `Partner category "${input.code}"`, 'code');
    const row = await insertPartnerCategory(tx, { ...input, updatedAt: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'partner_category', entityId: input.code, action: 'create', at: ctx.now, changes: diffFields({}, input) });
    return row;
  });
}

export async function updatePartnerCategory(ctx: ActorCtx, { code, ...input }: z.infer<typeof PartnerCategoryUpdateSchema> & { code: string }) {
  assertEditor(ctx);
  if (input.groupCode) await assertGroupExists(ctx, input.groupCode);
  return ctx.db.transaction(async (tx) => {
    const before = await selectPartnerCategory(tx, code);
    const { version, ...patch } = input;
    const row = await updatePartnerCategoryRow(tx, { code, version, patch, now: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'partner_category', entityId: code, action: 'update', at: ctx.now, changes: diffFields(before ?? {}, patch) });
    return row;
  });
}

// Two rows found to be one OPD (a name imported with a typo): everything that named the source
// (agreements, users, plans, dissemination, proposals …) names the target, the source goes, and
// both OPDs' histories say so. One transaction: all of it or nothing.
export async function mergeUnits(ctx: ActorCtx, input: MergeUnitsInput): Promise<MergeUnitsResult> {
  if (!canMergeUnits(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const merged = await mergeUnitRows(tx, input);
    if (!merged) {
      const [source, target] = await Promise.all([findUnit(tx, input.sourceId), findUnit(tx, input.targetId)]);
      if (!source) throw notFound('OPD sumber', 'Source unit');
      if (!target) throw notFound('OPD tujuan', 'Target unit');
      throw notFound('OPD', 'Unit');
    }
    const { source, target, moved, movedAgreementIds } = merged;
    await recordAudit(tx, { actor: ctx.actor, entity: 'unit', entityId: source.id, action: 'merge-away', at: ctx.now, changes: [{ field: 'mergedInto', old: null, new: target }] });
    await recordAudit(tx, {
      actor: ctx.actor, entity: 'unit', entityId: target.id, action: 'merge', at: ctx.now,
      changes: [{ field: 'mergedFrom', old: null, new: source }, { field: 'moved', old: null, new: moved }, { field: 'agreementIds', old: null, new: movedAgreementIds }],
    });
    return { targetId: target.id, moved, movedAgreementIds };
  });
}
