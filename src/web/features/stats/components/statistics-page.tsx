import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertCircle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MAX_STATS_RANGE_YEARS, StatsQuerySchema, type StatsResponse } from '../../../../shared/stats';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useMasterData, useMasterLookups } from '../../../lib/master-data';
import { errorMessage, notifyError } from '../../../lib/notify';
import { useExportStats, useStats } from '../api/use-stats';
import { tableRows } from '../lib/stats-view';
import { CountTable } from './count-table';
import { ProposalDurationsSection } from './proposal-durations-section';
import { GroupChart, SectorChart, TotalsChart } from './stats-charts';
import { YearRangeFilter } from './year-range-filter';
import { YearSummary } from './year-summary';

function readYear(value: string | null): number | undefined {
  return value && /^\d{4}$/.test(value) ? Number(value) : undefined;
}

// The range lives in the address, so a table can be shared as a link; without it the API picks.
function useRange() {
  const { t } = useTranslation('stats');
  const [params, setParams] = useSearchParams();
  const from = readYear(params.get('from'));
  const to = readYear(params.get('to'));
  const parsed = StatsQuerySchema.safeParse({ from: from === undefined ? undefined : String(from), to: to === undefined ? undefined : String(to) });
  const errors: { from?: string; to?: string } = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (issue.path[0] === 'to') errors.to = t('range.tooLong', { max: MAX_STATS_RANGE_YEARS });
    else errors.from = t('range.fromAfterTo');
  }
  const setRange = (range: { from: number; to: number }) => setParams({ from: String(range.from), to: String(range.to) }, { replace: true });
  return { from, to, errors, isValid: parsed.success, setRange };
}

function StatsBody({ stats }: { stats: StatsResponse }) {
  const { t } = useTranslation('stats');
  const master = useMasterData();
  const { groupName, sectorName } = useMasterLookups();
  const years = stats.years.map((year) => year.year);
  const groups = (master.data?.partnerGroups ?? []).map(({ code, name }) => ({ code, name }));
  const categories = (master.data?.partnerCategories ?? []).map(({ code, name, groupCode }) => ({ code, name, note: groupName(groupCode) }));
  const sectors = (master.data?.sectors ?? []).map(({ code, name }) => ({ code, name }));
  // Codes are never shown in place of names: the labels come first.
  if (master.isPending) return <PageLoader />;
  const totals = stats.years.map((year) => year.total);
  const groupRows = tableRows(stats.years, 'byPartnerGroup', groups);
  const sectorRows = tableRows(stats.years, 'bySector', sectors);
  const totalRow = [{ code: 'total', label: t('charts.agreements'), counts: totals, total: totals.reduce((sum, value) => sum + value, 0) }];
  return (
    <Stack gap="lg">
      <YearSummary years={stats.years} groupName={groupName} sectorName={sectorName} />
      <CountTable id="stats-totals" title={t('tables.totals')} labelHeader={t('tables.year')} years={years} rows={totalRow} withFooter={false} markHighest={false} chart={<TotalsChart years={years} totals={totals} />} />
      <CountTable id="stats-groups" title={t('tables.byGroup')} labelHeader={t('tables.group')} years={years} rows={groupRows} chart={<GroupChart years={years} rows={groupRows} />} />
      <CountTable id="stats-categories" title={t('tables.byCategory')} labelHeader={t('tables.category')} years={years} rows={tableRows(stats.years, 'byPartnerCategory', categories)} />
      <CountTable id="stats-sectors" title={t('tables.bySector')} labelHeader={t('tables.sector')} years={years} rows={sectorRows} chart={<SectorChart years={years} rows={sectorRows} />} />
    </Stack>
  );
}

export function StatisticsPage() {
  const { t } = useTranslation('stats');
  const range = useRange();
  const stats = useStats({ from: range.from, to: range.to }, range.isValid);
  const exporter = useExportStats();
  const shown = stats.data;
  const exportXlsx = () => {
    if (shown) exporter.mutate({ from: shown.from, to: shown.to }, { onError: notifyError });
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            onClick={exportXlsx}
            loading={exporter.isPending}
            disabled={!shown}
          >
            {t('export.button')}
          </Button>
        }
      />
      <Stack gap="lg">
        <YearRangeFilter from={range.from ?? shown?.from} to={range.to ?? shown?.to} currentYear={new Date().getFullYear()} errors={range.errors} onChange={range.setRange} />
        {stats.isError ? (
          <Alert color="red" variant="light" title={t('errors.load')} icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(stats.error)}
          </Alert>
        ) : null}
        {shown ? <StatsBody stats={shown} /> : stats.isPending && range.isValid ? <PageLoader /> : null}
        <ProposalDurationsSection />
      </Stack>
    </>
  );
}
