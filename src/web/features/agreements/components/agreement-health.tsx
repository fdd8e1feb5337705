import { Group } from '@mantine/core';
import { HealthBadge, HealthReasons } from '../../../components/health-badge';
import { useAgreementHealth } from '../api/agreement-queries';

// The agreement's health as of today with its reasons, derived by the server; nothing for an
// agreement not in force.
export function AgreementHealthLine({ agreementId }: { agreementId: string }) {
  const query = useAgreementHealth(agreementId);
  const health = query.data?.health;
  if (!health) return null;
  return (
    <Group gap="xs" wrap="wrap" data-testid="agreement-health">
      <HealthBadge status={health.status} />
      <HealthReasons health={health} />
    </Group>
  );
}
