import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ObligationState } from '../../../../shared/obligations';

// Filled and dark enough for AA contrast with white text; late is red, as everywhere in Jalin.
const COLORS: Record<ObligationState, string> = { open: 'blue.9', late: 'red.9', met: 'green.9', waived: 'gray.7' };

export function StateBadge({ state }: { state: ObligationState }) {
  const { t } = useTranslation('obligations');
  return (
    <Badge variant="filled" color={COLORS[state]} data-state={state}>
      {t(`state.${state}`)}
    </Badge>
  );
}
