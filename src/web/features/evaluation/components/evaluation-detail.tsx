import { Alert, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useEvaluation, useEvaluationForm, useEvaluationStep } from '../api/evaluation-api';
import { indicatorsFor } from '../lib/answer-values';
import { AnswerForm } from './answer-form';
import { ComputedTable } from './computed-table';
import { IndicatorAnswers } from './indicator-answers';
import { PartnerLinkPanel } from './partner-link-panel';
import { BandBadge, ScoreTable } from './score-table';

// Opened from a task ("Evaluasi untuk diisi"), the page goes to the reader's answer form once it is
// there; on a phone it sits below the renewal panel, the history and the scores.
function useScrollToOnce(isWanted: boolean) {
  const target = useRef<HTMLDivElement>(null);
  const isDone = useRef(false);
  useEffect(() => {
    if (!isWanted || isDone.current || !target.current) return;
    isDone.current = true;
    target.current.scrollIntoView({ block: 'start' });
  });
  return target;
}

// One evaluation: its band with the recommendation, the scores, the reader's own answer form and
// the division's finalise / reopen.
export function EvaluationDetail({ evaluationId, isLinked = false }: { evaluationId: string; isLinked?: boolean }) {
  const { t } = useTranslation('evaluation');
  const evaluation = useEvaluation(evaluationId);
  const form = useEvaluationForm(evaluation.data?.formRevision ?? 0);
  const step = useEvaluationStep(evaluationId);
  const answerForm = useScrollToOnce(isLinked);
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
        {/* An OPD that has just answered sees a band from its answers alone: say it may still move. */}
        {band && view.status === 'open' ? (
          <Text fz="sm" c="dimmed">
            {t('provisional')}
          </Text>
        ) : null}
        <ScoreTable evaluation={view} />
        <ComputedTable evaluation={view} />
        {/* Computed indicators have no respondents: they are in the table above, not among the answers. */}
        {form.data ? <IndicatorAnswers evaluation={view} indicators={form.data.indicators.filter((indicator) => indicator.computedFrom === null)} /> : null}
        {view.can.sendPartnerLink ? <PartnerLinkPanel evaluationId={view.id} isOpen={view.status === 'open'} /> : null}
        {view.can.answerAs && form.data ? (
          // Clear of the app's fixed header when scrolled to.
          <Box ref={answerForm} style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 60px) + var(--mantine-spacing-md))' }}>
            <AnswerForm key={`${view.id}-${String(view.responses.length)}`} evaluation={view} respondent={view.can.answerAs} indicators={indicatorsFor(form.data.indicators, view.can.answerAs)} />
          </Box>
        ) : null}
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
