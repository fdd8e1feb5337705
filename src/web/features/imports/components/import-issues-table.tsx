import { Box, Button, Code, Group, Pagination, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconDownload, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../shared/imports';
import { downloadCsv, toCsv } from '../lib/csv-file';
import { sortIssues, splitIssueMessage, type IssueSort } from '../lib/issue-text';

const PAGE_SIZE = 25;

function SortHeader({ label, sortKey, sort, onSort, width }: { label: string; sortKey: IssueSort['key']; sort: IssueSort; onSort: (key: IssueSort['key']) => void; width: number }) {
  const { t } = useTranslation('imports');
  const isActive = sort.key === sortKey;
  const Icon = !isActive ? IconArrowsSort : sort.descending ? IconSortDescending : IconSortAscending;
  return (
    <Table.Th w={width} aria-sort={isActive ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sortKey)} aria-label={t('issues.sortBy', { column: label })} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={16} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function IssueMessage({ message }: { message: string }) {
  const { i18n } = useTranslation();
  const { id, en } = splitIssueMessage(message);
  if (!i18n.language.startsWith('en') || !en) return <Text fz="sm">{id}</Text>;
  // The English half is short; the Indonesian half keeps the detail (allowed values, limits).
  return (
    <>
      <Text fz="sm">{en}</Text>
      <Text fz="xs" c="dimmed" lang="id">
        {id}
      </Text>
    </>
  );
}

// On a phone each problem is a small card: three narrow columns would squeeze the reason.
function IssueCards({ issues }: { issues: ImportIssue[] }) {
  const { t } = useTranslation('imports');
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('issues.title')}>
      {issues.map((issue, index) => (
        <Paper component="li" key={`${issue.row}-${issue.column}-${index}`} withBorder p="sm" radius="sm" bg="gray.0">
          <Group gap="xs" mb={4}>
            <Text fz="sm" fw={700}>
              {issue.row === 0 ? t('issues.file') : `${t('issues.row')} ${issue.row}`}
            </Text>
            <Code>{issue.column}</Code>
          </Group>
          <IssueMessage message={issue.message} />
        </Paper>
      ))}
    </Stack>
  );
}

export function ImportIssuesTable({ issues, fileName }: { issues: ImportIssue[]; fileName: string }) {
  const { t } = useTranslation('imports');
  const [sort, setSort] = useState<IssueSort>({ key: 'row', descending: false });
  const [page, setPage] = useState(1);
  const sorted = sortIssues(issues, sort);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const shown = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const changeSort = (key: IssueSort['key']) => {
    setSort((current) => ({ key, descending: current.key === key ? !current.descending : false }));
    setPage(1);
  };
  const download = () => {
    const rows = sorted.map((issue) => [issue.row, issue.column, issue.message]);
    downloadCsv(t('issues.reportFileName', { name: fileName.replace(/\.[^.]+$/, '') }), toCsv([[t('issues.row'), t('issues.column'), t('issues.reason')], ...rows]));
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} fz="h4">
          {t('issues.title')}
        </Title>
        <Button variant="default" size="xs" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
          {t('issues.download')}
        </Button>
      </Group>
      <Text fz="sm" c="dimmed" mb="xs" hiddenFrom="sm">
        {t('issues.caption')}
      </Text>
      <Box hiddenFrom="sm">
        <IssueCards issues={shown} />
      </Box>
      <Table.ScrollContainer visibleFrom="sm" minWidth={420} type="native" tabIndex={0} role="region" aria-label={t('issues.title')}>
        <Table striped highlightOnHover verticalSpacing="xs" captionSide="top" aria-label={t('issues.title')}>
          <Table.Caption style={{ textAlign: 'left' }}>{t('issues.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <SortHeader label={t('issues.row')} sortKey="row" sort={sort} onSort={changeSort} width={80} />
              <SortHeader label={t('issues.column')} sortKey="column" sort={sort} onSort={changeSort} width={170} />
              <Table.Th>{t('issues.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((issue, index) => (
              <Table.Tr key={`${issue.row}-${issue.column}-${index}`}>
                <Table.Td fw={600}>{issue.row === 0 ? t('issues.file') : issue.row}</Table.Td>
                <Table.Td>
                  <Code>{issue.column}</Code>
                </Table.Td>
                <Table.Td>
                  <IssueMessage message={issue.message} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 ? (
        <Group justify="center" mt="sm">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" getItemProps={(item) => ({ 'aria-label': t('issues.page', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': t(`issues.${control}`) })} />
        </Group>
      ) : null}
    </Paper>
  );
}
