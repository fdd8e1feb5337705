import type { EvaluationFormInput, EvaluationFormSummary, EvaluationFormView } from '../../../shared/evaluation';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { forbidden, notFound, staleVersion } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { canReadEvaluationForm, canReviseEvaluationForm } from './evaluation.policy';
import { insertForm, selectForm, selectFormSummaries, selectIndicators, selectLatestRevision, type FormRow, type IndicatorRow } from './evaluation.repository';
import { checkFormRevision } from './evaluation.rules';
import { isUniqueViolation } from '../../db/unique-violation';

function formViewOf(row: FormRow, indicators: IndicatorRow[], latest: number, canRevise: boolean): EvaluationFormView {
  return {
    revision: row.revision,
    note: row.note,
    dimensionWeights: row.dimensionWeights,
    bands: row.bands,
    indicators: indicators.map(({ revision: _revision, ...indicator }) => indicator),
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    isCurrent: row.revision === latest,
    can: { revise: canRevise },
  };
}

function noForm() {
  return notFound('Formulir evaluasi', 'The evaluation form');
}

// One revision as it was written; without a number, the current one (the latest).
export async function readEvaluationForm(ctx: ActorCtx, input: { revision?: number } = {}): Promise<EvaluationFormView> {
  if (!canReadEvaluationForm(ctx.actor)) throw forbidden();
  const latest = await selectLatestRevision(ctx.db);
  if (latest === null) throw noForm();
  const revision = input.revision ?? latest;
  const row = await selectForm(ctx.db, revision);
  if (!row) throw notFound(`Formulir evaluasi revisi ${revision}`, `Evaluation form revision ${revision}`);
  return formViewOf(row, await selectIndicators(ctx.db, revision), latest, canReviseEvaluationForm(ctx.actor));
}

export async function listEvaluationForms(ctx: ActorCtx): Promise<EvaluationFormSummary[]> {
  if (!canReadEvaluationForm(ctx.actor)) throw forbidden();
  const rows = await selectFormSummaries(ctx.db);
  const latest = rows[0]?.revision ?? null;
  return rows.map((row) => ({ revision: row.revision, note: row.note, createdAt: row.createdAt.toISOString(), createdByName: row.createdByName, isCurrent: row.revision === latest, indicatorCount: row.indicatorCount }));
}

function isRevisionTaken(error: unknown): boolean {
  return isUniqueViolation(error, 'evaluation_forms_pkey');
}

// A new revision made from the one the editor started from (`basedOn`); if another revision was
// written meanwhile, the editor reloads instead of silently replacing it. Earlier revisions stay as
// they were: evaluations filled on them keep their questions and weights.
export async function reviseEvaluationForm(ctx: ActorCtx, input: EvaluationFormInput & { basedOn: number }): Promise<EvaluationFormView> {
  if (!canReviseEvaluationForm(ctx.actor)) throw forbidden();
  const { basedOn, ...form } = input;
  checkFormRevision(form);
  try {
    await ctx.db.transaction(async (tx) => {
      const latest = await selectLatestRevision(tx);
      if (latest !== basedOn) throw staleVersion();
      const revision = basedOn + 1;
      await insertForm(tx, { revision, form, createdBy: ctx.actor.id, now: ctx.now });
      await recordAudit(tx, {
        actor: ctx.actor,
        entity: 'evaluation_form',
        entityId: String(revision),
        action: 'create',
        at: ctx.now,
        changes: [
          { field: 'note', old: null, new: form.note },
          { field: 'indicators', old: null, new: form.indicators.map((indicator) => indicator.code) },
        ],
      });
    });
  } catch (error) {
    if (isRevisionTaken(error)) throw staleVersion();
    throw error;
  }
  return readEvaluationForm(ctx);
}

// First start on an empty database: revision 1 from the starting set. Nothing when a form exists.
export async function seedEvaluationForm(db: Db, input: { form: EvaluationFormInput; now: Date }): Promise<void> {
  if ((await selectLatestRevision(db)) !== null) return;
  checkFormRevision(input.form);
  await db.transaction(async (tx) => insertForm(tx, { revision: 1, form: input.form, createdBy: null, now: input.now }));
}
