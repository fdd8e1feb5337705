import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconList, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportRunView } from '../../../../shared/imports';
import { PageLoader } from '../../../components/page-loader';
import { errorMessage } from '../../../lib/notify';
import { useImportRun } from '../api/use-imports';
import { useNumber } from '../../../lib/use-number';
import { ImportIssuesTable } from './import-issues-table';

function RunProgress({ run }: { run: ImportRunView }) {
  const { t } = useTranslation('imports');
  const number = useNumber();
  const percent = run.totalRows > 0 ? Math.min(100, Math.round((run.doneRows / run.totalRows) * 100)) : 0;
  const text = t('run.progress', { done: number(run.doneRows), total: number(run.totalRows) });
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="sm" style={{ overflowWrap: 'anywhere' }}>
        {t('run.title', { name: run.fileName })}
      </Title>
      <Progress.Root size="xl" radius="md">
        <Progress.Section value={percent} animated aria-label={t('run.progressLabel')} aria-valuetext={text}>
          <Progress.Label>{percent}%</Progress.Label>
        </Progress.Section>
      </Progress.Root>
      <Text fz="sm" mt="xs" role="status" aria-live="polite">
        {run.status === 'preview' ? t('run.waiting') : text}
      </Text>
    </Paper>
  );
}

function Summary({ run, onReset }: { run: ImportRunView; onReset: () => void }) {
  const { t } = useTranslation('imports');
  const number = useNumber();
  const counts = [
    { label: t('run.created'), value: run.createdCount },
    { label: t('run.updated'), value: run.updatedCount },
    { label: t('run.unchanged'), value: run.unchangedCount },
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Group gap="sm" wrap="nowrap" mb="sm">
        <ThemeIcon color="teal" variant="light" size="lg" aria-hidden>
          <IconCircleCheck size={22} />
        </ThemeIcon>
        <Title order={2} fz="h3">
          {t('run.doneTitle')}
        </Title>
      </Group>
      <Progress.Root size="md" mb="sm">
        <Progress.Section value={100} color="teal" aria-label={t('run.progressLabel')} aria-valuetext={t('run.progress', { done: number(run.doneRows), total: number(run.totalRows) })} />
      </Progress.Root>
      <Text role="status" mb="md" style={{ overflowWrap: 'anywhere' }}>
        {t('run.doneBody', { total: number(run.totalRows), name: run.fileName })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" mb="md">
        {counts.map((count) => (
          <Paper key={count.label} bg="gray.0" p="sm" radius="md">
            <Text fz="xs" c="dimmed" tt="uppercase" fw={700}>
              {count.label}
            </Text>
            <Text fz={26} fw={700}>
              {number(count.value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Button component={Link} to="/agreements" leftSection={<IconList size={18} aria-hidden />}>
          {t('run.toRegistry')}
        </Button>
        <Button variant="default" leftSection={<IconRefresh size={18} aria-hidden />} onClick={onReset}>
          {t('run.again')}
        </Button>
      </Group>
    </Paper>
  );
}

function Failure({ run, onReset }: { run: ImportRunView; onReset: () => void }) {
  const { t } = useTranslation('imports');
  return (
    <Stack gap="md">
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('run.failedTitle')} role="alert">
        <Text fz="sm" mb="sm">
          {t('run.failedBody')}
        </Text>
        <Button variant="default" size="xs" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onReset}>
          {t('run.again')}
        </Button>
      </Alert>
      {run.issues.length > 0 ? <ImportIssuesTable issues={run.issues} fileName={run.fileName} /> : null}
    </Stack>
  );
}

export function ImportRunPanel({ runId, onReset }: { runId: string; onReset: () => void }) {
  const run = useImportRun(runId);
  if (run.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        {errorMessage(run.error)}
      </Alert>
    );
  }
  if (!run.data) return <PageLoader />;
  switch (run.data.status) {
    case 'done':
      return <Summary run={run.data} onReset={onReset} />;
    case 'failed':
      return <Failure run={run.data} onReset={onReset} />;
    case 'preview':
    case 'running':
      return <RunProgress run={run.data} />;
  }
}
