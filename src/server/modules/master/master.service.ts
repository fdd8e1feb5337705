import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  MasterData,
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
import { AppError, forbidden, invalid } from '../../lib/errors';
import { updateVersioned } from '../../lib/versioned';
import { diffFields, recordAudit } from '../audit/audit.service';
import { units } from '../units/units.table';
import { canEditMasterData, canReadMasterData } from './master.policy';
import { partnerCategories, partnerGroups, sectors } from './master.table';

function assertEditor(ctx: ActorCtx) {
  if (!canEditMasterData(ctx.actor)) throw forbidden();
}

function duplicate(what: string, whatEn: string, field: string): AppError {
  return new AppError({ code: 'CONFLICT', message: `${what} sudah ada.`, messageEn: `${whatEn} already exists.`, field });
}

export async function getMasterData(ctx: Ctx): Promise<MasterData> {
  const [unitRows, sectorRows, groupRows, categoryRows] = await Promise.all([
    ctx.db.select().from(units).orderBy(asc(units.name)),
    ctx.db.select().from(sectors).orderBy(asc(sectors.sortOrder), asc(sectors.code)),
    ctx.db.select().from(partnerGroups).orderBy(asc(partnerGroups.sortOrder)),
    ctx.db.select().from(partnerCategories).orderBy(asc(partnerCategories.sortOrder)),
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
    const [clash] = await tx.select({ id: units.id }).from(units).where(eq(units.name, input.name));
    if (clash) throw duplicate(`OPD "${input.name}"`, `Unit "${input.name}"`, 'name');
    const [row] = await tx
      .insert(units)
      .values({ name: input.name, shortName: input.shortName ?? null, isActive: input.isActive ?? true, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, { actor: ctx.actor, entity: 'unit', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, input) });
    return row;
  });
}

export async function updateUnit(ctx: ActorCtx, id: string, input: z.infer<typeof UnitUpdateSchema>) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(units).where(eq(units.id, id));
    const { version, ...patch } = input;
    const row = await updateVersioned({ db: tx, table: units, where: eq(units.id, id), version, patch, now: ctx.now, what: ['OPD', 'Unit'] });
    await recordAudit(tx, { actor: ctx.actor, entity: 'unit', entityId: id, action: 'update', at: ctx.now, changes: diffFields(before ?? {}, patch) });
    return row;
  });
}

export async function createSector(ctx: ActorCtx, input: z.infer<typeof SectorInputSchema>) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx.select().from(sectors).where(eq(sectors.code, input.code));
    if (clash) throw duplicate(`Bidang "${input.code}"`, `Sector "${input.code}"`, 'code');
    const [row] = await tx.insert(sectors).values({ ...input, updatedAt: ctx.now }).returning();
    await recordAudit(tx, { actor: ctx.actor, entity: 'sector', entityId: input.code, action: 'create', at: ctx.now, changes: diffFields({}, input) });
    return row;
  });
}

export async function updateSector(ctx: ActorCtx, code: string, input: z.infer<typeof SectorUpdateSchema>) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(sectors).where(eq(sectors.code, code));
    const { version, ...patch } = input;
    const row = await updateVersioned({ db: tx, table: sectors, where: eq(sectors.code, code), version, patch, now: ctx.now, what: ['Bidang', 'Sector'] });
    await recordAudit(tx, { actor: ctx.actor, entity: 'sector', entityId: code, action: 'update', at: ctx.now, changes: diffFields(before ?? {}, patch) });
    return row;
  });
}

export async function createPartnerGroup(ctx: ActorCtx, input: z.infer<typeof PartnerGroupInputSchema>) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx.select().from(partnerGroups).where(eq(partnerGroups.code, input.code));
    if (clash) throw duplicate(`Kelompok mitra "${input.code}"`, `Partner group "${input.code}"`, 'code');
    const [row] = await tx.insert(partnerGroups).values({ ...input, updatedAt: ctx.now }).returning();
    await recordAudit(tx, { actor: ctx.actor, entity: 'partner_group', entityId: input.code, action: 'create', at: ctx.now, changes: diffFields({}, input) });
    return row;
  });
}

export async function updatePartnerGroup(ctx: ActorCtx, code: string, input: z.infer<typeof PartnerGroupUpdateSchema>) {
  assertEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerGroups).where(eq(partnerGroups.code, code));
    const { version, ...patch } = input;
    const row = await updateVersioned({ db: tx, table: partnerGroups, where: eq(partnerGroups.code, code), version, patch, now: ctx.now, what: ['Kelompok mitra', 'Partner group'] });
    await recordAudit(tx, { actor: ctx.actor, entity: 'partner_group', entityId: code, action: 'update', at: ctx.now, changes: diffFields(before ?? {}, patch) });
    return row;
  });
}

async function assertGroupExists(ctx: Ctx, groupCode: string) {
  const [group] = await ctx.db.select().from(partnerGroups).where(eq(partnerGroups.code, groupCode));
  if (!group) throw invalid('groupCode', `Kelompok mitra "${groupCode}" tidak dikenal.`, `Unknown partner group "${groupCode}".`);
}

export async function createPartnerCategory(ctx: ActorCtx, input: z.infer<typeof PartnerCategoryInputSchema>) {
  assertEditor(ctx);
  await assertGroupExists(ctx, input.groupCode);
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx.select().from(partnerCategories).where(eq(partnerCategories.code, input.code));
    if (clash) throw duplicate(`Kategori mitra "${input.code}"`, `Partner category "${input.code}"`, 'code');
    const [row] = await tx.insert(partnerCategories).values({ ...input, updatedAt: ctx.now }).returning();
    await recordAudit(tx, { actor: ctx.actor, entity: 'partner_category', entityId: input.code, action: 'create', at: ctx.now, changes: diffFields({}, input) });
    return row;
  });
}

export async function updatePartnerCategory(ctx: ActorCtx, code: string, input: z.infer<typeof PartnerCategoryUpdateSchema>) {
  assertEditor(ctx);
  if (input.groupCode) await assertGroupExists(ctx, input.groupCode);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerCategories).where(eq(partnerCategories.code, code));
    const { version, ...patch } = input;
    const row = await updateVersioned({ db: tx, table: partnerCategories, where: eq(partnerCategories.code, code), version, patch, now: ctx.now, what: ['Kategori mitra', 'Partner category'] });
    await recordAudit(tx, { actor: ctx.actor, entity: 'partner_category', entityId: code, action: 'update', at: ctx.now, changes: diffFields(before ?? {}, patch) });
    return row;
  });
}
