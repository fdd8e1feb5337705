import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useMediaQuery } from '@mantine/hooks';
import { ChartFrame, chartColor, LEGEND_IN_SERIES_ORDER } from '../../../components/chart-frame';
import { useTranslation } from 'react-i18next';
import type { YearRow } from '../lib/impact-view';

const MAX_YEAR_SERIES = 6;


// Years along the axis, one bar per row (a single row: one bar a year).
export function YearBars({ label, years, rows }: { label: string; years: number[]; rows: YearRow[] }) {
  const data = years.map((year, index) => ({ year: String(year), ...Object.fromEntries(rows.map((row) => [row.code, row.values[index] ?? 0])) }));
  const series = rows.map((row, index) => ({ name: row.code, label: row.label, color: chartColor(index) }));
  const isSingle = rows.length === 1;
  return (
    <ChartFrame label={label} height={isSingle ? 220 : 300}>
      <BarChart
        h={isSingle ? 220 : 260}
        data={data}
        dataKey="year"
        series={series}
        withLegend={!isSingle}
        legendProps={LEGEND_IN_SERIES_ORDER}
        withBarValueLabel={isSingle}
        valueFormatter={String}
        tickLine="y"
        gridAxis="y"
        maxBarWidth={isSingle ? 56 : 28}
      />
    </ChartFrame>
  );
}

function shorten(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

// Items down the side (the 13 sectors read better so), a bar per year while that stays readable.
export function ItemBars({ label, years, rows }: { label: string; years: number[]; rows: YearRow[] }) {
  const { t } = useTranslation('impact-study');
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const byYear = years.length <= MAX_YEAR_SERIES;
  const data = rows.map((row) => ({
    item: shorten(row.label, isPhone ? 18 : 34),
    ...(byYear ? Object.fromEntries(years.map((year, index) => [String(year), row.values[index] ?? 0])) : { total: row.total }),
  }));
  const series = byYear
    ? years.map((year, index) => ({ name: String(year), color: chartColor(index) }))
    : [{ name: 'total', label: t('charts.rangeTotal', { from: years[0], to: years.at(-1) }), color: 'blue.8' }];
  const height = rows.length * ((byYear ? years.length : 1) * 9 + 18) + 80;
  return (
    <ChartFrame label={label} height={height}>
      <BarChart h={height} data={data} dataKey="item" orientation="vertical" series={series} withLegend legendProps={LEGEND_IN_SERIES_ORDER} yAxisProps={{ width: isPhone ? 110 : 230, interval: 0 }} tickLine="x" gridAxis="x" />
    </ChartFrame>
  );
}
