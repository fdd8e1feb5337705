import type { AgreementView } from '../../../shared/agreements';
import type { ComputedIndicatorView, ComputedValue, IndicatorScore } from '../../../shared/evaluation';
import type { Db } from '../../db/client';
import { localDate } from '../../lib/context';
import { acknowledgementOf } from '../dissemination/dissemination.service';
import { occurrenceOutcomes } from '../monitoring/obligation-lateness.service';
import { plansOfAgreement } from '../plans/plans.service';
import { reportFactsOf } from '../realisation/realisation.service';
import { periodWindow } from '../realisation/realisation.rules';
import { getSettings } from '../settings/settings.service';
import { computeIndicators, type ComputedFacts } from './evaluation-computed.rules';
import * as repo from './evaluation.repository';

// Computed indicators (decision 0018): live from the other modules' data while an evaluation is open,
// frozen in evaluation_computed_values when it is finalised. Evaluation sits above plans,
// realisation, monitoring and dissemination, so it reads their services, never their tables.

type Indicators = Pick<repo.IndicatorRow, 'code' | 'computedFrom' | 'question' | 'questionEn' | 'dimension' | 'weight'>[];
type Subject = { row: Pick<repo.EvaluationRow, 'id' | 'status' | 'period'>; agreement: Pick<AgreementView, 'id' | 'signedOn' | 'startsOn' | 'endsOn' | 'termination'>; indicators: Indicators };

function hasComputed(indicators: Indicators): boolean {
  return indicators.some((indicator) => indicator.computedFrom !== null);
}

// The facts of one agreement as of `now`: obligations due up to the period's end, its plans and
// reports, its dissemination package. Runs as the system: whoever reads the evaluation may read these.
async function gatherFacts(db: Db, { row, agreement }: Subject, now: Date): Promise<ComputedFacts> {
  const ctx = { db };
  const { reportCloseDays } = await getSettings(db);
  return {
    today: localDate(now),
    period: row.period,
    reportCloseDays,
    agreement: { startsOn: agreement.startsOn ?? agreement.signedOn, endsOn: agreement.endsOn, endedEarlyOn: agreement.termination?.endedOn ?? null },
    occurrences: await occurrenceOutcomes(ctx, { agreementId: agreement.id, through: periodWindow(row.period, 0).lastDay }),
    plans: await plansOfAgreement(ctx, { agreementId: agreement.id }),
    reports: await reportFactsOf(ctx, { agreementId: agreement.id }),
    dissemination: await acknowledgementOf(ctx, { agreementId: agreement.id }),
  };
}

export type ComputedState = { values: ComputedValue[]; frozenAt: Date | null };

// An open evaluation's values are computed now; a final one's are the ones frozen with it.
export async function computedValuesOf(db: Db, subject: Subject, now: Date): Promise<ComputedState> {
  if (subject.row.status === 'final') {
    const frozen = await repo.selectComputedValues(db, subject.row.id);
    return { values: frozen.values, frozenAt: frozen.computedAt };
  }
  if (!hasComputed(subject.indicators)) return { values: [], frozenAt: null };
  return { values: computeIndicators(subject.indicators, await gatherFacts(db, subject, now)), frozenAt: null };
}

// At finalisation, inside its transaction: the values as they stand now, stored for good.
export async function freezeComputedValues(tx: Db, subject: Subject, now: Date): Promise<void> {
  if (!hasComputed(subject.indicators)) return;
  const values = computeIndicators(subject.indicators, await gatherFacts(tx, subject, now));
  await repo.insertComputedValues(tx, { evaluationId: subject.row.id, values, now });
}

// Each computed value counts as one answer with the indicator's own weight; the data are its
// evidence. "Nothing to measure" is left out, like an unanswered indicator.
export function computedScores(values: ComputedValue[]): IndicatorScore[] {
  return values.flatMap((value) => (value.score === null ? [] : [{ code: value.code, score: value.score, evidenceVerified: true }]));
}

export function computedViews(indicators: Indicators, values: ComputedValue[]): ComputedIndicatorView[] {
  return indicators.flatMap(({ code, question, questionEn, dimension, weight }) => {
    const value = values.find((candidate) => candidate.code === code);
    return value ? [{ ...value, question, questionEn, dimension, weight }] : [];
  });
}
