import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { columnMaxima, type TableRow } from '../lib/stats-view';
import { useNumber } from '../../../lib/use-number';

type Props = { id: string; title: string; labelHeader: string; years: number[]; rows: TableRow[]; chart?: ReactNode; withFooter?: boolean; markHighest?: boolean };


// The label column stays in view while the year columns scroll sideways on a phone.
const STICKY = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const;

// One survey table: a row per group, category or sector, a column per year, the range total last.
export function CountTable({ id, title, labelHeader, years, rows, chart, withFooter = true, markHighest = true }: Props) {
  const { t } = useTranslation('stats');
  const number = useNumber();
  const maxima = columnMaxima(rows, years.length);
  const totals = years.map((_, index) => rows.reduce((sum, row) => sum + (row.counts[index] ?? 0), 0));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" mb="sm" id={id}>
        {title}
      </Title>
      {chart}
      <Table.ScrollContainer minWidth={Math.max(360, 180 + years.length * 64)} type="native" tabIndex={0} role="region" aria-label={title}>
        <Table highlightOnHover verticalSpacing={6} withTableBorder withColumnBorders aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" miw={150} style={STICKY}>
                {labelHeader}
              </Table.Th>
              {years.map((year) => (
                <Table.Th key={year} scope="col" ta="right">
                  {year}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('tables.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.code}>
                <Table.Th scope="row" fw={500} style={STICKY}>
                  {row.label}
                  {row.note ? (
                    <Text component="span" display="block" fz="xs" c="dimmed">
                      {row.note}
                    </Text>
                  ) : null}
                </Table.Th>
                {row.counts.map((count, index) => {
                  const isHighest = markHighest && count > 0 && count === maxima[index];
                  return (
                    <Table.Td key={years[index]} ta="right" fw={isHighest ? 700 : undefined} bg={isHighest ? 'blue.0' : undefined} title={isHighest ? t('tables.highest') : undefined}>
                      {number(count)}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="right" fw={600}>
                  {number(row.total)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {withFooter ? (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" style={STICKY}>
                {t('tables.total')}
              </Table.Th>
              {totals.map((total, index) => (
                <Table.Th key={years[index]} ta="right">
                  {number(total)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{number(totals.reduce((sum, total) => sum + total, 0))}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
          ) : null}
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
