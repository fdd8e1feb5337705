import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ObligationState } from '../../../../shared/obligations';

// Colours chosen for AA contrast (as the evaluation bands); late is solid red, to stand out.
const COLORS: Record<ObligationState, { background: string; color: string }> = {
  open: { background: '#d0ebff', color: '#0b4f8a' },
  late: { background: '#a51111', color: '#ffffff' },
  met: { background: '#d3f9d8', color: '#1b5e20' },
  waived: { background: '#e9ecef', color: '#343a40' },
};

export function StateBadge({ state }: { state: ObligationState }) {
  const { t } = useTranslation('obligations');
  return (
    <Badge variant="filled" styles={{ root: COLORS[state] }} data-state={state}>
      {t(`state.${state}`)}
    </Badge>
  );
}
