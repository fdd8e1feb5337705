import { Anchor, Group, Pagination, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProposalListResponse } from '../../../../shared/proposals';
import { formatDateTime } from '../../../lib/format';
import { ProposalStateBadge } from './proposal-state-badge';

type Props = { data: ProposalListResponse; onPage: (page: number) => void };

export function ProposalList({ data, onPage }: Props) {
  const { t, i18n } = useTranslation('proposals');
  if (data.items.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Text c="dimmed">{t('list.empty')}</Text>
      </Paper>
    );
  }
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <Paper withBorder radius="md">
      <ScrollArea type="auto" viewportProps={{ tabIndex: 0, 'aria-label': t('list.title') }}>
        <Table striped highlightOnHover verticalSpacing="sm" miw={820}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('list.columns.code')}</Table.Th>
              <Table.Th scope="col">{t('list.columns.title')}</Table.Th>
              <Table.Th scope="col">{t('list.columns.kind')}</Table.Th>
              <Table.Th scope="col">{t('list.columns.initiator')}</Table.Th>
              <Table.Th scope="col">{t('list.columns.stage')}</Table.Th>
              <Table.Th scope="col">{t('list.columns.state')}</Table.Th>
              <Table.Th scope="col">{t('list.columns.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.trackingCode}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/proposals/${item.id}`} fw={600}>
                    {item.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{item.kind}</Table.Td>
                <Table.Td>{item.unit?.name ?? item.externalInstitution ?? '—'}</Table.Td>
                <Table.Td>{item.stageName ?? item.stageCode}</Table.Td>
                <Table.Td>
                  <ProposalStateBadge state={item.state} size="sm" />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.updatedAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="space-between" p="sm" wrap="wrap">
        <Text fz="sm" c="dimmed">
          {t('list.count', { count: data.total })}
        </Text>
        {pages > 1 ? <Pagination total={pages} value={data.page} onChange={onPage} aria-label={t('list.page')} size="sm" /> : null}
      </Group>
    </Paper>
  );
}
