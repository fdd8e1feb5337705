import { and, asc, count, desc, eq, gte, inArray, isNotNull, max, type SQL } from 'drizzle-orm';
import { amongIds } from '../../db/bulk-sql';
import { countAndVersionSql } from '../../db/revision-sql';
import type { Answer, ComputedValue, EvaluationFormInput, EvaluationRespondent } from '../../../shared/evaluation';
import type { Db } from '../../db/client';
import { users } from '../users/users.table';
import { evaluationComputedValues, evaluationForms, evaluationIndicators, evaluationResponses, evaluations } from './evaluation.table';

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

export type EvaluationRow = typeof evaluations.$inferSelect;
export type ResponseRow = typeof evaluationResponses.$inferSelect & { byName: string | null };

export async function insertEvaluation(db: Db, values: { agreementId: string; period: string; formRevision: number; reopenedFrom: string | null; openedBy: string; now: Date }): Promise<EvaluationRow> {
  const { now, ...rest } = values;
  const [row] = await db.insert(evaluations).values({ ...rest, openedAt: now }).returning();
  if (!row) throw new Error('evaluation insert returned nothing');
  return row;
}

export async function selectEvaluation(db: Db, { id, forUpdate = false }: { id: string; forUpdate?: boolean }): Promise<EvaluationRow | null> {
  const query = db.select().from(evaluations).where(eq(evaluations.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export function selectEvaluationsOf(db: Db, agreementId: string): Promise<EvaluationRow[]> {
  return db.select().from(evaluations).where(eq(evaluations.agreementId, agreementId)).orderBy(desc(evaluations.openedAt));
}

// The latest final evaluation of each agreement (of the given ones, or of all), for health.
export function selectLatestFinals(db: Db, agreementIds?: string[]): Promise<EvaluationRow[]> {
  const finals = and(eq(evaluations.status, 'final'), isNotNull(evaluations.finalisedAt), agreementIds ? amongIds(evaluations.agreementId, agreementIds) : undefined);
  return db.selectDistinctOn([evaluations.agreementId]).from(evaluations).where(finals).orderBy(evaluations.agreementId, desc(evaluations.finalisedAt));
}

// The latest final evaluation of each agreement and period.
export function selectFinalsPerPeriod(db: Db): Promise<EvaluationRow[]> {
  const finals = and(eq(evaluations.status, 'final'), isNotNull(evaluations.finalisedAt));
  return db
    .selectDistinctOn([evaluations.agreementId, evaluations.period])
    .from(evaluations)
    .where(finals)
    .orderBy(evaluations.agreementId, evaluations.period, desc(evaluations.finalisedAt));
}

export async function selectLastFinalisedAt(db: Db): Promise<Date | null> {
  const [row] = await db.select({ at: max(evaluations.finalisedAt) }).from(evaluations);
  return row?.at ?? null;
}

export function selectResponses(db: Db, evaluationIds: string[]): Promise<ResponseRow[]> {
  if (evaluationIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      evaluationId: evaluationResponses.evaluationId,
      respondent: evaluationResponses.respondent,
      userId: evaluationResponses.userId,
      answers: evaluationResponses.answers,
      submittedAt: evaluationResponses.submittedAt,
      byName: users.name,
    })
    .from(evaluationResponses)
    .leftJoin(users, eq(users.id, evaluationResponses.userId))
    .where(inArray(evaluationResponses.evaluationId, evaluationIds))
    .orderBy(asc(evaluationResponses.submittedAt));
}

// A respondent's answers replace its earlier ones while the evaluation is open.
export async function upsertResponse(db: Db, values: { evaluationId: string; respondent: EvaluationRespondent; userId: string | null; answers: Answer[]; now: Date }): Promise<void> {
  const { now, ...rest } = values;
  await db
    .insert(evaluationResponses)
    .values({ ...rest, submittedAt: now })
    .onConflictDoUpdate({ target: [evaluationResponses.evaluationId, evaluationResponses.respondent], set: { answers: rest.answers, userId: rest.userId, submittedAt: now } });
}

export async function markFinal(db: Db, values: { id: string; version: number; by: string; now: Date }): Promise<EvaluationRow | null> {
  const [row] = await db
    .update(evaluations)
    .set({ status: 'final', finalisedBy: values.by, finalisedAt: values.now, version: values.version + 1 })
    .where(and(eq(evaluations.id, values.id), eq(evaluations.version, values.version), eq(evaluations.status, 'open')))
    .returning();
  return row ?? null;
}

// When each respondent last answered an evaluation of the agreement, from `since` on.
export async function selectLatestAnswers(db: Db, query: { agreementId: string; since: Date }): Promise<{ respondent: EvaluationRespondent; at: Date | null }[]> {
  return db
    .select({ respondent: evaluationResponses.respondent, at: max(evaluationResponses.submittedAt) })
    .from(evaluationResponses)
    .innerJoin(evaluations, eq(evaluations.id, evaluationResponses.evaluationId))
    .where(and(eq(evaluations.agreementId, query.agreementId), gte(evaluationResponses.submittedAt, query.since)))
    .groupBy(evaluationResponses.respondent);
}

export type FrozenValues = { values: ComputedValue[]; computedAt: Date | null };

// The computed values frozen with a final evaluation (none for one finalised before they were kept).
export async function selectComputedValues(db: Db, evaluationId: string): Promise<FrozenValues> {
  const rows = await db.select().from(evaluationComputedValues).where(eq(evaluationComputedValues.evaluationId, evaluationId));
  return {
    values: rows.map((row) => ({ code: row.code, source: row.source, score: row.score, figures: row.figureCount === null ? null : { count: row.figureCount, of: row.figureOf } })),
    computedAt: rows[0]?.computedAt ?? null,
  };
}

// The frozen values of several final evaluations at once, by evaluation id (for health's bands).
export async function selectComputedValuesOf(db: Db, evaluationIds: string[]): Promise<Map<string, ComputedValue[]>> {
  const byEvaluation = new Map<string, ComputedValue[]>();
  if (evaluationIds.length === 0) return byEvaluation;
  const rows = await db.select().from(evaluationComputedValues).where(inArray(evaluationComputedValues.evaluationId, evaluationIds));
  for (const row of rows) {
    const value: ComputedValue = { code: row.code, source: row.source, score: row.score, figures: row.figureCount === null ? null : { count: row.figureCount, of: row.figureOf } };
    byEvaluation.set(row.evaluationId, [...(byEvaluation.get(row.evaluationId) ?? []), value]);
  }
  return byEvaluation;
}

export async function insertComputedValues(db: Db, input: { evaluationId: string; values: ComputedValue[]; now: Date }): Promise<void> {
  if (input.values.length === 0) return;
  await db.insert(evaluationComputedValues).values(
    input.values.map((value) => ({ evaluationId: input.evaluationId, code: value.code, source: value.source, score: value.score, figureCount: value.figures?.count ?? null, figureOf: value.figures?.of ?? null, computedAt: input.now })),
  );
}

// Changes when any evaluation is opened, finalised or reopened: the portal's page cache compares it.
export function evaluationsRevisionSql(): SQL {
  return countAndVersionSql(evaluations, { version: evaluations.version });
}
