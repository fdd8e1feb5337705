import { Alert, Button, Grid, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SEARCH_SORTS, type FacetName, type SearchSort } from '../../../../shared/search';
import { PageHeader } from '../../../components/page-header';
import { errorMessage } from '../../../lib/notify';
import { useCan } from '../../../lib/session';
import { useAgreementSearch } from '../api/search';
import { emptyFacets, filtersFromParams, hasAnyFilter, paramsFromFilters, type RegistryFilters } from '../lib/search-params';
import { ActiveFilters } from './active-filters';
import { ExportButtons } from './export-buttons';
import { FacetPanel } from './facet-panel';
import { ResultList } from './result-list';
import { SearchBox } from './search-box';

function useRegistryFilters() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  // Every change of filter starts again at page 1; each is a history entry, so Back undoes it.
  // The change applies to the address as it is now, not as it was at the last render: a
  // navigation renders in a transition, so a second click can come before the screen caught up.
  const update = (change: (current: RegistryFilters) => Partial<RegistryFilters>) => {
    const current = filtersFromParams(new URLSearchParams(window.location.search));
    setParams(paramsFromFilters({ ...current, page: 1, ...change(current) }));
  };
  return { filters, update };
}

function SortSelect({ value, hasQuery, onChange }: { value: SearchSort | null; hasQuery: boolean; onChange: (sort: SearchSort) => void }) {
  const { t } = useTranslation('agreements');
  const options = SEARCH_SORTS.filter((sort) => sort !== 'relevance' || hasQuery).map((sort) => ({ value: sort, label: t(`sort.${sort}`) }));
  return (
    <Select
      label={t('sort.label')}
      data={options}
      value={value ?? (hasQuery ? 'relevance' : 'signed_desc')}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      w={{ base: '100%', xs: 280 }}
    />
  );
}

export function AgreementsPage() {
  const { t } = useTranslation('agreements');
  const canCreate = useCan('agreements.create');
  const { filters, update } = useRegistryFilters();
  const search = useAgreementSearch(filters);
  const [facetsOpen, { toggle: toggleFacets }] = useDisclosure(false);
  const isWide = useMediaQuery('(min-width: 62em)', true);
  const toggleFacet = (name: FacetName, value: string, checked: boolean) =>
    update((current) => {
      const others = current.facets[name].filter((selected) => selected !== value);
      return { facets: { ...current.facets, [name]: checked ? [...others, value] : others } };
    });

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          canCreate ? (
            <Button component={Link} to="/agreements/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('nav.create')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder radius="md" p="md" mb="md">
        <SearchBox key={filters.q} value={filters.q} onSearch={(q) => update((current) => ({ q, sort: !q.trim() && current.sort === 'relevance' ? null : current.sort }))} />
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="facet-heading">
            <Group justify="space-between" mb={isWide || facetsOpen ? 'md' : 0}>
              <Title order={2} fz="md" id="facet-heading">
                {t('facets.title')}
              </Title>
              {!isWide ? (
                <Button size="xs" variant="light" leftSection={<IconAdjustmentsHorizontal size={14} aria-hidden />} onClick={toggleFacets} aria-expanded={facetsOpen}>
                  {facetsOpen ? t('facets.hide') : t('facets.show')}
                </Button>
              ) : null}
            </Group>
            {isWide || facetsOpen ? <FacetPanel facets={search.data?.facets} approximate={search.data?.facetsAreEstimates ?? false} selected={filters.facets} onToggle={toggleFacet} /> : null}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md" component="section" aria-labelledby="result-heading">
            <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
              <div>
                <Title order={2} fz="md" id="result-heading" aria-live="polite">
                  {search.data ? t(search.data.totalIsEstimate ? 'list.resultCountApprox' : 'list.resultCount', { count: search.data.total }) : t('list.results')}
                </Title>
                {search.data?.facetsAreEstimates ? (
                  <Text fz="xs" c="dimmed" maw={520}>
                    {t('list.estimateNote')}
                    {search.data.rankedAmongNewest ? ` ${t('list.rankedAmongNewest', { count: search.data.rankedAmongNewest })}` : ''}
                  </Text>
                ) : null}
                {hasAnyFilter(filters) ? <ActiveFilters filters={filters} onClear={() => update(() => ({ q: '', facets: emptyFacets() }))} /> : null}
              </div>
              <Group gap="sm" align="flex-end" wrap="wrap">
                <SortSelect value={filters.sort} hasQuery={filters.q.trim() !== ''} onChange={(sort) => update(() => ({ sort }))} />
                <ExportButtons filters={filters} disabled={!search.data || search.data.total === 0} />
              </Group>
            </Group>
            {search.isError ? (
              <Alert color="red" title={t('list.loadFailed')}>
                {errorMessage(search.error)}
              </Alert>
            ) : null}
            {search.isPending ? (
              <Stack gap="md">
                {[0, 1, 2].map((index) => (
                  <Skeleton key={index} height={120} radius="md" />
                ))}
              </Stack>
            ) : null}
            {search.data ? (
              <ResultList result={search.data} isFetching={search.isFetching} onPage={(page) => update(() => ({ page }))} />
            ) : null}
            {search.data?.total === 0 ? <Text c="dimmed">{t('list.empty')}</Text> : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
