import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecipientView } from '../../../../shared/dissemination';
import { formatDateTime } from '../../../lib/format';

// One OPD's four steps as badges: filled when done, outlined when still waiting.
export function RecipientSteps({ recipient }: { recipient: RecipientView }) {
  const { t } = useTranslation('dissemination');
  const steps: [string, boolean][] = [
    ['sent', true],
    ['opened', recipient.firstOpenedAt !== null],
    ['acknowledged', recipient.acknowledgedAt !== null],
    ['planned', recipient.planned],
  ];
  return (
    <Group gap={4} wrap="wrap">
      {steps.map(([step, done]) => (
        <Badge key={step} size="sm" variant={done ? 'filled' : 'outline'} color={done ? 'teal.9' : 'gray.7'} data-step={step} data-done={done}>
          {t(`step.${step}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function RecipientsTable({ recipients }: { recipients: RecipientView[] }) {
  const { t, i18n } = useTranslation('dissemination');
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('recipients.title')}
      </Title>
      <Stack gap="sm">
        {recipients.map((recipient) => (
          <div key={recipient.unitId} data-testid={`recipient-${recipient.unitId}`}>
            <Text fw={600}>{recipient.unitName}</Text>
            <RecipientSteps recipient={recipient} />
            <Text size="xs" c="dimmed">
              {[
                `${t('step.sent')} ${formatDateTime(recipient.sentAt, i18n.language)}`,
                recipient.firstOpenedAt ? `${t('step.opened')} ${formatDateTime(recipient.firstOpenedAt, i18n.language)}${recipient.firstOpenedByName ? ` ${t('recipients.by', { name: recipient.firstOpenedByName })}` : ''}` : null,
                recipient.acknowledgedAt ? `${t('step.acknowledged')} ${formatDateTime(recipient.acknowledgedAt, i18n.language)}${recipient.acknowledgedByName ? ` ${t('recipients.by', { name: recipient.acknowledgedByName })}` : ''}` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
