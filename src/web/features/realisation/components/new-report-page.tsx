import { Alert, Anchor, Fieldset, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { errorMessage } from '../../../lib/notify';
import { usePlanReports, useReportablePlans } from '../api/realisation-api';
import { isPeriodCode } from '../lib/periods';
import { ReportForm } from './report-form';

// A plan's report for a period that has none yet: the empty form. Once saved (or when one exists
// already, made in another tab), the report's own page takes over.
export function NewReportPage() {
  const { t } = useTranslation('realisation');
  const navigate = useNavigate();
  const { planId = '', period = '' } = useParams();
  const plans = useReportablePlans();
  const reports = usePlanReports(planId);
  if (plans.isPending || reports.isPending) return <PageLoader />;
  if (plans.error ?? reports.error) return <Alert color="red">{errorMessage(plans.error ?? reports.error)}</Alert>;
  const plan = plans.data?.find((candidate) => candidate.id === planId);
  const existing = reports.data?.find((report) => report.period === period);
  if (existing) return <Navigate to={`/realisation/reports/${existing.id}`} replace />;
  if (!plan || !isPeriodCode(period)) return <Alert color="red">{t('report.notFoundPlan')}</Alert>;
  return (
    <>
      <Anchor component={Link} to={`/realisation?period=${period}`} size="sm">
        {t('report.back')}
      </Anchor>
      <PageHeader title={plan.title} description={`${t('report.titleNew')} · ${t('report.meta', { unit: plan.unitName, period })}`} />
      <ReportForm
        target={{ kind: 'create', planId, period }}
        planned={{ amount: plan.budgetAmount, source: plan.budgetSource }}
        onSaved={(report) => void navigate(`/realisation/reports/${report.id}`, { replace: true })}
        onReload={() => void reports.refetch()}
        evidence={
          <Fieldset legend={t('evidence.title')}>
            <Text size="sm" c="dimmed">
              {t('evidence.saveFirst')}
            </Text>
          </Fieldset>
        }
      />
    </>
  );
}
