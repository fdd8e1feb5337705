import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeGroup, HomeTask } from '../../../../shared/home';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatDate } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useCurrentUser } from '../../../lib/session';
import { useHome } from '../api/home-api';

function TaskRow({ task }: { task: HomeTask }) {
  const { t, i18n } = useTranslation('home');
  return (
    <Stack gap={2} py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Anchor component={Link} to={task.link} fw={600} style={{ overflowWrap: 'anywhere' }}>
        {task.subject}
      </Anchor>
      {task.context ? (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {task.context}
        </Text>
      ) : null}
      <Group gap="xs">
        {task.note ? <Text size="sm">{task.note}</Text> : null}
        {task.dueOn ? (
          <Text size="sm" c={task.late ? 'red.8' : 'dimmed'}>
            {t(`dueLabel.${task.kind}`, { date: formatDate(task.dueOn, i18n.language) })}
          </Text>
        ) : null}
        {task.late ? (
          <Badge color="red" variant="light">
            {t('late')}
          </Badge>
        ) : null}
      </Group>
    </Stack>
  );
}

function GroupCard({ group }: { group: HomeGroup }) {
  const { t } = useTranslation('home');
  const headingId = `home-${group.kind}`;
  return (
    <Card withBorder padding="md" component="section" style={{ alignSelf: 'start' }} aria-labelledby={headingId} data-testid={headingId}>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={2} fz="h5" id={headingId}>
          {t(`kinds.${group.kind}`)}
        </Title>
        <Badge variant={group.total > 0 ? 'filled' : 'light'} color={group.total > 0 ? 'blue' : 'gray'}>
          {group.total}
        </Badge>
      </Group>
      {group.tasks.length === 0 ? (
        <Group gap={6} c="dimmed">
          <IconCircleCheck size={16} aria-hidden />
          <Text size="sm">{t(`empty.${group.kind}`)}</Text>
        </Group>
      ) : (
        <div>
          {group.tasks.map((task, index) => (
            <TaskRow key={`${task.link}-${String(index)}`} task={task} />
          ))}
          {group.total > group.tasks.length ? (
            <Text size="sm" c="dimmed" pt={6}>
              {t('more', { count: group.total - group.tasks.length })}
            </Text>
          ) : null}
        </div>
      )}
    </Card>
  );
}

// Each role's home: what waits for this person today, most pressing kinds first.
export function HomePage() {
  const { t } = useTranslation('home');
  const user = useCurrentUser();
  const home = useHome();
  if (home.isPending) return <PageLoader />;
  if (home.isError) return <Alert color="red">{errorMessage(home.error)}</Alert>;
  const waiting = home.data.groups.reduce((sum, group) => sum + group.total, 0);
  // Kinds with something waiting come first, in the role's order; the quiet ones follow.
  const groups = [...home.data.groups.filter((group) => group.total > 0), ...home.data.groups.filter((group) => group.total === 0)];
  return (
    <>
      <PageHeader title={t('title')} description={user ? t('greeting', { name: user.name, count: waiting }) : undefined} />
      {home.data.groups.length === 0 ? <Text c="dimmed">{t('nothingForRole')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {groups.map((group) => (
          <GroupCard key={group.kind} group={group} />
        ))}
      </SimpleGrid>
    </>
  );
}
