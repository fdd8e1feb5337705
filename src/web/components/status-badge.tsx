import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus } from '../../shared/agreement-codes';

// Pairs picked for a contrast of at least 4.5:1 (WCAG AA) on each badge.
const STATUS_COLORS: Record<AgreementStatus, { background: string; color: string }> = {
  draft: { background: '#f1f3f5', color: '#343a40' },
  aktif: { background: '#d3f9d8', color: '#1b5e20' },
  akan_berakhir: { background: '#fff3bf', color: '#7a4b00' },
  berakhir: { background: '#e9ecef', color: '#495057' },
  diakhiri: { background: '#ffe3e3', color: '#a51111' },
  dicabut: { background: '#f3d9fa', color: '#6b1d80' },
};

export function StatusBadge({ status, size = 'md' }: { status: AgreementStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const colors = STATUS_COLORS[status];
  return (
    <Badge size={size} variant="filled" styles={{ root: { background: colors.background, color: colors.color, flexShrink: 0 } }}>
      {t(`codes.status.${status}`)}
    </Badge>
  );
}
