import { Alert, Anchor, Button, Center, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconArrowMerge, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartnerView } from '../../../../shared/partners';
import { PageLoader } from '../../../components/page-loader';
import { useMasterData, useMasterLookups } from '../../../lib/master-data';
import { errorMessage } from '../../../lib/notify';
import { PARTNER_PAGE_SIZE, usePartnerList } from '../api/partners';

// The partner's own page: its agreements and their health.
function PartnerLink({ partner }: { partner: PartnerView }) {
  return (
    <Anchor component={Link} to={`/partners/${partner.id}`} inherit>
      {partner.name}
    </Anchor>
  );
}

type Props = { canMerge: boolean; onMerge: (source: PartnerView) => void };

function PartnerRows({ items, canMerge, onMerge }: { items: PartnerView[]; canMerge: boolean; onMerge: (source: PartnerView) => void }) {
  const { t } = useTranslation('partners');
  const { categoryName, groupName } = useMasterLookups();
  return (
    <>
      {items.map((partner) => (
        <Table.Tr key={partner.id}>
          <Table.Td fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            <PartnerLink partner={partner} />
          </Table.Td>
          <Table.Td fz="sm">
            {categoryName(partner.categoryCode)}
            <Text fz="xs" c="dimmed">
              {groupName(partner.groupCode)}
            </Text>
          </Table.Td>
          <Table.Td fz="sm" ta="right">
            {partner.agreementCount}
          </Table.Td>
          {canMerge ? (
            <Table.Td>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconArrowMerge size={14} aria-hidden />}
                onClick={() => onMerge(partner)}
                aria-label={t('merge.mergeOne', { name: partner.name })}
              >
                {t('merge.action')}
              </Button>
            </Table.Td>
          ) : null}
        </Table.Tr>
      ))}
    </>
  );
}

// On a phone each partner is a card: the table's four columns would not fit.
function PartnerCards({ items, canMerge, onMerge }: { items: PartnerView[]; canMerge: boolean; onMerge: (source: PartnerView) => void }) {
  const { t } = useTranslation('partners');
  const { categoryName } = useMasterLookups();
  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('list.caption')}>
      {items.map((partner) => (
        <Paper component="li" key={partner.id} withBorder radius="md" p="sm">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                <PartnerLink partner={partner} />
              </Text>
              <Text fz="xs" c="dimmed">
                {categoryName(partner.categoryCode)} · {t('list.agreementCount', { count: partner.agreementCount })}
              </Text>
            </Stack>
            {canMerge ? (
              <Button size="xs" variant="subtle" px={6} onClick={() => onMerge(partner)} aria-label={t('merge.mergeOne', { name: partner.name })}>
                <IconArrowMerge size={16} aria-hidden />
              </Button>
            ) : null}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export function PartnerList({ canMerge, onMerge }: Props) {
  const { t } = useTranslation('partners');
  const master = useMasterData();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [category, setCategory] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = usePartnerList({ q, category, page });
  const isWide = useMediaQuery('(min-width: 48em)', true);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PARTNER_PAGE_SIZE)) : 1;
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '2 1 240px' }}
          type="search"
        />
        <Select
          label={t('list.category')}
          placeholder={t('list.allCategories')}
          clearable
          data={(master.data?.partnerCategories ?? []).map((item) => ({ value: item.code, label: item.name }))}
          value={category}
          onChange={(value) => {
            setCategory(value);
            setPage(1);
          }}
          style={{ flex: '1 1 200px' }}
        />
      </Group>
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? <Alert color="red">{errorMessage(list.error)}</Alert> : null}
      {list.data ? (
        <>
          <Text fz="sm" c="dimmed" aria-live="polite">
            {t('list.count', { count: list.data.total })}
          </Text>
          {isWide ? null : <PartnerCards items={list.data.items} canMerge={canMerge} onMerge={onMerge} />}
          {isWide ? (
            <Paper withBorder radius="md">
              <Table.ScrollContainer type="native" minWidth={560} tabIndex={0} role="region" aria-label={t('list.caption')}>
                <Table verticalSpacing="sm" highlightOnHover>
                  <Table.Caption className="jalin-sr-only">{t('list.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('list.name')}</Table.Th>
                      <Table.Th scope="col">{t('list.category')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('list.agreements')}
                      </Table.Th>
                      {canMerge ? <Table.Th scope="col">{t('list.actions')}</Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    <PartnerRows items={list.data.items} canMerge={canMerge} onMerge={onMerge} />
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ) : null}
          {pages > 1 ? (
            <Center component="nav" aria-label={t('pagination.label', { ns: 'common' })}>
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getItemProps={(item) => ({ 'aria-label': t('pagination.page', { ns: 'common', page: item }) })}
                getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`, { ns: 'common' }) })}
              />
            </Center>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
