import { Alert, Anchor, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { REPORT_STATUSES, type ReportListQuery, type ReportStatus, type ReportSummaryView } from '../../../../shared/realisation';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatDateTime, todayInTernate } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useSettings } from '../../../lib/settings-queries';
import { useReportQueue } from '../api/realisation-api';
import { isPeriodCode, reportingPeriods } from '../lib/periods';
import { PeriodSelect } from './period-select';
import { ReportStatusBadge } from './report-status-badge';

// The filters live in the address (bookmarkable, Back undoes a change). With no status asked the
// queue shows what waits for the division: the submitted reports. 'all' lifts the filter.
function useQueueFilters() {
  const [params, setParams] = useSearchParams();
  const period = params.get('period');
  const status = params.get('status') ?? 'submitted';
  const query: ReportListQuery = {
    ...(isPeriodCode(period) ? { period } : {}),
    ...(REPORT_STATUSES.some((candidate) => candidate === status) ? { status: status as ReportStatus } : {}),
  };
  const update = (name: 'period' | 'status', value: string | null) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return { query, status, update };
}

function QueueRow({ report }: { report: ReportSummaryView }) {
  const { t, i18n } = useTranslation('realisation');
  return (
    <Card withBorder padding="md" data-testid={`queue-${report.id}`}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/realisation/reports/${report.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {report.planTitle}
          </Anchor>
          <ReportStatusBadge status={report.status} />
        </Group>
        <Text size="sm">
          {report.unitName} · {report.period} · {t(`completion.${report.completion}`)}
        </Text>
        {report.submittedAt ? (
          <Text size="xs" c="dimmed">
            {t('queue.submittedAt', { date: formatDateTime(report.submittedAt, i18n.language) })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

// The division's queue of the OPDs' reports; the leadership and the review team read it too.
export function QueuePage() {
  const { t } = useTranslation('realisation');
  const { query, status, update } = useQueueFilters();
  const settings = useSettings();
  const choices = reportingPeriods(todayInTernate(), settings.data?.reportCloseDays ?? DEFAULT_SETTINGS.reportCloseDays);
  const reports = useReportQueue(query);
  const statuses = [{ value: 'all', label: t('queue.allStatuses') }, ...REPORT_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))];
  return (
    <>
      <PageHeader title={t('queue.title')} description={t('queue.description')} />
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <PeriodSelect choices={choices} value={query.period ?? null} onChange={(period) => update('period', period)} placeholder={t('queue.allPeriods')} />
        <Select label={t('queue.status')} data={statuses} value={status} onChange={(value) => update('status', value)} allowDeselect={false} w={{ base: '100%', xs: 220 }} />
      </Group>
      {reports.isPending ? <PageLoader /> : null}
      {reports.error ? <Alert color="red">{errorMessage(reports.error)}</Alert> : null}
      {reports.data ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {reports.data.length === 0 ? t('queue.empty') : t('queue.count', { count: reports.data.length })}
          </Text>
          {reports.data.map((report) => (
            <QueueRow key={report.id} report={report} />
          ))}
        </Stack>
      ) : null}
    </>
  );
}
