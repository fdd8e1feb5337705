import { asc, count, desc, eq, max } from 'drizzle-orm';
import type { EvaluationFormInput } from '../../../shared/evaluation';
import type { Db } from '../../db/client';
import { users } from '../users/users.table';
import { evaluationForms, evaluationIndicators } from './evaluation.table';

export type FormRow = typeof evaluationForms.$inferSelect & { createdByName: string | null };
export type IndicatorRow = typeof evaluationIndicators.$inferSelect;

const formColumns = {
  revision: evaluationForms.revision,
  note: evaluationForms.note,
  dimensionWeights: evaluationForms.dimensionWeights,
  bands: evaluationForms.bands,
  createdBy: evaluationForms.createdBy,
  createdAt: evaluationForms.createdAt,
  createdByName: users.name,
};

export async function selectLatestRevision(db: Db): Promise<number | null> {
  const [row] = await db.select({ latest: max(evaluationForms.revision) }).from(evaluationForms);
  return row?.latest ?? null;
}

export async function selectForm(db: Db, revision: number): Promise<FormRow | null> {
  const [row] = await db.select(formColumns).from(evaluationForms).leftJoin(users, eq(users.id, evaluationForms.createdBy)).where(eq(evaluationForms.revision, revision));
  return row ?? null;
}

export function selectIndicators(db: Db, revision: number): Promise<IndicatorRow[]> {
  return db.select().from(evaluationIndicators).where(eq(evaluationIndicators.revision, revision)).orderBy(asc(evaluationIndicators.position));
}

export async function selectFormSummaries(db: Db): Promise<(FormRow & { indicatorCount: number })[]> {
  const counts = db
    .select({ revision: evaluationIndicators.revision, indicatorCount: count().as('indicator_count') })
    .from(evaluationIndicators)
    .groupBy(evaluationIndicators.revision)
    .as('counts');
  return db
    .select({ ...formColumns, indicatorCount: counts.indicatorCount })
    .from(evaluationForms)
    .leftJoin(users, eq(users.id, evaluationForms.createdBy))
    .innerJoin(counts, eq(counts.revision, evaluationForms.revision))
    .orderBy(desc(evaluationForms.revision));
}

// Writes a whole revision. The revision number is the primary key: two editors saving at once
// cannot both write revision N; the second meets a unique violation.
export async function insertForm(db: Db, values: { revision: number; form: EvaluationFormInput; createdBy: string | null; now: Date }): Promise<void> {
  const { revision, form, createdBy, now } = values;
  await db.insert(evaluationForms).values({ revision, note: form.note, dimensionWeights: form.dimensionWeights, bands: form.bands, createdBy, createdAt: now });
  await db.insert(evaluationIndicators).values(form.indicators.map((indicator, position) => ({ ...indicator, revision, position })));
}
