import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LeadershipDashboard } from '../../../../shared/leadership';
import { DeadlinesCard } from '../../../components/deadlines-card';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatRupiah, todayInTernate } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useDashboard, type PeriodChoice } from '../api/leadership-api';
import { usePeriodParams } from '../lib/period';
import { SectorTable, UnitTable } from './activity-tables';
import { ComparedTable } from './compared-table';
import { ConcernsSection } from './concerns-section';
import { FunnelSection } from './funnel-section';
import { PeriodPicker } from './period-picker';
import { UmkmSection } from './umkm-section';

const rupiah = (value: number) => formatRupiah(String(Math.round(value)));

// The statutory reports' deadlines, counted down as on the reports page.
function Deadlines({ dashboard }: { dashboard: LeadershipDashboard }) {
  if (dashboard.deadlines.length === 0) return null;
  return <DeadlinesCard deadlines={dashboard.deadlines} />;
}

function DashboardBody({ dashboard, period }: { dashboard: LeadershipDashboard; period: PeriodChoice }) {
  const { t } = useTranslation('leadership');
  const shownPeriod = { from: dashboard.period.from, to: dashboard.period.to };
  const beneficiaries = dashboard.beneficiaries.map((row) => ({ key: row.group, label: t(`beneficiaries.groups.${row.group}`), count: row.count, previous: row.previous }));
  const funds = dashboard.funds.map((row) => ({ key: row.source, label: t(`funds.sources.${row.source}`), count: Number(row.realised), previous: Number(row.previous) }));
  const bands = dashboard.bands.map((row) => ({ key: row.band, label: t(`bands.${row.band}`), count: row.count, previous: row.previous }));
  return (
    <Stack gap="lg">
      <Deadlines dashboard={dashboard} />
      <Text fz="sm">{t('signedInPeriod', { count: dashboard.signedInPeriod.count, previous: dashboard.signedInPeriod.previous })}</Text>
      <FunnelSection funnel={dashboard.funnel} period={period.from || period.to ? period : shownPeriod} />
      <ConcernsSection dashboard={dashboard} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ComparedTable id="leadership-beneficiaries" title={t('beneficiaries.title')} labelHeader={t('beneficiaries.group')} rows={beneficiaries} />
        <ComparedTable id="leadership-funds" title={t('funds.title')} labelHeader={t('funds.source')} rows={funds} format={rupiah} />
      </SimpleGrid>
      <ComparedTable id="leadership-bands" title={t('bands.title')} labelHeader={t('bands.band')} rows={bands} />
      <UnitTable rows={dashboard.byUnit} />
      <SectorTable rows={dashboard.bySector} />
      <UmkmSection umkm={dashboard.umkm} />
    </Stack>
  );
}

// The pimpinan's home (issue 12): from signed documents to results, for a chosen period.
export function LeadershipPage() {
  const { t } = useTranslation('leadership');
  const { period, isValid, setPeriod } = usePeriodParams();
  const dashboard = useDashboard(period, isValid);
  const shown = dashboard.data;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="lg">
        <PeriodPicker key={shown ? `${shown.period.from}|${shown.period.to}` : 'default'} shown={shown?.period} previous={shown?.previousPeriod} today={shown?.on ?? todayInTernate()} onChange={setPeriod} />
        {dashboard.isError ? (
          <Alert color="red" variant="light" title={t('errors.load')} icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(dashboard.error)}
          </Alert>
        ) : null}
        {!isValid ? (
          <Alert color="red" variant="light" role="alert">
            {t('period.fromAfterTo')}
          </Alert>
        ) : null}
        {shown ? <DashboardBody dashboard={shown} period={period} /> : dashboard.isPending && isValid ? <PageLoader /> : null}
      </Stack>
    </>
  );
}
