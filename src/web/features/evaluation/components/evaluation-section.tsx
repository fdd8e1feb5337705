import { Alert, Button, Group, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OpenEvaluationSchema, type EvaluationSummary } from '../../../../shared/evaluation';
import { formatNumber } from '../../../lib/format';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useCan } from '../../../lib/session';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useAgreementEvaluations, useOpenEvaluation } from '../api/evaluation-api';
import { EvaluationDetail } from './evaluation-detail';
import { BandBadge } from './score-table';

function OpenEvaluationForm({ agreementId, onOpened }: { agreementId: string; onOpened: (id: string) => void }) {
  const { t } = useTranslation('evaluation');
  const open = useOpenEvaluation(agreementId);
  const form = useSchemaForm({ schema: OpenEvaluationSchema, defaultValues: { period: '' } });
  const submit = form.submit((body) =>
    open.mutate(body, {
      onSuccess: (view) => {
        notifySuccess(t('open.done'));
        onOpened(view.id);
      },
      onError: (failure) => {
        form.showServerErrors(failure);
        notifyError(failure);
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <TextInput label={t('open.period')} description={t('open.periodHint')} placeholder="2026-S2" value={form.values.period} onChange={(event) => form.set('period', event.currentTarget.value)} error={form.error('period')} required />
        <Button type="submit" loading={open.isPending}>
          {t('open.submit')}
        </Button>
      </Group>
    </form>
  );
}

// On a phone the overall score and the respondents wait in the chosen evaluation below, so the
// "Lihat" button stays in sight without scrolling the table sideways.
function HistoryTable({ evaluations, selected, onSelect }: { evaluations: EvaluationSummary[]; selected: string | null; onSelect: (id: string) => void }) {
  const { t, i18n } = useTranslation('evaluation');
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('history.period')}</Table.Th>
            <Table.Th>{t('history.status')}</Table.Th>
            <Table.Th>{t('history.band')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('history.overall')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('history.respondents')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('history.show')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {evaluations.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                {item.period}
                {item.reopenedFrom ? ` (${t('history.reopened')})` : ''}
              </Table.Td>
              <Table.Td>{t(`status.${item.status}`)}</Table.Td>
              <Table.Td>
                <BandBadge band={item.result.band} />
              </Table.Td>
              <Table.Td visibleFrom="sm">{item.result.overall === null ? '—' : formatNumber(item.result.overall, i18n.language, { maximumFractionDigits: 2 })}</Table.Td>
              <Table.Td visibleFrom="sm">{item.respondents.map((respondent) => t(`respondent.${respondent}`)).join(', ')}</Table.Td>
              <Table.Td>
                <Button size="xs" variant={selected === item.id ? 'filled' : 'light'} onClick={() => onSelect(item.id)} aria-label={`${t('history.show')} ${item.period}`}>
                  {t('history.show')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// The agreement page's "Evaluasi" section: its history, newest first, and the one chosen: the one
// the address names (a task on the home screen links to it), else the newest.
export function EvaluationSection({ agreementId, isDraft }: { agreementId: string; isDraft: boolean }) {
  const { t } = useTranslation('evaluation');
  const canManage = useCan('evaluation.manage');
  const evaluations = useAgreementEvaluations(agreementId);
  const [params] = useSearchParams();
  const [chosen, setChosen] = useState<string | null>(null);
  if (evaluations.isPending) return null;
  if (evaluations.isError) return <Alert color="red">{errorMessage(evaluations.error)}</Alert>;
  const linked = evaluations.data.find((item) => item.id === params.get('evaluation'))?.id ?? null;
  const selected = chosen ?? linked ?? evaluations.data[0]?.id ?? null;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('title')}
      </Title>
      {canManage && !isDraft ? <OpenEvaluationForm agreementId={agreementId} onOpened={setChosen} /> : null}
      {evaluations.data.length === 0 ? <Text c="dimmed">{t('empty')}</Text> : <HistoryTable evaluations={evaluations.data} selected={selected} onSelect={setChosen} />}
      {selected ? <EvaluationDetail key={selected} evaluationId={selected} isLinked={chosen === null && selected === linked} /> : null}
    </Stack>
  );
}
