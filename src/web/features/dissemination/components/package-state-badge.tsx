import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PackageState } from '../../../../shared/dissemination';

// Colour pairs with at least 4.5:1 contrast, like the registry's status badges.
const COLORS: Record<PackageState | 'none', { background: string; color: string }> = {
  none: { background: '#f1f3f5', color: '#343a40' },
  draft: { background: '#f1f3f5', color: '#343a40' },
  review: { background: '#fff3bf', color: '#7a4b00' },
  published: { background: '#d3f9d8', color: '#1b5e20' },
};

export function PackageStateBadge({ state }: { state: PackageState | 'none' }) {
  const { t } = useTranslation('dissemination');
  const colors = COLORS[state];
  return (
    <Badge variant="filled" styles={{ root: { background: colors.background, color: colors.color, flexShrink: 0 } }}>
      {t(`state.${state}`)}
    </Badge>
  );
}
