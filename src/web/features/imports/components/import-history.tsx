import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportRunStatus } from '../../../../shared/imports';
import { formatDateTime } from '../../../lib/format';
import { useImportRuns } from '../api/use-imports';
import { useNumber } from '../../../lib/use-number';

const STATUS_COLORS: Record<Exclude<ImportRunStatus, 'preview'>, { background: string; color: string }> = {
  running: { background: '#d0ebff', color: '#0b3d6e' },
  done: { background: '#d3f9d8', color: '#1b5e20' },
  failed: { background: '#ffe3e3', color: '#a51111' },
};

// Runs confirmed earlier, so a result stays visible after leaving the page mid-import.
export function ImportHistory() {
  const { t, i18n } = useTranslation('imports');
  const number = useNumber();
  const runs = useImportRuns();
  const confirmed = (runs.data ?? []).filter((run) => run.status !== 'preview').slice(0, 5);
  if (confirmed.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="xs">
        {t('history.title')}
      </Title>
      <Table.ScrollContainer minWidth={640} type="native" tabIndex={0} role="region" aria-label={t('history.title')}>
        <Table verticalSpacing="xs" aria-label={t('history.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.file')}</Table.Th>
              <Table.Th>{t('history.when')}</Table.Th>
              <Table.Th>{t('history.status')}</Table.Th>
              <Table.Th ta="right">{t('run.created')}</Table.Th>
              <Table.Th ta="right">{t('run.updated')}</Table.Th>
              <Table.Th ta="right">{t('run.unchanged')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {confirmed.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{run.fileName}</Table.Td>
                <Table.Td>
                  <Text fz="sm">{formatDateTime(run.finishedAt ?? run.createdAt, i18n.language)}</Text>
                </Table.Td>
                <Table.Td>
                  {run.status === 'preview' ? null : (
                    <Badge variant="filled" styles={{ root: STATUS_COLORS[run.status] }}>
                      {t(`history.statuses.${run.status}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">{number(run.createdCount)}</Table.Td>
                <Table.Td ta="right">{number(run.updatedCount)}</Table.Td>
                <Table.Td ta="right">{number(run.unchangedCount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
