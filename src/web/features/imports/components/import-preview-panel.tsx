import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDatabaseImport, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportChoices, ImportPreview } from '../../../../shared/imports';
import { errorMessage } from '../../../lib/notify';
import { countIssueRows } from '../lib/issue-text';
import { useNumber } from '../../../lib/use-number';
import { ImportIssuesTable } from './import-issues-table';
import { choicesOf, ImportNewNames, initialDecisions, undecidedCount } from './import-new-names';
import { ImportSampleTable } from './import-sample-table';

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  const number = useNumber();
  return (
    <Paper withBorder p="sm" radius="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={color} lh={1.2}>
        {number(value)}
      </Text>
    </Paper>
  );
}

function PreviewCounts({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('imports');
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      <Count label={t('preview.totalRows')} value={preview.totalRows} />
      <Count label={t('preview.toCreate')} value={preview.toCreate} color="teal.9" />
      <Count label={t('preview.toUpdate')} value={preview.toUpdate} color="blue.9" />
      <Count label={t('preview.unchanged')} value={preview.unchanged} />
      <Count label={t('preview.issues')} value={preview.issues.length} {...(preview.issues.length > 0 ? { color: 'red.9' } : {})} />
    </SimpleGrid>
  );
}

function Verdict({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('imports');
  if (preview.issues.length > 0) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
        {t('preview.hasIssues', { count: preview.issues.length, rows: countIssueRows(preview.issues) })}
      </Alert>
    );
  }
  const nothingToDo = preview.toCreate === 0 && preview.toUpdate === 0;
  return (
    <Alert color={nothingToDo ? 'gray' : 'teal'} variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
      {nothingToDo ? t('preview.nothingToDo') : t('preview.ready', { count: preview.totalRows })}
    </Alert>
  );
}

// The embedded database past its size (register-size.service.ts): said, not refused.
function RegisterSizeNotice({ size }: { size: NonNullable<ImportPreview['registerSize']> }) {
  const { t } = useTranslation('imports');
  const number = useNumber();
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
      {t('preview.registerSize', { after: number(size.after), limit: number(size.limit) })}
    </Alert>
  );
}

type Props = { preview: ImportPreview; onConfirm: (choices: ImportChoices) => void; isConfirming: boolean; confirmError: unknown; onReset: () => void };

export function ImportPreviewPanel({ preview, onConfirm, isConfirming, confirmError, onReset }: Props) {
  const { t } = useTranslation('imports');
  const hasIssues = preview.issues.length > 0;
  const lists = { units: preview.newUnits, partners: preview.newPartners };
  const [decisions, setDecisions] = useState(() => initialDecisions(lists));
  const isUndecided = undecidedCount(lists, decisions) > 0;
  const disabledReason = hasIssues ? t('preview.confirmDisabled') : isUndecided ? t('newNames.confirmDisabled') : undefined;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={2} fz="h3">
            {t('preview.title')}
          </Title>
          <Text c="dimmed" fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('preview.file', { name: preview.fileName })}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconRefresh size={18} aria-hidden />} onClick={onReset}>
            {t('preview.another')}
          </Button>
          <Button
            leftSection={<IconDatabaseImport size={18} aria-hidden />}
            onClick={() => onConfirm(choicesOf(lists, decisions))}
            loading={isConfirming}
            disabled={disabledReason !== undefined}
            title={disabledReason}
          >
            {t('preview.confirm')}
          </Button>
        </Group>
      </Group>
      <PreviewCounts preview={preview} />
      <Verdict preview={preview} />
      {preview.registerSize ? <RegisterSizeNotice size={preview.registerSize} /> : null}
      {preview.ignoredColumns.length > 0 ? (
        <Text fz="sm" c="dimmed">
          {t('preview.ignoredColumns', { columns: preview.ignoredColumns.join(', ') })}
        </Text>
      ) : null}
      {confirmError ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(confirmError)}
        </Alert>
      ) : null}
      <ImportNewNames lists={lists} others={preview.otherNewNames} decisions={decisions} onDecide={setDecisions} />
      {hasIssues ? <ImportIssuesTable issues={preview.issues} fileName={preview.fileName} /> : null}
      <ImportSampleTable sample={preview.sample} />
    </Stack>
  );
}
