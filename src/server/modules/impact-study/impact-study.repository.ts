import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../users/users.table';
import { impactStudyDrafts } from './impact-study.table';

export type Range = { from: number; to: number };

export type DraftRow = { narrative: string; updatedAt: Date; updatedByName: string | null };

const ofRange = (range: Range) => and(eq(impactStudyDrafts.fromYear, range.from), eq(impactStudyDrafts.toYear, range.to));

export async function selectDraft(db: Db, range: Range): Promise<DraftRow | null> {
  const [row] = await db
    .select({ narrative: impactStudyDrafts.narrative, updatedAt: impactStudyDrafts.updatedAt, updatedByName: users.name })
    .from(impactStudyDrafts)
    .leftJoin(users, eq(users.id, impactStudyDrafts.updatedBy))
    .where(ofRange(range));
  return row ?? null;
}

export async function upsertDraft(db: Db, values: Range & { narrative: string; updatedBy: string; updatedAt: Date }): Promise<void> {
  await db
    .insert(impactStudyDrafts)
    .values({ fromYear: values.from, toYear: values.to, narrative: values.narrative, updatedBy: values.updatedBy, updatedAt: values.updatedAt })
    .onConflictDoUpdate({
      target: [impactStudyDrafts.fromYear, impactStudyDrafts.toYear],
      set: { narrative: values.narrative, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    });
}

// The narrative that was there, or null when there was none.
export async function deleteDraft(db: Db, range: Range): Promise<string | null> {
  const [row] = await db.delete(impactStudyDrafts).where(ofRange(range)).returning({ narrative: impactStudyDrafts.narrative });
  return row?.narrative ?? null;
}
