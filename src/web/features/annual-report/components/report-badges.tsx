import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatutoryReportSummary } from '../../../../shared/annual-report';

const STATUS_COLORS = {
  draft: 'gray',
  final: 'blue',
  submitted: 'teal',
} as const;
const JOB_COLORS = { pending: 'yellow', ready: 'teal', failed: 'red' } as const;

export function usePeriodLabel() {
  const { t } = useTranslation('annual-report');
  return (report: Pick<StatutoryReportSummary, 'part' | 'year'>) => t(`periodLabel.${report.part}`, { year: report.year });
}

export function ReportBadges({ report }: { report: StatutoryReportSummary }) {
  const { t } = useTranslation('annual-report');
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={STATUS_COLORS[report.status]} variant="light" data-testid="report-status">
        {t(`status.${report.status}`)}
      </Badge>
      {report.job.status === 'ready' ? null : (
        <Badge color={JOB_COLORS[report.job.status]} variant="light" data-testid="report-job">
          {t(`job.${report.job.status}`)}
        </Badge>
      )}
    </Group>
  );
}
