import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INTAKE_FILE_STATES } from '../../../../shared/intake';
import { formatDateTime } from '../../../lib/format';
import { useNumber } from '../../../lib/use-number';
import { useIntakeBatches } from '../api/use-intake';
import { FileStateBadge } from './file-state-badge';

// Batches sent earlier, newest first: a review left half-done is reopened from here.
export function BatchList() {
  const { t, i18n } = useTranslation('intake');
  const number = useNumber();
  const batches = useIntakeBatches();
  const rows = batches.data ?? [];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="xs">
        {t('batches.title')}
      </Title>
      {batches.isSuccess && rows.length === 0 ? <Text c="dimmed">{t('batches.empty')}</Text> : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={560} type="native" tabIndex={0} role="region" aria-label={t('batches.title')}>
          <Table verticalSpacing="xs" aria-label={t('batches.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('batches.when')}</Table.Th>
                <Table.Th ta="right">{t('batches.files')}</Table.Th>
                <Table.Th>{t('batches.states')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((batch) => {
                const when = formatDateTime(batch.createdAt, i18n.language);
                return (
                  <Table.Tr key={batch.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`?batch=${batch.id}`} aria-label={t('batches.openLabel', { when })}>
                        {when}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{number(batch.fileCount)}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {INTAKE_FILE_STATES.filter((state) => (batch.states[state] ?? 0) > 0).map((state) => (
                          <Group key={state} gap={4} wrap="nowrap">
                            <Text fz="sm" fw={600}>
                              {number(batch.states[state] ?? 0)}
                            </Text>
                            <FileStateBadge file={{ state, page: null, pageCount: null }} />
                          </Group>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}
