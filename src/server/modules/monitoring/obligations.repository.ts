import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { updateVersioned } from '../../lib/versioned';
import { agreementUnits } from '../agreements/agreements.table';
import { obligations } from './obligations.table';

export type ObligationRow = typeof obligations.$inferSelect;
export type ObligationValues = Omit<typeof obligations.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

// The OPDs linked to an agreement (read from the register), lead ones flagged.
export async function unitsOfAgreement(db: Db, agreementId: string): Promise<{ unitId: string; isLead: boolean }[]> {
  return db.select({ unitId: agreementUnits.unitId, isLead: agreementUnits.isLead }).from(agreementUnits).where(eq(agreementUnits.agreementId, agreementId));
}

export async function insertObligation(db: Db, { values, now }: { values: ObligationValues; now: Date }): Promise<ObligationRow> {
  const [row] = await db.insert(obligations).values({ ...values, createdAt: now, updatedAt: now }).returning();
  if (!row) throw new Error('insertObligation: nothing inserted');
  return row;
}

export async function findObligation(db: Db, id: string): Promise<ObligationRow | null> {
  const [row] = await db.select().from(obligations).where(eq(obligations.id, id));
  return row ?? null;
}

export async function findObligationForUpdate(db: Db, id: string): Promise<ObligationRow | null> {
  const [row] = await db.select().from(obligations).where(eq(obligations.id, id)).for('update');
  return row ?? null;
}

export async function listObligationsOf(db: Db, agreementId: string): Promise<ObligationRow[]> {
  return db.select().from(obligations).where(eq(obligations.agreementId, agreementId)).orderBy(asc(obligations.dueOn), asc(obligations.createdAt));
}

export async function updateObligationRow(db: Db, change: { id: string; version: number; patch: Record<string, unknown>; now: Date; what: [string, string] }): Promise<ObligationRow> {
  return updateVersioned({ db, table: obligations, where: eq(obligations.id, change.id), version: change.version, patch: change.patch, now: change.now, what: change.what });
}
