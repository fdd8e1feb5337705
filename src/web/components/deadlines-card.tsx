import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportDeadline } from '../../shared/annual-report';
import { formatDate, todayInTernate } from '../lib/format';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function Countdown({ deadline }: { deadline: ReportDeadline }) {
  const { t } = useTranslation();
  if (deadline.submitted)
    return (
      <Badge color="teal" variant="light">
        {t('deadlines.submitted')}
      </Badge>
    );
  const days = daysBetween(todayInTernate(), deadline.dueOn);
  if (days < 0)
    return (
      <Badge color="red" variant="light">
        {t('deadlines.overdue', { count: -days })}
      </Badge>
    );
  if (days === 0)
    return (
      <Badge color="orange" variant="light">
        {t('deadlines.today')}
      </Badge>
    );
  return (
    <Badge color={days <= 14 ? 'orange' : 'gray'} variant="light">
      {t('deadlines.daysLeft', { count: days })}
    </Badge>
  );
}

export function DeadlinesCard({ deadlines }: { deadlines: ReportDeadline[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={2} fz="h4" mb="sm">
        {t('deadlines.title')}
      </Title>
      <Stack gap="xs">
        {deadlines.map((deadline) => (
          <Group key={deadline.label} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              {deadline.label} · {formatDate(deadline.dueOn, i18n.language)}
            </Text>
            <Countdown deadline={deadline} />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
