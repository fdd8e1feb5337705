import { Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { YearRow } from '../lib/impact-view';

type Props = { id: string; title: string; labelHeader: string; years: number[]; rows: YearRow[]; format: (value: number) => string; chart?: ReactNode; note?: string; withTotal?: boolean };

// The label column stays in view while the year columns scroll sideways on a phone.
const STICKY = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const;

// A row per item, a column per year, the range total last; the chart above shows the same figures.
export function YearTable({ id, title, labelHeader, years, rows, format, chart, note, withTotal = true }: Props) {
  const { t } = useTranslation('impact-study');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" mb="sm" id={id}>
        {title}
      </Title>
      {chart}
      <Table.ScrollContainer minWidth={Math.max(360, 200 + years.length * 80)} type="native" tabIndex={0} role="region" aria-label={title}>
        <Table highlightOnHover verticalSpacing={6} withTableBorder withColumnBorders aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" miw={160} style={STICKY}>
                {labelHeader}
              </Table.Th>
              {years.map((year) => (
                <Table.Th key={year} scope="col" ta="right">
                  {year}
                </Table.Th>
              ))}
              {withTotal ? (
                <Table.Th scope="col" ta="right">
                  {t('tables.total')}
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.code}>
                <Table.Th scope="row" fw={500} style={STICKY}>
                  {row.label}
                </Table.Th>
                {row.values.map((value, index) => (
                  <Table.Td key={years[index]} ta="right">
                    {format(value)}
                  </Table.Td>
                ))}
                {withTotal ? (
                  <Table.Td ta="right" fw={600}>
                    {format(row.total)}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {note ? (
        <Text fz="xs" c="dimmed" mt="xs">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}
