import { Alert, Button, SegmentedControl, Stack } from '@mantine/core';
import { IconFilePlus, IconLayoutKanban, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { errorMessage } from '../../../lib/notify';
import { useCan } from '../../../lib/session';
import { useProposalBoard, useProposals } from '../api/proposal-queries';
import { PROPOSAL_VIEWS, readFilters, writeFilters, type ProposalFilters, type ProposalViewMode } from '../lib/proposal-filters';
import { ProposalBoard } from './proposal-board';
import { ProposalFiltersBar } from './proposal-filters-bar';
import { ProposalList } from './proposal-list';

export function ProposalsPage() {
  const { t } = useTranslation('proposals');
  const canCreate = useCan('proposals.create');
  const [params, setParams] = useSearchParams();
  const { filters, view } = readFilters(params);
  const list = useProposals(filters);
  const board = useProposalBoard(filters, view === 'board');
  const update = (next: ProposalFilters, nextView: ProposalViewMode = view) => setParams(writeFilters(next, nextView), { replace: true });
  const current = view === 'board' ? board : list;
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          canCreate ? (
            <Button component={Link} to="/proposals/new" leftSection={<IconFilePlus size={16} aria-hidden />}>
              {t('list.create')}
            </Button>
          ) : null
        }
      />
      <Stack gap={0}>
        <SegmentedControl
          aria-label={t('list.view')}
          value={view}
          onChange={(value) => update({ ...filters, page: 1 }, PROPOSAL_VIEWS.find((mode) => mode === value) ?? 'list')}
          data={[
            { value: 'list', label: <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}><IconList size={16} aria-hidden />{t('list.viewList')}</span> },
            { value: 'board', label: <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}><IconLayoutKanban size={16} aria-hidden />{t('list.viewBoard')}</span> },
          ]}
          mb="md"
          style={{ alignSelf: 'flex-start' }}
        />
        <ProposalFiltersBar key={view} filters={filters} view={view} onChange={(next) => update(next)} />
        {current.isError ? (
          <Alert color="red" variant="light" title={t('errors.load')} role="alert">
            {errorMessage(current.error)}
          </Alert>
        ) : null}
        {view === 'list' && list.data ? <ProposalList data={list.data} onPage={(page) => update({ ...filters, page })} /> : null}
        {view === 'board' && board.data ? <ProposalBoard board={board.data} /> : null}
        {current.isPending ? <PageLoader /> : null}
      </Stack>
    </>
  );
}
