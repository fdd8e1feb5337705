import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useMediaQuery } from '@mantine/hooks';
import { ChartFrame, chartColor, LEGEND_IN_SERIES_ORDER } from '../../../components/chart-frame';
import { useTranslation } from 'react-i18next';
import type { TableRow } from '../lib/stats-view';

const MAX_YEAR_SERIES = 6;


export function TotalsChart({ years, totals }: { years: number[]; totals: number[] }) {
  const { t } = useTranslation('stats');
  const data = years.map((year, index) => ({ year: String(year), total: totals[index] ?? 0 }));
  return (
    <ChartFrame label={t('charts.totals')} height={220}>
      <BarChart h={220} data={data} dataKey="year" series={[{ name: 'total', label: t('charts.agreements'), color: 'blue.8' }]} withBarValueLabel valueFormatter={String} tickLine="y" gridAxis="y" maxBarWidth={56} />
    </ChartFrame>
  );
}

export function GroupChart({ years, rows }: { years: number[]; rows: TableRow[] }) {
  const { t } = useTranslation('stats');
  const data = years.map((year, index) => ({ year: String(year), ...Object.fromEntries(rows.map((row) => [row.code, row.counts[index] ?? 0])) }));
  const series = rows.map((row, index) => ({ name: row.code, label: row.label, color: chartColor(index) }));
  return (
    <ChartFrame label={t('charts.byGroup')} height={300}>
      <BarChart h={260} data={data} dataKey="year" series={series} withLegend legendProps={LEGEND_IN_SERIES_ORDER} tickLine="y" gridAxis="y" maxBarWidth={28} />
    </ChartFrame>
  );
}

function shorten(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

// One bar per year while that stays readable; over a long range, the range total per sector.
export function SectorChart({ years, rows }: { years: number[]; rows: TableRow[] }) {
  const { t } = useTranslation('stats');
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const byYear = years.length <= MAX_YEAR_SERIES;
  const labelLength = isPhone ? 18 : 34;
  const data = rows.map((row) => ({
    sector: shorten(row.label, labelLength),
    ...(byYear ? Object.fromEntries(years.map((year, index) => [String(year), row.counts[index] ?? 0])) : { total: row.total }),
  }));
  const series = byYear
    ? years.map((year, index) => ({ name: String(year), color: chartColor(index) }))
    : [{ name: 'total', label: t('charts.rangeTotal', { from: years[0], to: years.at(-1) }), color: 'blue.8' }];
  const height = rows.length * ((byYear ? years.length : 1) * 9 + 18) + 80;
  return (
    <ChartFrame label={t('charts.bySector')} height={height}>
      <BarChart
        h={height}
        data={data}
        dataKey="sector"
        orientation="vertical"
        series={series}
        withLegend
        legendProps={LEGEND_IN_SERIES_ORDER}
       
        yAxisProps={{ width: isPhone ? 110 : 230, interval: 0 }}
        tickLine="x"
        gridAxis="x"
      />
    </ChartFrame>
  );
}
