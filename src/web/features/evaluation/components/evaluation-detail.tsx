import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useEvaluation, useEvaluationForm, useEvaluationStep } from '../api/evaluation-api';
import { indicatorsFor } from '../lib/answer-values';
import { AnswerForm } from './answer-form';
import { IndicatorAnswers } from './indicator-answers';
import { PartnerLinkPanel } from './partner-link-panel';
import { BandBadge, ScoreTable } from './score-table';

// One evaluation: its band with the recommendation, the scores, the reader's own answer form and
// the division's finalise / reopen.
export function EvaluationDetail({ evaluationId }: { evaluationId: string }) {
  const { t } = useTranslation('evaluation');
  const evaluation = useEvaluation(evaluationId);
  const form = useEvaluationForm(evaluation.data?.formRevision ?? 0);
  const step = useEvaluationStep(evaluationId);
  if (evaluation.isPending) return null;
  if (evaluation.isError) return <Alert color="red">{errorMessage(evaluation.error)}</Alert>;
  const view = evaluation.data;
  const { band } = view.result;
  const run = (name: 'finalise' | 'reopen') => {
    step.mutate({ step: name, version: view.version }, { onSuccess: () => notifySuccess(t(`${name}.done`)), onError: notifyError });
  };
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3}>
            {view.period} · {t(`status.${view.status}`)}
          </Title>
          <BandBadge band={band} />
        </Group>
        {band ? <Text>{t(`recommendation.${band}`)}</Text> : null}
        <ScoreTable evaluation={view} />
        {form.data ? <IndicatorAnswers evaluation={view} indicators={form.data.indicators} /> : null}
        {view.can.sendPartnerLink ? <PartnerLinkPanel evaluationId={view.id} isOpen={view.status === 'open'} /> : null}
        {view.can.answerAs && form.data ? <AnswerForm key={`${view.id}-${String(view.responses.length)}`} evaluation={view} respondent={view.can.answerAs} indicators={indicatorsFor(form.data.indicators, view.can.answerAs)} /> : null}
        {view.can.finalise || view.can.reopen ? (
          <Group>
            {view.can.finalise ? (
              <Button color="green.9" loading={step.isPending} onClick={() => run('finalise')}>
                {t('finalise.submit')}
              </Button>
            ) : null}
            {view.can.reopen ? (
              <Button variant="outline" loading={step.isPending} onClick={() => run('reopen')}>
                {t('reopen.submit')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
