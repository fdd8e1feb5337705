import { Button, Checkbox, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SubmitResponseSchema, type EvaluationIndicator, type EvaluationRespondent, type EvaluationView } from '../../../../shared/evaluation';
import { formatDateTime } from '../../../lib/format';
import { issueMessage } from '../../../lib/form-errors';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useSubmitResponse } from '../api/evaluation-api';
import { answerBody, answerValuesOf, type AnswerFormValues } from '../lib/answer-values';

type Props = { evaluation: EvaluationView; respondent: EvaluationRespondent; indicators: EvaluationIndicator[] };

// One respondent's answers: each indicator's question with the 0–4 scale, each step saying what it means.
export function AnswerForm({ evaluation, respondent, indicators }: Props) {
  const { t, i18n } = useTranslation('evaluation');
  const submitResponse = useSubmitResponse(evaluation.id);
  const earlier = evaluation.responses.find((response) => response.respondent === respondent);
  const initial = answerValuesOf(indicators, earlier);
  // The form is long on a phone: a refused save says what each unanswered question lacks and moves
  // to the first of them.
  const form = useSchemaForm({
    schema: SubmitResponseSchema,
    defaultValues: initial,
    toBody: (values: AnswerFormValues) => answerBody(values, respondent),
    messageOf: (issue) => (issue.path.at(-1) === 'score' ? t('answer.chooseScore') : issueMessage(issue)),
    focusOnError: true,
  });
  const { values, error } = form;
  const isEnglish = i18n.language === 'en';
  const change = (index: number, patch: Partial<AnswerFormValues['answers'][number]>) => {
    form.set('answers', values.answers.map((answer, at) => (at === index ? { ...answer, ...patch } : answer)));
  };
  const submit = form.submit((body) =>
    submitResponse.mutate(body, {
      onSuccess: () => notifySuccess(t('answer.done')),
      onError: (failure) => {
        form.showServerErrors(failure);
        notifyError(failure);
      },
    }),
  );
  // One answer per respondent: a TKKSD member may be changing what a colleague saved.
  const savedOn = earlier ? formatDateTime(earlier.submittedAt, i18n.language) : '';
  const savedNote = !earlier ? t('answer.notYet') : earlier.byName ? t('answer.savedAtBy', { name: earlier.byName, date: savedOn }) : t('answer.savedAt', { date: savedOn });
  if (indicators.length === 0) return <Text c="dimmed">{t('answer.nothing')}</Text>;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={4}>{t('answer.title', { respondent: t(`respondent.${respondent}`) })}</Title>
        <Text fz="sm" c="dimmed" data-testid="answer-state">
          {savedNote}
        </Text>
        {indicators.map((indicator, index) => {
          const answer = values.answers[index];
          const scoreError = error(`answers.${String(index)}.score`);
          return (
            <Stack key={indicator.code} gap="xs">
              <Radio.Group
                label={`${t(`dimension.${indicator.dimension}`)} · ${isEnglish ? indicator.questionEn : indicator.question}`}
                value={answer?.score ?? ''}
                onChange={(score) => change(index, { score })}
                error={scoreError}
                required
              >
                <Stack gap={4} mt="xs">
                  {indicator.scale.map((step, score) => (
                    <Radio key={score} value={String(score)} label={`${String(score)} — ${isEnglish ? step.en : step.id}`} aria-invalid={scoreError ? true : undefined} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea label={t('answer.note')} autosize minRows={1} maxLength={2000} value={answer?.note ?? ''} onChange={(event) => change(index, { note: event.currentTarget.value })} error={error(`answers.${String(index)}.note`)} />
              {respondent === 'admin' && indicator.evidenceRequired ? (
                <Checkbox label={t('answer.evidenceVerified')} checked={answer?.evidenceVerified ?? false} onChange={(event) => change(index, { evidenceVerified: event.currentTarget.checked })} />
              ) : null}
            </Stack>
          );
        })}
        <Group>
          <Button type="submit" loading={submitResponse.isPending}>
            {t('answer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
