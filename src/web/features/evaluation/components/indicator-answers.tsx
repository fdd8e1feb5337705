import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvaluationIndicator, EvaluationView } from '../../../../shared/evaluation';
import { scoreOf } from '../lib/answer-values';
import { tableMinWidth } from './score-table';

// Each indicator's score from each respondent side by side, with the partner − OPD gap where both answered.
export function IndicatorAnswers({ evaluation, indicators }: { evaluation: EvaluationView; indicators: EvaluationIndicator[] }) {
  const { t, i18n } = useTranslation('evaluation');
  const { responses } = evaluation;
  const showsGap = responses.some((response) => response.respondent === 'partner') && responses.some((response) => response.respondent === 'opd');
  if (responses.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={tableMinWidth(responses.length + (showsGap ? 1 : 0), 220)}>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indicators.question')}</Table.Th>
            {responses.map((response) => (
              <Table.Th key={response.respondent}>{t(`respondent.${response.respondent}`)}</Table.Th>
            ))}
            {showsGap ? <Table.Th>{t('scores.gap')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((indicator) => {
            const partner = scoreOf(evaluation, { respondent: 'partner', code: indicator.code });
            const opd = scoreOf(evaluation, { respondent: 'opd', code: indicator.code });
            return (
              <Table.Tr key={indicator.code}>
                <Table.Th scope="row" fw="normal">
                  {i18n.language === 'en' ? indicator.questionEn : indicator.question}
                </Table.Th>
                {responses.map((response) => (
                  <Table.Td key={response.respondent}>{scoreOf(evaluation, { respondent: response.respondent, code: indicator.code }) ?? '—'}</Table.Td>
                ))}
                {showsGap ? <Table.Td>{partner === null || opd === null ? '—' : partner - opd}</Table.Td> : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
