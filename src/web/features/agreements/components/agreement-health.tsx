import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HealthStatus } from '../../../../shared/agreement-health';
import { useAgreementHealth } from '../api/agreement-queries';

// Pairs with a contrast of at least 4.5:1 (WCAG AA), as the status badges.
const COLORS: Record<HealthStatus, { background: string; color: string }> = {
  sehat: { background: '#d3f9d8', color: '#1b5e20' },
  perlu_perhatian: { background: '#fff3bf', color: '#7a4b00' },
  dorman: { background: '#ffe3e3', color: '#a51111' },
};

// The agreement's health as of today with its reasons, derived by the server; nothing for an
// agreement not in force.
export function AgreementHealthLine({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation('agreements');
  const query = useAgreementHealth(agreementId);
  const health = query.data?.health;
  if (!health) return null;
  const reasons = health.reasons.map((reason) => t(`health.reasons.${reason}`));
  return (
    <Group gap="xs" wrap="wrap" data-testid="agreement-health">
      <Badge variant="filled" styles={{ root: { background: COLORS[health.status].background, color: COLORS[health.status].color } }}>
        {t(`health.status.${health.status}`)}
      </Badge>
      <Text component="span" fz="sm">
        {reasons.length > 0 ? reasons.join(' · ') : t('health.allWell')}
        {health.lastBand ? ` · ${t('health.lastBand', { band: t(`health.bands.${health.lastBand}`) })}` : ''}
      </Text>
    </Group>
  );
}
