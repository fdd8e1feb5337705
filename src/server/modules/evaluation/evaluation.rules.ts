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
  type IndicatorInput,
  type IndicatorScore,
} from '../../../shared/evaluation';
import { invalid } from '../../lib/errors';

// A form revision must be one an evaluation can be scored with: every element asked about,
// weights that add up, bands in order, and each indicator either answered by someone or computed.
export function checkFormRevision(input: EvaluationFormInput): void {
  const seen = new Set<string>();
  input.indicators.forEach((indicator, index) => {
    if (seen.has(indicator.code)) throw invalid(`indicators.${index}.code`, `Kode indikator "${indicator.code}" dipakai dua kali.`, `Indicator code "${indicator.code}" is used twice.`);
    seen.add(indicator.code);
    if (indicator.computedFrom === null && indicator.respondents.length === 0) {
      throw invalid(`indicators.${index}.respondents`, `Indikator "${indicator.code}" tidak dijawab siapa pun dan tidak dihitung.`, `Indicator "${indicator.code}" has no respondent and is not computed.`);
    }
    if (indicator.computedFrom !== null && indicator.respondents.length > 0) {
      throw invalid(`indicators.${index}.respondents`, `Indikator "${indicator.code}" dihitung dari data; ia tidak dijawab responden.`, `Indicator "${indicator.code}" is computed from the data; respondents do not answer it.`);
    }
  });
  for (const dimension of EVALUATION_DIMENSIONS) {
    if (!input.indicators.some((indicator) => indicator.dimension === dimension)) {
      throw invalid('indicators', `Unsur ${dimension} belum punya indikator.`, `The ${dimension} element has no indicator.`);
    }
  }
  const weightSum = EVALUATION_DIMENSIONS.reduce((sum, dimension) => sum + input.dimensionWeights[dimension], 0);
  if (weightSum !== 100) throw invalid('dimensionWeights', `Bobot unsur berjumlah ${weightSum}%, harus 100%.`, `The element weights add up to ${weightSum}%, not 100%.`);
  const { efektif, cukup, kurang } = input.bands;
  if (!(efektif > cukup && cukup > kurang)) {
    throw invalid('bands', 'Batas kategori harus menurun: Efektif > Cukup > Kurang.', 'Band thresholds must descend: Efektif > Cukup > Kurang.');
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
  return { dimensions, overall, band: bandOf(dimensions, overall, form.bands) };
}

// ≥ efektif Efektif (continue/extend); ≥ cukup Cukup; ≥ kurang Kurang (improvement plan); below,
// or Implementasi below its floor however the rest scored, Dorman (consider ending).
export function bandOf(dimensions: DimensionScores, overall: number | null, bands: BandThresholds): EvaluationBand | null {
  if (overall === null) return null;
  if (overall < bands.kurang) return 'dorman';
  if (dimensions.implementasi !== null && dimensions.implementasi < bands.implementasiFloor) return 'dorman';
  if (overall >= bands.efektif) return 'efektif';
  if (overall >= bands.cukup) return 'cukup';
  return 'kurang';
}
