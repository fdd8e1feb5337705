import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../../shared/realisation';

// 'none': the plan has no report for the period yet.
export type ReportState = ReportStatus | 'none';

// Pairs picked for a contrast of at least 4.5:1 (WCAG AA), as the agreement status badge.
const COLORS: Record<ReportState, { background: string; color: string }> = {
  none: { background: '#fff3bf', color: '#7a4b00' },
  draft: { background: '#f1f3f5', color: '#343a40' },
  submitted: { background: '#d0ebff', color: '#0b4f8a' },
  returned: { background: '#ffe3e3', color: '#a51111' },
  verified: { background: '#d3f9d8', color: '#1b5e20' },
};

export function ReportStatusBadge({ status }: { status: ReportState }) {
  const { t } = useTranslation('realisation');
  const colors = COLORS[status];
  return (
    <Badge variant="filled" styles={{ root: { background: colors.background, color: colors.color, flexShrink: 0 } }} data-testid="report-status">
      {t(`status.${status}`)}
    </Badge>
  );
}
