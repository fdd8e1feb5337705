import type { Answer, EvaluationIndicator, EvaluationRespondent, EvaluationResponseView, EvaluationView, SubmitResponseInput } from '../../../../shared/evaluation';

// What the answer form holds: a radio gives its value as text, '' until one is chosen.
export type AnswerValue = { code: string; score: string; note: string; evidenceVerified: boolean };
export type AnswerFormValues = { answers: AnswerValue[] };

// The indicators a respondent answers: those naming it, and none that Jalin fills from its own data.
export function indicatorsFor(indicators: EvaluationIndicator[], respondent: EvaluationRespondent): EvaluationIndicator[] {
  return indicators.filter((indicator) => indicator.computedFrom === null && indicator.respondents.includes(respondent)).sort((a, b) => a.position - b.position);
}

// The form starts from the respondent's earlier answers, so a second visit edits them.
export function answerValuesOf(indicators: EvaluationIndicator[], earlier: EvaluationResponseView | undefined): AnswerFormValues {
  const byCode = new Map<string, Answer>((earlier?.answers ?? []).map((answer) => [answer.code, answer]));
  return {
    answers: indicators.map((indicator) => {
      const answer = byCode.get(indicator.code);
      return { code: indicator.code, score: answer ? String(answer.score) : '', note: answer?.note ?? '', evidenceVerified: answer?.evidenceVerified ?? false };
    }),
  };
}

// An unchosen score goes as NaN, so the schema names that indicator's score instead of taking 0.
// Only the division's final verification says whether evidence is verified.
export function answerBody(values: AnswerFormValues, respondent: EvaluationRespondent): SubmitResponseInput {
  return {
    answers: values.answers.map((answer) => ({
      code: answer.code,
      score: answer.score === '' ? Number.NaN : Number(answer.score),
      note: answer.note.trim() === '' ? null : answer.note,
      ...(respondent === 'admin' ? { evidenceVerified: answer.evidenceVerified } : {}),
    })),
  };
}

// One respondent's score for one indicator, null where it did not answer it.
export function scoreOf(evaluation: EvaluationView, { respondent, code }: { respondent: EvaluationRespondent; code: string }): number | null {
  const response = evaluation.responses.find((candidate) => candidate.respondent === respondent);
  return response?.answers.find((answer) => answer.code === code)?.score ?? null;
}
