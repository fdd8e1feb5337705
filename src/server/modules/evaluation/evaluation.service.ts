import type { AgreementView } from '../../../shared/agreements';
import type { ComputedValue, EvaluationBand, EvaluationRespondent, EvaluationResult, EvaluationSummary, EvaluationView, OpenEvaluationInput, SubmitResponseInput } from '../../../shared/evaluation';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { AppError, forbidden, invalid, notFound, staleVersion } from '../../lib/errors';
import { getAgreement } from '../agreements/agreements.service';
import { recordAudit } from '../audit/audit.service';
import { computedScores, computedValuesOf, computedViews, freezeComputedValues } from './evaluation-computed.service';
import { selectLatestLink } from './evaluation-links.repository';
import { partnerLinkViewOf } from './evaluation-links.rules';
import { canManageEvaluations, canManagePartnerLink, canReadEvaluations, respondentOf } from './evaluation.policy';
import * as repo from './evaluation.repository';
import { checkAnswers, combinedScores, gapBetween, scoreEvaluation, scoresOf, verifiedEvidence } from './evaluation.rules';
import { isUniqueViolation } from '../../db/unique-violation';

type Form = { indicators: repo.IndicatorRow[]; dimensionWeights: repo.FormRow['dimensionWeights']; bands: repo.FormRow['bands'] };

const WHAT = ['Evaluasi', 'The evaluation'] as const;

function leadUnitOf(agreement: AgreementView): string | null {
  return agreement.units.find((unit) => unit.isLead)?.id ?? null;
}

// The agreement behind an evaluation, read as the actor may (404/403 from the agreements module),
// then the evaluation rule on top.
async function readableAgreement(ctx: ActorCtx, agreementId: string): Promise<AgreementView> {
  const agreement = await getAgreement(ctx, agreementId);
  if (!canReadEvaluations(ctx.actor, { unitIds: agreement.units.map((unit) => unit.id) })) throw forbidden();
  return agreement;
}

async function loadForm(db: Db, revision: number): Promise<Form> {
  const row = await repo.selectForm(db, revision);
  if (!row) throw new Error(`evaluation form revision ${revision} is missing`);
  return { indicators: await repo.selectIndicators(db, revision), dimensionWeights: row.dimensionWeights, bands: row.bands };
}

// The computed values join the evaluation's own score only: each respondent's score (and so the
// partner − OPD gap) stays what that respondent said.
function resultsOf(form: Form, responses: repo.ResponseRow[], computed: ComputedValue[]) {
  const verified = verifiedEvidence(responses.find((response) => response.respondent === 'admin')?.answers);
  // Each response scored once, beside it: the view reads the score from its own response.
  const scored = responses.map((response) => ({ response, result: scoreEvaluation(form, scoresOf(response.answers, verified)) }));
  const perRespondent = new Map<EvaluationRespondent, EvaluationResult>(scored.map(({ response, result }) => [response.respondent, result]));
  return { scored, perRespondent, result: scoreEvaluation(form, [...combinedScores(responses), ...computedScores(computed)]) };
}

async function viewOf(ctx: ActorCtx, row: repo.EvaluationRow, agreement: AgreementView): Promise<EvaluationView> {
  const form = await loadForm(ctx.db, row.formRevision);
  const responses = await repo.selectResponses(ctx.db, [row.id]);
  const computed = await computedValuesOf(ctx.db, { row, agreement, indicators: form.indicators }, ctx.now);
  const { scored, perRespondent, result } = resultsOf(form, responses, computed.values);
  const isOpen = row.status === 'open';
  const manages = canManageEvaluations(ctx.actor);
  const link = canManagePartnerLink(ctx.actor) ? await selectLatestLink(ctx.db, row.id) : null;
  return {
    id: row.id,
    agreementId: row.agreementId,
    agreementTitle: agreement.title,
    period: row.period,
    formRevision: row.formRevision,
    status: row.status,
    version: row.version,
    openedAt: row.openedAt.toISOString(),
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    reopenedFrom: row.reopenedFrom,
    responses: scored.map(({ response, result: own }) => ({
      respondent: response.respondent,
      byName: response.byName,
      submittedAt: response.submittedAt.toISOString(),
      answers: response.answers,
      result: own,
    })),
    result,
    computed: computedViews(form.indicators, computed.values),
    computedFrozenAt: computed.frozenAt?.toISOString() ?? null,
    partnerGap: gapBetween(perRespondent.get('partner')?.dimensions, perRespondent.get('opd')?.dimensions),
    partnerLink: link ? partnerLinkViewOf(link, ctx.now) : null,
    can: {
      answerAs: isOpen ? respondentOf(ctx.actor, { leadUnitId: leadUnitOf(agreement) }) : null,
      finalise: isOpen && manages,
      reopen: !isOpen && manages,
      sendPartnerLink: isOpen && canManagePartnerLink(ctx.actor),
    },
  };
}

// Read before any transaction: the agreement's read rule runs its own queries (on PGlite's one
// connection a query outside an open transaction would wait for it).
async function loadEvaluation(ctx: ActorCtx, evaluationId: string) {
  const row = await repo.selectEvaluation(ctx.db, { id: evaluationId });
  if (!row) throw notFound(...WHAT);
  const agreement = await readableAgreement(ctx, row.agreementId);
  return { row, agreement };
}

// The row again inside the transaction, locked, so two writers see each other's status.
async function lockEvaluation(tx: Db, evaluationId: string): Promise<repo.EvaluationRow> {
  const row = await repo.selectEvaluation(tx, { id: evaluationId, forUpdate: true });
  if (!row) throw notFound(...WHAT);
  return row;
}

function isOpenTaken(error: unknown): boolean {
  return isUniqueViolation(error, 'evaluations_one_open_idx');
}

function alreadyOpen(period: string): AppError {
  return new AppError({ code: 'CONFLICT', message: `Evaluasi periode ${period} untuk kerja sama ini sudah dibuka.`, messageEn: `An evaluation for ${period} is already open for this agreement.`, field: 'period' });
}

async function insertOpen(ctx: ActorCtx, values: { agreementId: string; period: string; reopenedFrom: string | null }): Promise<repo.EvaluationRow> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const formRevision = await repo.selectLatestRevision(tx);
      if (formRevision === null) throw notFound('Formulir evaluasi', 'The evaluation form');
      const row = await repo.insertEvaluation(tx, { ...values, formRevision, openedBy: ctx.actor.id, now: ctx.now });
      await recordAudit(tx, {
        actor: ctx.actor,
        entity: 'evaluation',
        entityId: row.id,
        action: values.reopenedFrom ? 'reopen' : 'open',
        at: ctx.now,
        changes: [
          { field: 'agreementId', old: null, new: values.agreementId },
          { field: 'period', old: null, new: values.period },
          { field: 'formRevision', old: null, new: formRevision },
        ],
      });
      return row;
    });
  } catch (error) {
    if (isOpenTaken(error)) throw alreadyOpen(values.period);
    throw error;
  }
}

// The division opens an agreement's evaluation for a period, on the form revision current now.
export async function openEvaluation(ctx: ActorCtx, input: OpenEvaluationInput & { agreementId: string }): Promise<EvaluationView> {
  if (!canManageEvaluations(ctx.actor)) throw forbidden();
  const agreement = await readableAgreement(ctx, input.agreementId);
  if (agreement.isDraft) throw invalid('agreementId', { message: 'Rancangan belum dapat dievaluasi.', messageEn: 'A draft cannot be evaluated yet.' });
  const row = await insertOpen(ctx, { agreementId: agreement.id, period: input.period, reopenedFrom: null });
  return viewOf(ctx, row, agreement);
}

// An agreement's evaluations, newest first, with their scores: its history.
export async function listEvaluations(ctx: ActorCtx, input: { agreementId: string }): Promise<EvaluationSummary[]> {
  const agreement = await readableAgreement(ctx, input.agreementId);
  const rows = await repo.selectEvaluationsOf(ctx.db, input.agreementId);
  const responses = await repo.selectResponses(ctx.db, rows.map((row) => row.id));
  const forms = new Map<number, Form>();
  const summaries: EvaluationSummary[] = [];
  for (const row of rows) {
    const form = forms.get(row.formRevision) ?? (await loadForm(ctx.db, row.formRevision));
    forms.set(row.formRevision, form);
    const own = responses.filter((response) => response.evaluationId === row.id);
    const computed = await computedValuesOf(ctx.db, { row, agreement, indicators: form.indicators }, ctx.now);
    const { result } = resultsOf(form, own, computed.values);
    summaries.push({
      id: row.id,
      period: row.period,
      formRevision: row.formRevision,
      status: row.status,
      openedAt: row.openedAt.toISOString(),
      finalisedAt: row.finalisedAt?.toISOString() ?? null,
      reopenedFrom: row.reopenedFrom,
      result,
      respondents: own.map((response) => response.respondent),
    });
  }
  return summaries;
}

export async function getEvaluation(ctx: ActorCtx, input: { evaluationId: string }): Promise<EvaluationView> {
  const { row, agreement } = await loadEvaluation(ctx, input.evaluationId);
  return viewOf(ctx, row, agreement);
}

function isFinal(): AppError {
  return new AppError({ code: 'CONFLICT', message: 'Evaluasi ini sudah final; buka kembali untuk menilai ulang.', messageEn: 'This evaluation is final; reopen it to evaluate again.' });
}

// A respondent's answers (the lead OPD, the TKKSD or the division, as the actor is), replacing its
// earlier ones while the evaluation is open.
export async function submitResponse(ctx: ActorCtx, input: SubmitResponseInput & { evaluationId: string }): Promise<EvaluationView> {
  const { agreement } = await loadEvaluation(ctx, input.evaluationId);
  const respondent = respondentOf(ctx.actor, { leadUnitId: leadUnitOf(agreement) });
  if (!respondent) throw forbidden();
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await lockEvaluation(tx, input.evaluationId);
    if (locked.status !== 'open') throw isFinal();
    const form = await loadForm(tx, locked.formRevision);
    const answers = checkAnswers(form.indicators, { respondent, answers: input.answers });
    await repo.upsertResponse(tx, { evaluationId: locked.id, respondent, userId: ctx.actor.id, answers, now: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'evaluation', entityId: locked.id, action: `answer_${respondent}`, at: ctx.now, changes: [{ field: 'answers', old: null, new: answers }] });
    return locked;
  });
  return viewOf(ctx, row, agreement);
}

// The division's final verification closes the evaluation; it must have answered first.
export async function finaliseEvaluation(ctx: ActorCtx, input: { evaluationId: string; version: number }): Promise<EvaluationView> {
  if (!canManageEvaluations(ctx.actor)) throw forbidden();
  const { agreement } = await loadEvaluation(ctx, input.evaluationId);
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await lockEvaluation(tx, input.evaluationId);
    if (locked.status !== 'open') throw isFinal();
    const responses = await repo.selectResponses(tx, [locked.id]);
    if (!responses.some((response) => response.respondent === 'admin')) {
      throw invalid('answers', { message: 'Isi verifikasi akhir Bagian Kerja Sama sebelum menetapkan evaluasi.', messageEn: "Fill in the division's final verification before finalising." });
    }
    const final = await repo.markFinal(tx, { id: locked.id, version: input.version, by: ctx.actor.id, now: ctx.now });
    if (!final) throw staleVersion();
    await freezeComputedValues(tx, { row: locked, agreement, indicators: (await loadForm(tx, locked.formRevision)).indicators }, ctx.now);
    await recordAudit(tx, { actor: ctx.actor, entity: 'evaluation', entityId: locked.id, action: 'finalise', at: ctx.now, changes: [{ field: 'status', old: 'open', new: 'final' }] });
    return final;
  });
  return viewOf(ctx, row, agreement);
}

// Reopening writes a new evaluation for the same period on the current form; the final one stays.
export async function reopenEvaluation(ctx: ActorCtx, input: { evaluationId: string }): Promise<EvaluationView> {
  if (!canManageEvaluations(ctx.actor)) throw forbidden();
  const { row: earlier, agreement } = await loadEvaluation(ctx, input.evaluationId);
  if (earlier.status !== 'final') throw new AppError({ code: 'CONFLICT', message: 'Evaluasi ini masih terbuka.', messageEn: 'This evaluation is still open.' });
  const row = await insertOpen(ctx, { agreementId: earlier.agreementId, period: earlier.period, reopenedFrom: earlier.id });
  return viewOf(ctx, row, agreement);
}

// For the renewal rule (a higher module asks): when the OPD and the partner last answered an
// evaluation of the agreement since `since` (YYYY-MM-DD, the start of that day in Ternate).
export async function latestEvaluationAnswers(db: Db, query: { agreementId: string; since: string }): Promise<{ opd: Date | null; partner: Date | null }> {
  const rows = await repo.selectLatestAnswers(db, { agreementId: query.agreementId, since: new Date(`${query.since}T00:00:00+09:00`) });
  const at = (respondent: EvaluationRespondent) => rows.find((row) => row.respondent === respondent)?.at ?? null;
  return { opd: at('opd'), partner: at('partner') };
}

// For agreements' health (a higher module asks): the band of each one's latest final evaluation,
// by agreement id; agreements never finally evaluated are absent. Without ids, the whole register.
export async function latestFinalBands(db: Db, query: { agreementIds?: string[] } = {}): Promise<Map<string, EvaluationBand | null>> {
  const latest = await repo.selectLatestFinals(db, query.agreementIds);
  const bands = await bandsOf(db, latest);
  return new Map(latest.map((row) => [row.agreementId, bands.get(row.id) ?? null]));
}

// The band of each final evaluation given, by evaluation id.
async function bandsOf(db: Db, finals: repo.EvaluationRow[]): Promise<Map<string, EvaluationBand | null>> {
  const results = await finalResultsOf(db, finals);
  return new Map([...results].map(([id, result]) => [id, result.band]));
}

// The result (dimension scores, overall, band) of each final evaluation given, by evaluation id.
async function finalResultsOf(db: Db, finals: repo.EvaluationRow[]): Promise<Map<string, EvaluationResult>> {
  const ids = finals.map((row) => row.id);
  const [responses, frozen] = await Promise.all([repo.selectResponses(db, ids), repo.selectComputedValuesOf(db, ids)]);
  const byEvaluation = new Map<string, repo.ResponseRow[]>();
  for (const response of responses) byEvaluation.set(response.evaluationId, [...(byEvaluation.get(response.evaluationId) ?? []), response]);
  const forms = new Map<number, Form>();
  const results = new Map<string, EvaluationResult>();
  for (const row of finals) {
    const form = forms.get(row.formRevision) ?? (await loadForm(db, row.formRevision));
    forms.set(row.formRevision, form);
    results.set(row.id, resultsOf(form, byEvaluation.get(row.id) ?? [], frozen.get(row.id) ?? []).result);
  }
  return results;
}

export type FinalEvaluationResult = { period: string; finalisedAt: Date | null; result: EvaluationResult };

// For the statutory reports (a higher module asks): each agreement's latest final evaluation with
// its Simbiosis/Mutualisme/Implementasi scores and band, by agreement id; never evaluated: absent.
export async function latestFinalResults(db: Db, query: { agreementIds: string[] }): Promise<Map<string, FinalEvaluationResult>> {
  if (query.agreementIds.length === 0) return new Map();
  const latest = await repo.selectLatestFinals(db, query.agreementIds);
  const results = await finalResultsOf(db, latest);
  const byAgreement = new Map<string, FinalEvaluationResult>();
  for (const row of latest) {
    const result = results.get(row.id);
    if (result) byAgreement.set(row.agreementId, { period: row.period, finalisedAt: row.finalisedAt, result });
  }
  return byAgreement;
}

// For the open data: per year of the evaluation period, how many agreements' final evaluations of
// that year ended in each band (the latest final one per agreement and period, so a reopened and
// finalised again evaluation counts once). Evaluations without a band are left out.
export async function finalBandCountsByYear(db: Db): Promise<Map<number, Record<EvaluationBand, number>>> {
  const finals = await repo.selectFinalsPerPeriod(db);
  const bands = await bandsOf(db, finals);
  const counts = new Map<number, Record<EvaluationBand, number>>();
  for (const row of finals) {
    const band = bands.get(row.id);
    if (!band) continue;
    const year = Number(row.period.slice(0, 4));
    const tally = counts.get(year) ?? { efektif: 0, cukup: 0, kurang: 0, dorman: 0 };
    tally[band] += 1;
    counts.set(year, tally);
  }
  return counts;
}

// When a final evaluation last changed: the open data's "modified" date.
export function lastFinalisedAt(db: Db): Promise<Date | null> {
  return repo.selectLastFinalisedAt(db);
}

export async function latestFinalBand(db: Db, query: { agreementId: string }): Promise<EvaluationBand | null> {
  return (await latestFinalBands(db, { agreementIds: [query.agreementId] })).get(query.agreementId) ?? null;
}
export { evaluationsRevisionSql } from './evaluation.repository';
