import { Alert, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDays } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useProposalDurations } from '../api/proposal-queries';
import { OverdueBadge } from './overdue-badge';

// Days spent in each stage against its target; overdue ones say so in words.
export function StageDurations({ proposalId }: { proposalId: string }) {
  const { t, i18n } = useTranslation('proposals');
  const durations = useProposalDurations(proposalId);
  if (durations.isError) return <Alert color="red">{errorMessage(durations.error)}</Alert>;
  if (!durations.data) return null;
  const { stages, totalDays } = durations.data;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="durations-heading">
      <Title order={2} fz="md" mb={4} id="durations-heading">
        {t('detail.durations')}
      </Title>
      {totalDays !== null ? (
        <Text fz="sm" c="dimmed" mb="sm">
          {t('detail.totalDays', { days: formatDays(totalDays, i18n.language) })}
        </Text>
      ) : null}
      <ScrollArea type="auto" viewportProps={{ tabIndex: 0, 'aria-labelledby': 'durations-heading' }}>
        <Table verticalSpacing={6} miw={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('detail.durationColumns.stage')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('detail.durationColumns.days')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('detail.durationColumns.target')}</Table.Th>
              <Table.Th scope="col">{t('detail.durationColumns.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stages.map((stage) => (
              <Table.Tr key={stage.stageCode} fw={stage.isCurrent ? 700 : undefined}>
                <Table.Th scope="row" fw={stage.isCurrent ? 700 : 400}>
                  {stage.stageName}
                  {stage.isCurrent ? ` (${t('detail.stageStatus.berjalan')})` : ''}
                </Table.Th>
                <Table.Td ta="right">{stage.days === null ? t('detail.notEntered') : formatDays(stage.days, i18n.language)}</Table.Td>
                <Table.Td ta="right">{stage.targetDays > 0 ? stage.targetDays : '—'}</Table.Td>
                <Table.Td>{stage.isOverdue ? <OverdueBadge /> : stage.status === 'dilewati' ? t('detail.stageStatus.dilewati') : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
