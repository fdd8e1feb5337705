import { Badge, Box, Group, Paper, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProposalDurationStatsQuerySchema, type KindDurationStat } from '../../../../shared/proposal-durations';
import { formatDays, todayInTernate } from '../../../lib/format';
import { pickLanguage } from '../../../lib/form-errors';
import { ErrorAlert } from '../../../components/save-feedback';
import { useProposalDurationStats } from '../api/use-stats';

function KindTable({ stat }: { stat: KindDurationStat }) {
  const { t, i18n } = useTranslation('stats');
  const headingId = `durations-${stat.kind}`;
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Group gap="xs" mb={4} wrap="wrap">
        <Title order={3} fz="sm" id={headingId}>
          {t(`codes.kind.${stat.kind}`, { ns: 'common' })}
        </Title>
        <Text fz="xs" c="dimmed">
          {t('durations.total', { days: formatDays(stat.medianTotalDays, i18n.language), count: stat.registeredCount })}
        </Text>
      </Group>
      <ScrollArea type="auto" viewportProps={{ tabIndex: 0, 'aria-labelledby': headingId }}>
        <Table verticalSpacing={4} miw={520} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('durations.stage')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('durations.median')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('durations.target')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('durations.count')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('durations.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stat.stages.map((stage) => {
              const isLate = stage.medianDays !== null && stage.targetDays > 0 && stage.medianDays > stage.targetDays;
              return (
                <Table.Tr key={stage.stageCode}>
                  <Table.Th scope="row" fw={400}>
                    {stage.stageName}
                  </Table.Th>
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {formatDays(stage.medianDays, i18n.language)}
                      {isLate ? (
                        <Badge size="xs" variant="filled" leftSection={<IconAlertTriangle size={10} aria-hidden />} styles={{ root: { background: '#ffe3e3', color: '#a51111' } }}>
                          {t('durations.pastTarget')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{stage.targetDays > 0 ? stage.targetDays : '—'}</Table.Td>
                  <Table.Td ta="right">{stage.count}</Table.Td>
                  <Table.Td ta="right">{stage.overdueCount}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Box>
  );
}

// Median days per stage and per kind of the proposal procedure, for the stages closed in a chosen period.
export function ProposalDurationsSection() {
  const { t } = useTranslation('stats');
  const today = todayInTernate();
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const parsed = ProposalDurationStatsQuerySchema.safeParse(period);
  const stats = useProposalDurationStats(period, parsed.success);
  const issue = parsed.success ? null : parsed.error.issues[0];
  const kinds = (stats.data?.kinds ?? []).filter((kind) => kind.stages.some((stage) => stage.count > 0) || kind.registeredCount > 0);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="proposal-durations-heading">
      <Title order={2} fz="lg" id="proposal-durations-heading">
        {t('durations.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('durations.description')}
      </Text>
      <Group gap="sm" align="flex-start" mb="md" wrap="wrap">
        <TextInput type="date" label={t('durations.from')} value={period.from} onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value })} error={issue?.path[0] === 'from' ? pickLanguage(issue.message) : undefined} w={{ base: '100%', xs: 180 }} />
        <TextInput type="date" label={t('durations.to')} value={period.to} onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value })} error={issue?.path[0] === 'to' ? pickLanguage(issue.message) : undefined} w={{ base: '100%', xs: 180 }} />
      </Group>
      <ErrorAlert error={stats.error} />
      {stats.data && kinds.length === 0 ? <Text c="dimmed">{t('durations.empty')}</Text> : null}
      <Stack gap="lg">
        {kinds.map((kind) => (
          <KindTable key={kind.kind} stat={kind} />
        ))}
      </Stack>
    </Paper>
  );
}
