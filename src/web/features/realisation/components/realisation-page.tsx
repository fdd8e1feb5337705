import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconClipboardText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { PlanView } from '../../../../shared/plans';
import type { ReportSummaryView } from '../../../../shared/realisation';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatRupiah, todayInTernate } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useSettings } from '../../../lib/settings-queries';
import { useReportablePlans, useReportQueue } from '../api/realisation-api';
import { defaultPeriod, isPeriodCode, planReportPath, reportingPeriods } from '../lib/periods';
import { PeriodSelect } from './period-select';
import { ReportStatusBadge } from './report-status-badge';

function ReturnReason({ report }: { report: ReportSummaryView }) {
  const { t } = useTranslation('realisation');
  if (report.status !== 'returned' || !report.returnReason) return null;
  return (
    <Text size="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>
      {t('mine.reason', { reason: report.returnReason })}
    </Text>
  );
}

function actionOf(report: ReportSummaryView | undefined): 'create' | 'fix' | 'open' {
  if (!report) return 'create';
  return report.status === 'returned' ? 'fix' : 'open';
}

// One plan and its report for the chosen period: opening it shows the report, or starts one.
function PlanCard({ plan, report, period, isOpen }: { plan: PlanView; report: ReportSummaryView | undefined; period: string; isOpen: boolean }) {
  const { t } = useTranslation('realisation');
  const action = actionOf(report);
  const to = report ? `/realisation/reports/${report.id}` : `/realisation/plans/${plan.id}/${period}`;
  return (
    <Card withBorder padding="md" data-testid={`plan-${plan.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} fz="md" style={{ overflowWrap: 'anywhere' }}>
            {plan.title}
          </Title>
          <ReportStatusBadge status={report?.status ?? 'none'} />
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {plan.agreementTitle}
        </Text>
        <Text size="sm">
          {plan.unitName} · {t('mine.budget', { amount: formatRupiah(plan.budgetAmount), source: t(`sources.${plan.budgetSource}`) })}
        </Text>
        {report ? <ReturnReason report={report} /> : null}
        {report || isOpen ? (
          <Group>
            <Button component={Link} to={to} size="sm" variant={action === 'open' ? 'default' : 'filled'} leftSection={<IconClipboardText size={18} aria-hidden />}>
              {t(`mine.${action}`)}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

// Reports the division returned in an earlier period: still the OPD's to correct, whatever period is shown.
function ReturnedElsewhere({ period }: { period: string }) {
  const { t } = useTranslation('realisation');
  const returned = useReportQueue({ status: 'returned' });
  const rows = (returned.data ?? []).filter((report) => report.period !== period);
  if (rows.length === 0) return null;
  return (
    <Stack gap="xs" mb="lg">
      <Title order={2} fz="h4">
        {t('mine.returnedElsewhere')}
      </Title>
      {rows.map((report) => (
        <Card key={report.id} withBorder padding="md">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {report.planTitle} · {report.period}
              </Text>
              <ReportStatusBadge status={report.status} />
            </Group>
            <ReturnReason report={report} />
            <Group>
              <Button component={Link} to={`/realisation/reports/${report.id}`} size="sm">
                {t('mine.fix')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

// The OPD liaison's page: the plans of the period's budget year, each with its report's state.
export function RealisationPage() {
  const [params] = useSearchParams();
  const target = planReportPath(params);
  // One plan's report was asked for: its page shows the report, or the form that starts it.
  if (target) return <Navigate to={target} replace />;
  return <PlansForPeriod />;
}

function PlansForPeriod() {
  const { t } = useTranslation('realisation');
  const [params, setParams] = useSearchParams();
  const settings = useSettings();
  const closeDays = settings.data?.reportCloseDays ?? DEFAULT_SETTINGS.reportCloseDays;
  const today = todayInTernate();
  const choices = reportingPeriods(today, closeDays);
  const asked = params.get('period');
  const period = isPeriodCode(asked) ? asked : defaultPeriod(today, closeDays);
  const isOpen = choices.find((choice) => choice.period === period)?.isOpen ?? false;
  const plans = useReportablePlans();
  const reports = useReportQueue({ period });
  // A plan is carried out, and so reported, in the semesters of its budget year.
  const year = Number(period.slice(0, 4));
  const rows = (plans.data ?? []).filter((plan) => plan.budgetYear === year);
  const reportOf = (planId: string) => reports.data?.find((report) => report.planId === planId);
  return (
    <>
      <PageHeader title={t('mine.title')} description={t('mine.description')} />
      <Group align="flex-end" mb="md">
        <PeriodSelect choices={choices} value={period} onChange={(next) => setParams(next ? { period: next } : {})} />
      </Group>
      <ReturnedElsewhere period={period} />
      {!isOpen ? (
        <Alert color="gray" mb="md">
          {t('mine.closedNote', { period })}
        </Alert>
      ) : null}
      {plans.isPending || reports.isPending ? <PageLoader /> : null}
      {plans.error ?? reports.error ? <Alert color="red">{errorMessage(plans.error ?? reports.error)}</Alert> : null}
      {plans.data && reports.data ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {rows.length === 0 ? t('mine.empty', { year }) : t('mine.count', { count: rows.length })}
          </Text>
          {rows.map((plan) => (
            <PlanCard key={plan.id} plan={plan} report={reportOf(plan.id)} period={period} isOpen={isOpen} />
          ))}
        </Stack>
      ) : null}
    </>
  );
}
