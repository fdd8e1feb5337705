import { and, asc, desc, eq, gt, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { ImportIssue } from '../../../shared/imports';
import type { Db } from '../../db/client';
import { arrayParam } from '../../db/bulk-sql';
import { agreementPartners, agreementSectors, agreementUnits, agreements } from '../agreements/agreements.table';
import { partnerCategories, sectors } from '../master/master.table';
import { partners } from '../partners/partners.table';
import { units } from '../units/units.table';
import { importRuns } from './imports.table';

export type RunRow = typeof importRuns.$inferSelect;

// ---- Import runs ----

export async function insertRun(db: Db, values: typeof importRuns.$inferInsert): Promise<string> {
  const [run] = await db.insert(importRuns).values(values).returning({ id: importRuns.id });
  if (!run) throw new Error('insert returned nothing');
  return run.id;
}

export async function findRun(db: Db, id: string): Promise<RunRow | undefined> {
  const [run] = await db.select().from(importRuns).where(eq(importRuns.id, id));
  return run;
}

export async function latestRuns(db: Db, limit: number): Promise<RunRow[]> {
  return db.select().from(importRuns).orderBy(desc(importRuns.createdAt)).limit(limit);
}

// A clean preview, or a run whose process died before it finished, becomes a running import owned by
// `ownerId`; undefined when the run is neither.
// The admin's choices for new names go into the payload in the same statement that starts the run.
export async function startRun(db: Db, options: { id: string; ownerId: string; leaseExpiresAt: Date; choices: unknown }): Promise<RunRow | undefined> {
  const isCleanPreview = and(eq(importRuns.status, 'preview'), sql`jsonb_array_length(${importRuns.issues}) = 0`);
  const wasInterrupted = and(eq(importRuns.status, 'failed'), isNotNull(importRuns.interruptedAt));
  const [started] = await db
    .update(importRuns)
    .set({ payload: sql`${importRuns.payload} || ${JSON.stringify({ choices: options.choices })}::jsonb`, status: 'running', doneRows: 0, issues: [], finishedAt: null, interruptedAt: null, ownerId: options.ownerId, leaseExpiresAt: options.leaseExpiresAt })
    .where(and(eq(importRuns.id, options.id), or(isCleanPreview, wasInterrupted)))
    .returning();
  return started;
}

export async function updateRun(db: Db, input: { id: string; patch: Partial<typeof importRuns.$inferInsert> }): Promise<RunRow | undefined> {
  const [run] = await db.update(importRuns).set(input.patch).where(eq(importRuns.id, input.id)).returning();
  return run;
}

// ---- Leases (import-lease.service.ts) ----

// soleProcess: the caller knows no other process can be writing (PGlite, whose directory it holds).
function abandoned(options: { ownerId: string; now: Date; soleProcess: boolean }): SQL | undefined {
  if (options.soleProcess) return or(isNull(importRuns.ownerId), ne(importRuns.ownerId, options.ownerId));
  return or(isNull(importRuns.leaseExpiresAt), lt(importRuns.leaseExpiresAt, options.now));
}

// Marks the running imports that lost their process as failed; returns their ids.
export async function failAbandonedRuns(
  db: Db,
  options: { ownerId: string; now: Date; soleProcess: boolean; runId?: string | undefined; issue: ImportIssue },
): Promise<string[]> {
  const recovered = await db
    .update(importRuns)
    .set({ status: 'failed', issues: [options.issue], finishedAt: options.now, interruptedAt: options.now, ownerId: null, leaseExpiresAt: null })
    .where(and(eq(importRuns.status, 'running'), abandoned(options), options.runId ? eq(importRuns.id, options.runId) : undefined))
    .returning({ id: importRuns.id });
  return recovered.map((run) => run.id);
}

export async function renewLease(db: Db, options: { runId: string; ownerId: string; leaseExpiresAt: Date }): Promise<void> {
  await db
    .update(importRuns)
    .set({ leaseExpiresAt: options.leaseExpiresAt })
    .where(and(eq(importRuns.id, options.runId), eq(importRuns.ownerId, options.ownerId), eq(importRuns.status, 'running')));
}

export async function countLeasedRuns(db: Db, options: { ownerId: string; now: Date }): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(importRuns)
    .where(and(eq(importRuns.status, 'running'), eq(importRuns.ownerId, options.ownerId), gt(importRuns.leaseExpiresAt, options.now)));
  return row?.count ?? 0;
}

// ---- What the import checks rows against (read only, import-registry.service.ts) ----

// "column = ANY($1)": one parameter however many keys.
function isAnyOf(column: PgColumn, values: string[], pgType = 'text'): SQL {
  return sql`${column} = ANY(${arrayParam([...new Set(values)], pgType)})`;
}

// One after another: inside a transaction they share one connection.
export async function masterRows(db: Db) {
  const categoryRows = await db.select({ code: partnerCategories.code }).from(partnerCategories);
  const sectorRows = await db.select({ code: sectors.code, name: sectors.name }).from(sectors);
  const unitRows = await db.select({ id: units.id, name: units.name, shortName: units.shortName }).from(units).orderBy(asc(units.name));
  return { categoryRows, sectorRows, unitRows };
}

export type StoredAgreement = typeof agreements.$inferSelect & { parentNumber: string | null };

// The agreements with one of these number keys or ids, each with its parent's number.
export async function agreementsByKeysOrIds(db: Db, options: { keys: string[]; ids: string[] }): Promise<StoredAgreement[]> {
  const parent = alias(agreements, 'parent');
  const found = await db
    .select({ agreement: agreements, parentNumber: parent.numberOurs })
    .from(agreements)
    .leftJoin(parent, eq(parent.id, agreements.parentId))
    .where(or(isAnyOf(agreements.numberKey, options.keys), isAnyOf(agreements.id, options.ids, 'uuid')));
  return found.map((row) => ({ ...row.agreement, parentNumber: row.parentNumber }));
}

export async function agreementLinks(db: Db, ids: string[]) {
  const partnerLinks = await db
    .select({ agreementId: agreementPartners.agreementId, key: partners.nameKey, name: partners.name, position: agreementPartners.position })
    .from(agreementPartners)
    .innerJoin(partners, eq(partners.id, agreementPartners.partnerId))
    .where(isAnyOf(agreementPartners.agreementId, ids, 'uuid'))
    .orderBy(asc(agreementPartners.position));
  const unitLinks = await db.select().from(agreementUnits).where(isAnyOf(agreementUnits.agreementId, ids, 'uuid'));
  const sectorLinks = await db.select().from(agreementSectors).where(isAnyOf(agreementSectors.agreementId, ids, 'uuid'));
  return { partnerLinks, unitLinks, sectorLinks };
}
