import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImpactStudyView, ImpactYear } from '../../../../shared/impact-study';
import { formatNumber, formatRupiah } from '../../../lib/format';
import { dormantShare, namesOf } from '../lib/impact-view';

function largest(codes: string[], counts: Record<string, number>, names: string[], each: (count: number) => string): string {
  if (codes.length === 0) return '–';
  return `${names.join(', ')} ${each(counts[codes[0] ?? ''] ?? 0)}`;
}

// One row per year: the survey's figures, then what it could not see.
export function SummaryTable({ study }: { study: ImpactStudyView }) {
  const { t, i18n } = useTranslation('impact-study');
  const number = (value: number) => formatNumber(value, i18n.language);
  const each = (codes: string[]) => (count: number) => (codes.length > 1 ? t('summary.each', { count }) : t('summary.count', { count }));
  const dormant = (year: ImpactYear) => {
    const share = dormantShare(year);
    return share === null ? '–' : `${number(year.dormant ?? 0)} (${formatNumber(share * 100, i18n.language, { maximumFractionDigits: 1 })} %)`;
  };
  const heads = ['year', 'total', 'largestGroup', 'largestSector', 'inForce', 'planned', 'implemented', 'beneficiaries', 'funds', 'dormant'] as const;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="impact-summary">
      <Title order={2} fz="h4" mb="sm" id="impact-summary">
        {t('summary.title')}
      </Title>
      <Table.ScrollContainer minWidth={1150} type="native" tabIndex={0} role="region" aria-label={t('summary.title')}>
        <Table highlightOnHover verticalSpacing={6} withTableBorder withColumnBorders aria-labelledby="impact-summary">
          <Table.Thead>
            <Table.Tr>
              {heads.map((head) => (
                <Table.Th key={head} scope="col" ta={head === 'largestGroup' || head === 'largestSector' ? 'left' : 'right'}>
                  {t(`summary.columns.${head}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {study.years.map((year) => (
              <Table.Tr key={year.year}>
                <Table.Th scope="row" ta="right">
                  {year.year}
                </Table.Th>
                <Table.Td ta="right" fw={600}>
                  {number(year.total)}
                </Table.Td>
                <Table.Td>{largest(year.largestPartnerGroup, year.byPartnerGroup, namesOf(year.largestPartnerGroup, study.labels.groups), each(year.largestPartnerGroup))}</Table.Td>
                <Table.Td>{largest(year.largestSector, year.bySector, namesOf(year.largestSector, study.labels.sectors), each(year.largestSector))}</Table.Td>
                <Table.Td ta="right">{number(year.inForce)}</Table.Td>
                <Table.Td ta="right">{number(year.planned)}</Table.Td>
                <Table.Td ta="right">{number(year.implemented)}</Table.Td>
                <Table.Td ta="right">{number(year.beneficiariesTotal)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(year.fundsTotal)}</Table.Td>
                <Table.Td ta="right">{dormant(year)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
