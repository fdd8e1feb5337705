import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatutoryReportSummary } from '../../../../shared/annual-report';
import { ToneBadge } from '../../../components/tone-badge';

const STATUS_TONES = { draft: 'gray', final: 'blue', submitted: 'teal' } as const;
const JOB_TONES = { pending: 'yellow', ready: 'teal', failed: 'red' } as const;

export function usePeriodLabel() {
  const { t } = useTranslation('annual-report');
  return (report: Pick<StatutoryReportSummary, 'part' | 'year'>) => t(`periodLabel.${report.part}`, { year: report.year });
}

export function ReportBadges({ report }: { report: StatutoryReportSummary }) {
  const { t } = useTranslation('annual-report');
  return (
    <Group gap={6} wrap="wrap">
      <ToneBadge tone={STATUS_TONES[report.status]} data-testid="report-status">
        {t(`status.${report.status}`)}
      </ToneBadge>
      {report.job.status === 'ready' ? null : (
        <ToneBadge tone={JOB_TONES[report.job.status]} data-testid="report-job">
          {t(`job.${report.job.status}`)}
        </ToneBadge>
      )}
    </Group>
  );
}
