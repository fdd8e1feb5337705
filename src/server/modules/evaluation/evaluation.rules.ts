import {
  EVALUATION_DIMENSIONS,
  SCORE_CAP_WITHOUT_EVIDENCE,
  SCORE_MAX,
  SCORE_MIN,
  type BandThresholds,
  type DimensionScores,
  type DimensionWeights,
  type EvaluationBand,
  type EvaluationFormInput,
  type EvaluationResult,
  type Answer,
  type EvaluationRespondent,
  type IndicatorInput,
  type IndicatorScore,
} from '../../../shared/evaluation';
import { invalid } from '../../lib/errors';

// A form revision must be one an evaluation can be scored with: every element asked about,
// weights that add up, bands in order, and each indicator either answered by someone or computed.
export function checkFormRevision(input: EvaluationFormInput): void {
  const seen = new Set<string>();
  input.indicators.forEach((indicator, index) => {
    if (seen.has(indicator.code)) throw invalid(`indicators.${index}.code`, { message: `Kode indikator "${indicator.code}" dipakai dua kali.`, messageEn: `Indicator code "${indicator.code}" is used twice.` });
    seen.add(indicator.code);
    if (indicator.computedFrom === null && indicator.respondents.length === 0) {
      throw invalid(`indicators.${index}.respondents`, { message: `Indikator "${indicator.code}" tidak dijawab siapa pun dan tidak dihitung.`, messageEn: `Indicator "${indicator.code}" has no respondent and is not computed.` });
    }
    if (indicator.computedFrom !== null && indicator.respondents.length > 0) {
      throw invalid(`indicators.${index}.respondents`, { message: `Indikator "${indicator.code}" dihitung dari data; ia tidak dijawab responden.`, messageEn: `Indicator "${indicator.code}" is computed from the data; respondents do not answer it.` });
    }
  });
  for (const dimension of EVALUATION_DIMENSIONS) {
    if (!input.indicators.some((indicator) => indicator.dimension === dimension)) {
      throw invalid('indicators', { message: `Unsur ${dimension} belum punya indikator.`, messageEn: `The ${dimension} element has no indicator.` });
    }
  }
  const weightSum = EVALUATION_DIMENSIONS.reduce((sum, dimension) => sum + input.dimensionWeights[dimension], 0);
  if (weightSum !== 100) throw invalid('dimensionWeights', { message: `Bobot unsur berjumlah ${weightSum}%, harus 100%.`, messageEn: `The element weights add up to ${weightSum}%, not 100%.` });
  const { efektif, cukup, kurang } = input.bands;
  if (!(efektif > cukup && cukup > kurang)) {
    throw invalid('bands', { message: 'Batas kategori harus menurun: Efektif > Cukup > Kurang.', messageEn: 'Band thresholds must descend: Efektif > Cukup > Kurang.' });
  }
}

// The score an answer counts for: within the scale, and at most 1 when the indicator needs
// evidence and none verified stands behind it (domain.md's starting indicator set).
export function countedScore(indicator: Pick<IndicatorInput, 'evidenceRequired'>, answer: Pick<IndicatorScore, 'score' | 'evidenceVerified'>): number {
  const score = Math.min(SCORE_MAX, Math.max(SCORE_MIN, answer.score));
  return indicator.evidenceRequired && !answer.evidenceVerified ? Math.min(score, SCORE_CAP_WITHOUT_EVIDENCE) : score;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

// Each element's score is the weighted mean of its answered indicators; the overall score weighs
// the elements by the form's shares among those that have answers. Unanswered indicators are left
// out rather than counted as 0: "not answered yet" is not "not done".
export function scoreEvaluation(
  form: { indicators: Pick<IndicatorInput, 'code' | 'dimension' | 'weight' | 'evidenceRequired'>[]; dimensionWeights: DimensionWeights; bands: BandThresholds },
  answers: IndicatorScore[],
): EvaluationResult {
  const byCode = new Map(answers.map((answer) => [answer.code, answer]));
  const dimensions = {} as DimensionScores;
  for (const dimension of EVALUATION_DIMENSIONS) {
    let weighted = 0;
    let weights = 0;
    for (const indicator of form.indicators.filter((candidate) => candidate.dimension === dimension)) {
      const answer = byCode.get(indicator.code);
      if (!answer) continue;
      weighted += countedScore(indicator, answer) * indicator.weight;
      weights += indicator.weight;
    }
    dimensions[dimension] = weights === 0 ? null : round2(weighted / weights);
  }
  let total = 0;
  let shares = 0;
  for (const dimension of EVALUATION_DIMENSIONS) {
    const score = dimensions[dimension];
    if (score === null) continue;
    total += score * form.dimensionWeights[dimension];
    shares += form.dimensionWeights[dimension];
  }
  const overall = shares === 0 ? null : round2(total / shares);
  return { dimensions, overall, band: bandOf(dimensions, { overall, bands: form.bands }) };
}

// ≥ efektif Efektif (continue/extend); ≥ cukup Cukup; ≥ kurang Kurang (improvement plan); below,
// or Implementasi below its floor however the rest scored, Dorman (consider ending).
export function bandOf(dimensions: DimensionScores, { overall, bands }: { overall: number | null; bands: BandThresholds }): EvaluationBand | null {
  if (overall === null) return null;
  if (overall < bands.kurang) return 'dorman';
  if (dimensions.implementasi !== null && dimensions.implementasi < bands.implementasiFloor) return 'dorman';
  if (overall >= bands.efektif) return 'efektif';
  if (overall >= bands.cukup) return 'cukup';
  return 'kurang';
}

// A respondent answers only the indicators the form asks of it, each once; only the division's
// verification says whether evidence was verified.
export function checkAnswers(indicators: Pick<IndicatorInput, 'code' | 'respondents'>[], { respondent, answers }: { respondent: EvaluationRespondent; answers: Answer[] }): Answer[] {
  const seen = new Set<string>();
  return answers.map((answer, index) => {
    const field = `answers.${index}.code`;
    const indicator = indicators.find((candidate) => candidate.code === answer.code);
    if (!indicator) throw invalid(field, { message: `Indikator "${answer.code}" tidak ada pada formulir ini.`, messageEn: `Indicator "${answer.code}" is not on this form.` });
    if (!indicator.respondents.includes(respondent)) {
      throw invalid(field, { message: `Indikator "${answer.code}" tidak ditanyakan kepada ${respondent}.`, messageEn: `Indicator "${answer.code}" is not asked of ${respondent}.` });
    }
    if (seen.has(answer.code)) throw invalid(field, { message: `Indikator "${answer.code}" dijawab dua kali.`, messageEn: `Indicator "${answer.code}" is answered twice.` });
    seen.add(answer.code);
    const { evidenceVerified, ...rest } = answer;
    return respondent === 'admin' ? { ...rest, evidenceVerified: evidenceVerified ?? false } : rest;
  });
}

// Which indicators have verified evidence behind them: the division's verification says so.
export function verifiedEvidence(adminAnswers: Answer[] | undefined): Set<string> {
  return new Set((adminAnswers ?? []).filter((answer) => answer.evidenceVerified === true).map((answer) => answer.code));
}

// One respondent's answers as scores, with the evidence the division verified.
export function scoresOf(answers: Answer[], verified: Set<string>): IndicatorScore[] {
  return answers.map((answer) => ({ code: answer.code, score: answer.score, evidenceVerified: verified.has(answer.code) }));
}

// The evaluation's own score per indicator: the division's verified score where it gave one (its
// final verification), otherwise the mean of the other respondents' answers.
export function combinedScores(responses: { respondent: EvaluationRespondent; answers: Answer[] }[]): IndicatorScore[] {
  const admin = responses.find((response) => response.respondent === 'admin');
  const verified = verifiedEvidence(admin?.answers);
  const byCode = new Map<string, number[]>();
  for (const response of responses) {
    if (response.respondent === 'admin') continue;
    for (const answer of response.answers) byCode.set(answer.code, [...(byCode.get(answer.code) ?? []), answer.score]);
  }
  const scores = new Map<string, number>();
  for (const [code, values] of byCode) scores.set(code, values.reduce((sum, value) => sum + value, 0) / values.length);
  for (const answer of admin?.answers ?? []) scores.set(answer.code, answer.score);
  return [...scores].map(([code, score]) => ({ code, score, evidenceVerified: verified.has(code) }));
}

// Partner minus OPD per element, where both gave a score: the gap the division looks at.
export function gapBetween(partner: DimensionScores | undefined, opd: DimensionScores | undefined): DimensionScores | null {
  if (!partner || !opd) return null;
  const gap = {} as DimensionScores;
  for (const dimension of EVALUATION_DIMENSIONS) {
    const [a, b] = [partner[dimension], opd[dimension]];
    gap[dimension] = a === null || b === null ? null : round2(a - b);
  }
  return gap;
}
