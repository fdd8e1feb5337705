import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementHealth, HealthStatus } from '../../shared/agreement-health';

// An agreement's health as the agreement page, the partner page and the register show it
// (decision 0016); the words are the common namespace's, so every feature says it the same way.

// Pairs with a contrast of at least 4.5:1 (WCAG AA), as the status badges.
const COLORS: Record<HealthStatus, { background: string; color: string }> = {
  sehat: { background: '#d3f9d8', color: '#1b5e20' },
  perlu_perhatian: { background: '#fff3bf', color: '#7a4b00' },
  dorman: { background: '#ffe3e3', color: '#a51111' },
};

export function HealthBadge({ status, size = 'md' }: { status: HealthStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const colors = COLORS[status];
  return (
    <Badge size={size} variant="filled" styles={{ root: { background: colors.background, color: colors.color, flexShrink: 0 } }}>
      {t(`health.status.${status}`)}
    </Badge>
  );
}

// The reasons in words, then the band of the last final evaluation when there is one.
export function HealthReasons({ health, fz = 'sm' }: { health: AgreementHealth; fz?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const reasons = health.reasons.map((reason) => t(`health.reasons.${reason}`));
  const words = reasons.length > 0 ? reasons.join(' · ') : t('health.allWell');
  return (
    <Text component="span" fz={fz}>
      {words}
      {health.lastBand ? ` · ${t('health.lastBand', { band: t(`health.bands.${health.lastBand}`) })}` : ''}
    </Text>
  );
}
