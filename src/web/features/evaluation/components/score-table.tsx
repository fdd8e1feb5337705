import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EVALUATION_DIMENSIONS, type DimensionScores, type EvaluationBand, type EvaluationView } from '../../../../shared/evaluation';
import { formatNumber } from '../../../lib/format';

// Pairs with a contrast of at least 4.5:1 (WCAG AA), as the report status badge.
const BAND_COLORS: Record<EvaluationBand, { background: string; color: string }> = {
  efektif: { background: '#d3f9d8', color: '#1b5e20' },
  cukup: { background: '#d0ebff', color: '#0b4f8a' },
  kurang: { background: '#fff3bf', color: '#7a4b00' },
  dorman: { background: '#ffe3e3', color: '#a51111' },
};

function scoreText(value: number | null | undefined, language: string): string {
  return value === null || value === undefined ? '—' : formatNumber(value, language, { maximumFractionDigits: 2 });
}

// Wide enough for the row labels and each score column: a phone scrolls the table sideways only
// once several respondents have answered.
export function tableMinWidth(scoreColumns: number, labelWidth = 130): number {
  return labelWidth + 80 * scoreColumns;
}

export function BandBadge({ band }: { band: EvaluationBand | null }) {
  const { t } = useTranslation('evaluation');
  if (!band) return <Text component="span" c="dimmed">{t('band.none')}</Text>;
  return (
    <Badge variant="filled" styles={{ root: { background: BAND_COLORS[band].background, color: BAND_COLORS[band].color } }} data-testid="evaluation-band">
      {t(`band.${band}`)}
    </Badge>
  );
}

// Scores per element: the combined result, each respondent beside it, and the partner − OPD gap.
export function ScoreTable({ evaluation }: { evaluation: EvaluationView }) {
  const { t, i18n } = useTranslation('evaluation');
  const gap: DimensionScores | null = evaluation.partnerGap;
  const columns = 1 + evaluation.responses.length + (gap ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={tableMinWidth(columns)}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scores.element')}</Table.Th>
            <Table.Th>{t('scores.result')}</Table.Th>
            {evaluation.responses.map((response) => (
              <Table.Th key={response.respondent}>{t(`respondent.${response.respondent}`)}</Table.Th>
            ))}
            {gap ? <Table.Th>{t('scores.gap')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {EVALUATION_DIMENSIONS.map((dimension) => (
            <Table.Tr key={dimension}>
              <Table.Th scope="row">{t(`dimension.${dimension}`)}</Table.Th>
              <Table.Td>{scoreText(evaluation.result.dimensions[dimension], i18n.language)}</Table.Td>
              {evaluation.responses.map((response) => (
                <Table.Td key={response.respondent}>{scoreText(response.result.dimensions[dimension], i18n.language)}</Table.Td>
              ))}
              {gap ? <Table.Td>{scoreText(gap[dimension], i18n.language)}</Table.Td> : null}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('dimension.overall')}</Table.Th>
            <Table.Td>{scoreText(evaluation.result.overall, i18n.language)}</Table.Td>
            {evaluation.responses.map((response) => (
              <Table.Td key={response.respondent}>{scoreText(response.result.overall, i18n.language)}</Table.Td>
            ))}
            {gap ? <Table.Td /> : null}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
