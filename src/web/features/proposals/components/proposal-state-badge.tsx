import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalState } from '../../../../shared/proposals';

// Pairs picked for a contrast of at least 4.5:1 (WCAG AA); the text names the state, the colour only helps.
const STATE_COLORS: Record<ProposalState, { background: string; color: string }> = {
  draf: { background: '#f1f3f5', color: '#343a40' },
  aktif: { background: '#d0ebff', color: '#0b4a80' },
  dikembalikan: { background: '#fff3bf', color: '#7a4b00' },
  ditolak: { background: '#ffe3e3', color: '#a51111' },
  dibatalkan: { background: '#e9ecef', color: '#495057' },
  terdaftar: { background: '#d3f9d8', color: '#1b5e20' },
};

export function ProposalStateBadge({ state, size = 'md' }: { state: ProposalState; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('proposals');
  const colors = STATE_COLORS[state];
  return (
    <Badge size={size} variant="filled" styles={{ root: { background: colors.background, color: colors.color, flexShrink: 0 } }}>
      {t(`state.${state}`)}
    </Badge>
  );
}
