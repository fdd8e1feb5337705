import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComputedIndicatorView, EvaluationView } from '../../../../shared/evaluation';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { tableMinWidth } from './score-table';

function figuresText(value: ComputedIndicatorView, t: (key: string, options?: Record<string, unknown>) => string, language: string): string {
  if (value.figures === null) return '—';
  if (value.source === 'dissemination_acknowledged' && value.figures.of === null) return t('computed.source.dissemination_unpublished');
  const count = formatNumber(value.figures.count, language);
  const of = value.figures.of === null ? '' : formatNumber(value.figures.of, language);
  return t(`computed.source.${value.source}`, { count, of });
}

// The indicators Jalin fills from its own data: the question, the figures behind it and the score,
// or "no data" where there is nothing to measure yet (left out of the scores). Provisional while the
// evaluation is open; frozen with it when it is finalised.
export function ComputedTable({ evaluation }: { evaluation: EvaluationView }) {
  const { t, i18n } = useTranslation('evaluation');
  if (evaluation.computed.length === 0) return null;
  const isEnglish = i18n.language.startsWith('en');
  return (
    <Stack gap="xs" data-testid="computed-indicators">
      <Title order={4}>{t('computed.title')}</Title>
      <Text fz="sm" c="dimmed">
        {t('computed.hint')}{' '}
        {evaluation.status === 'open' ? t('computed.provisional') : evaluation.computedFrozenAt ? t('computed.frozen', { date: formatDateTime(evaluation.computedFrozenAt, i18n.language) }) : null}
      </Text>
      <Table.ScrollContainer minWidth={tableMinWidth(2, 160)}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('computed.question')}</Table.Th>
              <Table.Th>{t('computed.figures')}</Table.Th>
              <Table.Th>{t('computed.score')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {evaluation.computed.map((value) => (
              <Table.Tr key={value.code}>
                <Table.Th scope="row" fw="normal">
                  {isEnglish ? value.questionEn : value.question}
                </Table.Th>
                <Table.Td>{figuresText(value, t, i18n.language)}</Table.Td>
                <Table.Td>{value.score === null ? <Text span c="dimmed" fz="sm">{t('computed.noData')}</Text> : formatNumber(value.score, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
