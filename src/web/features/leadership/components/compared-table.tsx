import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Delta } from './delta';

export type ComparedRow = { key: string; label: string; count: number; previous: number };

type Props = {
  id: string;
  title: string;
  labelHeader: string;
  rows: ComparedRow[];
  format?: (value: number) => string;
  withChart?: boolean;
};

// A figure per row for the period and the previous one: a bar chart for the eye and, below it,
// the same numbers as a table (the chart's alternative for screen readers and for copying).
export function ComparedTable({ id, title, labelHeader, rows, format, withChart = true }: Props) {
  const { t } = useTranslation('leadership');
  const shown = format ?? ((value: number) => value.toLocaleString('id-ID'));
  const data = rows.map((row) => ({ label: row.label, count: row.count, previous: row.previous }));
  const height = rows.length * 44 + 70;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" mb="sm" id={id}>
        {title}
      </Title>
      {withChart ? (
        <Box component="figure" m={0} mb="md" aria-label={title}>
          <BarChart
            h={height}
            data={data}
            dataKey="label"
            orientation="vertical"
            series={[
              { name: 'count', label: t('period.current'), color: 'blue.8' },
              { name: 'previous', label: t('period.previous'), color: 'gray.6' },
            ]}
            withLegend
            valueFormatter={shown}
            yAxisProps={{ width: 150, interval: 0 }}
            tickLine="x"
            gridAxis="x"
          />
          <Text component="figcaption" fz="xs" c="dimmed" mt={4}>
            {t('chartCaption')}
          </Text>
        </Box>
      ) : null}
      <Table.ScrollContainer minWidth={360} type="native">
        <Table verticalSpacing={6} withTableBorder aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{labelHeader}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('period.current')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('period.previous')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('period.change')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                <Table.Td ta="right">{shown(row.count)}</Table.Td>
                <Table.Td ta="right">{shown(row.previous)}</Table.Td>
                <Table.Td ta="right">
                  <Delta count={row.count} previous={row.previous} format={shown} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
