import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { amongIds } from '../../db/bulk-sql';
import type { Db } from '../../db/client';
import { agreements } from '../agreements/agreements.table';
import { obligationOccurrences, obligations } from './obligations.table';

export type OccurrenceRow = typeof obligationOccurrences.$inferSelect;
export type OccurrenceValues = Omit<typeof obligationOccurrences.$inferInsert, 'id'>;

export async function occurrenceRowsOf(db: Db, obligationIds: string[]): Promise<OccurrenceRow[]> {
  if (obligationIds.length === 0) return [];
  return db.select().from(obligationOccurrences).where(inArray(obligationOccurrences.obligationId, obligationIds));
}

function sameDue(dueOn: string | null) {
  return dueOn === null ? isNull(obligationOccurrences.dueOn) : eq(obligationOccurrences.dueOn, dueOn);
}

export async function findOccurrenceRow(db: Db, key: { obligationId: string; dueOn: string | null }): Promise<OccurrenceRow | null> {
  const [row] = await db
    .select()
    .from(obligationOccurrences)
    .where(and(eq(obligationOccurrences.obligationId, key.obligationId), sameDue(key.dueOn)));
  return row ?? null;
}

export async function findOccurrenceById(db: Db, id: string): Promise<OccurrenceRow | null> {
  const [row] = await db.select().from(obligationOccurrences).where(eq(obligationOccurrences.id, id));
  return row ?? null;
}

export async function insertOccurrence(db: Db, values: OccurrenceValues & { id: string }): Promise<OccurrenceRow> {
  const [row] = await db.insert(obligationOccurrences).values(values).returning();
  if (!row) throw new Error('insertOccurrence: nothing inserted');
  return row;
}

export async function deleteOccurrence(db: Db, id: string): Promise<void> {
  await db.delete(obligationOccurrences).where(eq(obligationOccurrences.id, id));
}

export type DatedObligation = {
  id: string;
  agreementId: string;
  agreementTitle: string;
  endsOn: string | null;
  terminatedOn: string | null;
  party: 'city' | 'partner';
  unitId: string | null;
  description: string;
  kind: 'once' | 'recurring' | 'trigger';
  dueOn: string | null;
  everyMonths: number | null;
  status: 'open' | 'met' | 'waived';
};

// Every obligation still open as a whole that has a due date, with its agreement's end: the input
// of lateness (health, home tasks). Occurrences are computed from these in obligations.rules.
export async function openDatedObligations(db: Db, filter: { unitId?: string | undefined; party?: 'city' | 'partner' | undefined; agreementIds?: string[] | undefined } = {}): Promise<DatedObligation[]> {
  const conditions = [eq(obligations.status, 'open'), ne(obligations.kind, 'trigger')];
  if (filter.agreementIds) conditions.push(amongIds(obligations.agreementId, filter.agreementIds));
  if (filter.unitId) conditions.push(eq(obligations.unitId, filter.unitId));
  if (filter.party) conditions.push(eq(obligations.party, filter.party));
  return db
    .select({
      id: obligations.id,
      agreementId: obligations.agreementId,
      agreementTitle: agreements.title,
      endsOn: agreements.endsOn,
      terminatedOn: agreements.terminatedOn,
      party: obligations.party,
      unitId: obligations.unitId,
      description: obligations.description,
      kind: obligations.kind,
      dueOn: obligations.dueOn,
      everyMonths: obligations.everyMonths,
      status: obligations.status,
    })
    .from(obligations)
    .innerJoin(agreements, eq(agreements.id, obligations.agreementId))
    .where(and(...conditions));
}

// The last day an agreement binds its parties: its end, or the day it was ended early.
export async function endOfAgreement(db: Db, agreementId: string): Promise<string | null> {
  const [row] = await db.select({ endsOn: agreements.endsOn, terminatedOn: agreements.terminatedOn }).from(agreements).where(eq(agreements.id, agreementId));
  return row?.terminatedOn ?? row?.endsOn ?? null;
}

// The dated obligations of one agreement, whatever their status, for the evaluation's computed
// "obligations met on time".
export async function datedObligationsOf(db: Db, agreementId: string): Promise<Pick<DatedObligation, 'id' | 'kind' | 'dueOn' | 'everyMonths' | 'status'>[]> {
  return db
    .select({ id: obligations.id, kind: obligations.kind, dueOn: obligations.dueOn, everyMonths: obligations.everyMonths, status: obligations.status })
    .from(obligations)
    .where(and(eq(obligations.agreementId, agreementId), ne(obligations.kind, 'trigger')));
}
