import { Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatutoryReportSummary } from '../../../../shared/annual-report';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatDate } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useStatutoryReports } from '../api/annual-report-api';
import { DeadlinesCard } from '../../../components/deadlines-card';
import { GenerateForm } from './generate-form';
import { ReportBadges, usePeriodLabel } from './report-badges';
import { ReportSettingsForm } from './report-settings-form';

function ReportRow({ report }: { report: StatutoryReportSummary }) {
  const { t, i18n } = useTranslation('annual-report');
  const periodLabel = usePeriodLabel();
  return (
    <Table.Tr data-testid={`report-row-${report.period}`}>
      <Table.Td>
        <Anchor component={Link} to={`/reports/${report.id}`} fw={600}>
          {t(`kind.${report.kind}`)} — {periodLabel(report)}
        </Anchor>
      </Table.Td>
      <Table.Td miw={130}>
        <ReportBadges report={report} />
      </Table.Td>
      <Table.Td>{formatDate(report.dueOn, i18n.language)}</Table.Td>
      <Table.Td>
        {report.job.status === 'pending'
          ? t('job.progress', {
              done: report.job.done,
              total: report.job.total,
            })
          : report.sectionCount}
      </Table.Td>
    </Table.Tr>
  );
}

// "Laporan": the statutory reports by period with their status and deadline.
export function ReportsPage() {
  const { t } = useTranslation('annual-report');
  const reports = useStatutoryReports();
  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} />
      {reports.isPending ? <PageLoader /> : null}
      {reports.error ? <Alert color="red">{errorMessage(reports.error)}</Alert> : null}
      {reports.data ? (
        <Stack gap="md">
          <DeadlinesCard deadlines={reports.data.deadlines} />
          {reports.data.can.generate ? <GenerateForm /> : null}
          {reports.data.reports.length === 0 ? (
            <Text c="dimmed">{t('list.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Caption>{t('list.tableCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('list.period')}</Table.Th>
                    <Table.Th>{t('list.status')}</Table.Th>
                    <Table.Th>{t('list.due')}</Table.Th>
                    <Table.Th>{t('list.sections')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reports.data.reports.map((report) => (
                    <ReportRow key={report.id} report={report} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {reports.data.can.editSettings ? <ReportSettingsForm /> : null}
        </Stack>
      ) : null}
    </>
  );
}
