import type { Db } from '../../db/client';
import * as merge from './units-merge.repository';
import { countUnitRows, insertUnits, selectUnitById, selectUnitIdByName, selectUnitsByName, similarUnitRows, updateUnitRow, type SimilarUnitRow, type UnitRow } from './units.repository';

// The OPD list as data for the modules above it: master data edits it (with its own permission
// check and audit), users and the start-up seed read and fill it. Nothing here checks who acts.

export type Unit = UnitRow;
export type NewUnit = { name: string; shortName?: string | null; isActive?: boolean };

export function listUnits(db: Db): Promise<Unit[]> {
  return selectUnitsByName(db);
}

export function findUnit(db: Db, id: string): Promise<Unit | null> {
  return selectUnitById(db, id);
}

export function findUnitIdByName(db: Db, name: string): Promise<string | null> {
  return selectUnitIdByName(db, name);
}

export function countUnits(db: Db): Promise<number> {
  return countUnitRows(db);
}

export async function addUnits(db: Db, options: { units: NewUnit[]; now: Date }): Promise<Unit[]> {
  const { now } = options;
  return insertUnits(
    db,
    options.units.map((unit) => ({ name: unit.name, shortName: unit.shortName ?? null, isActive: unit.isActive ?? true, createdAt: now, updatedAt: now })),
  );
}

// Optimistic locking as everywhere: 409 on a stale version, 404 on a missing unit.
export function changeUnit(db: Db, change: { id: string; version: number; patch: Record<string, unknown>; now: Date }): Promise<Unit> {
  return updateUnitRow(db, change);
}

export type SimilarUnit = SimilarUnitRow;

// The existing OPDs each of these normalised names resembles (the import's suggestions).
export function findSimilarUnits(db: Db, options: { keys: string[]; threshold: number; limit: number }): Promise<SimilarUnit[]> {
  return similarUnitRows(db, options);
}

export type UnitMerge = { source: { id: string; name: string }; target: { id: string; name: string }; moved: Record<string, number>; movedAgreementIds: string[] };

// Moves every row that points at the source OPD to the target and removes the source, inside the
// caller's transaction (db). The caller checks who may, audits, and refuses a missing OPD (null).
export async function mergeUnitRows(db: Db, input: { sourceId: string; targetId: string }): Promise<UnitMerge | null> {
  // Locked in id order, so two merges of the same pair cannot deadlock.
  const locked = await merge.lockUnitRows(db, [input.sourceId, input.targetId]);
  const source = locked.find((row) => row.id === input.sourceId);
  const target = locked.find((row) => row.id === input.targetId);
  if (!source || !target) return null;
  const movedAgreementIds = await merge.agreementIdsOfUnit(db, source.id);
  await merge.keepLeadOnMerge(db, input);
  const moved: Record<string, number> = {};
  for (const reference of await merge.unitReferences(db)) {
    const count = await merge.moveReference(db, { reference, ...input });
    if (count > 0) moved[reference.table] = (moved[reference.table] ?? 0) + count;
  }
  await merge.refreshAgreementRows(db, movedAgreementIds);
  await merge.deleteUnitRow(db, source.id);
  return { source: { id: source.id, name: source.name }, target: { id: target.id, name: target.name }, moved, movedAgreementIds };
}
