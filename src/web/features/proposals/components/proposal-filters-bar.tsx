import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COOPERATION_KINDS } from '../../../../shared/agreement-codes';
import { PROPOSAL_STATES } from '../../../../shared/proposals';
import { useMasterData } from '../../../lib/master-data';
import { useCan } from '../../../lib/session';
import { useProcedures } from '../../../lib/procedure-queries';
import type { ProposalFilters, ProposalViewMode } from '../lib/proposal-filters';

type Props = { filters: ProposalFilters; view: ProposalViewMode; onChange: (filters: ProposalFilters) => void };

// Stage names of the chosen kind, or of every kind (a shared stage code is listed once).
function useStageOptions(kind: ProposalFilters['kind']) {
  const procedures = useProcedures();
  const seen = new Map<string, string>();
  for (const procedure of procedures.data ?? []) {
    if (kind && procedure.kind !== kind) continue;
    for (const stage of procedure.stages) if (!seen.has(stage.code)) seen.set(stage.code, stage.name);
  }
  return [...seen.entries()].map(([value, label]) => ({ value, label }));
}

export function ProposalFiltersBar({ filters, view, onChange }: Props) {
  const { t } = useTranslation('proposals');
  const canFilterByUnit = useCan('proposals.filterByUnit');
  const master = useMasterData();
  const stages = useStageOptions(filters.kind);
  const [q, setQ] = useState(filters.q ?? '');
  const pushQ = useDebouncedCallback((value: string) => onChange({ ...filters, q: value.trim() || undefined, page: 1 }), 300);
  const set = (patch: Partial<ProposalFilters>) => onChange({ ...filters, ...patch, page: 1 });
  const hasFilters = Boolean(filters.q || filters.kind || filters.stageCode || filters.state || filters.unitId);
  const width = { base: '100%', xs: 220 };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      {view === 'list' ? (
        <TextInput
          label={t('list.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            pushQ(event.currentTarget.value);
          }}
          w={{ base: '100%', xs: 260 }}
        />
      ) : null}
      <Select
        label={t('list.kind')}
        placeholder={t('list.all')}
        data={COOPERATION_KINDS.map((value) => ({ value, label: t(`codes.kind.${value}`, { ns: 'common' }) }))}
        value={filters.kind ?? null}
        onChange={(value) => set({ kind: COOPERATION_KINDS.find((kind) => kind === value), stageCode: undefined })}
        clearable
        w={width}
      />
      {view === 'list' ? (
        <>
          <Select label={t('list.stage')} placeholder={t('list.all')} data={stages} value={filters.stageCode ?? null} onChange={(value) => set({ stageCode: value ?? undefined })} clearable w={width} />
          <Select
            label={t('list.state')}
            placeholder={t('list.all')}
            data={PROPOSAL_STATES.map((value) => ({ value, label: t(`state.${value}`) }))}
            value={filters.state ?? null}
            onChange={(value) => set({ state: PROPOSAL_STATES.find((state) => state === value) })}
            clearable
            w={{ base: '100%', xs: 180 }}
          />
        </>
      ) : null}
      {canFilterByUnit ? (
        <Select
          label={t('list.unit')}
          placeholder={t('list.all')}
          data={(master.data?.units ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          value={filters.unitId ?? null}
          onChange={(value) => set({ unitId: value ?? undefined })}
          searchable
          clearable
          w={{ base: '100%', xs: 260 }}
        />
      ) : null}
      {hasFilters ? (
        <Button
          variant="subtle"
          onClick={() => {
            setQ('');
            onChange({ page: 1 });
          }}
        >
          {t('list.clear')}
        </Button>
      ) : null}
    </Group>
  );
}
