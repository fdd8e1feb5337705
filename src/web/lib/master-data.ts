import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MasterData } from '../../shared/master';
import { api } from './api';
import { sharedKeys } from './query-keys';

// OPDs, sectors and partner groups and categories change rarely: one cached copy for every screen.
export function masterDataQuery() {
  return queryOptions({ queryKey: sharedKeys.master, queryFn: () => api<MasterData>('/master'), staleTime: 10 * 60_000 });
}

export function useMasterData() {
  return useQuery(masterDataQuery());
}

export type Lookup = (code: string | null | undefined) => string;

export function makeLookup(entries: readonly { key: string; label: string }[] | undefined): Lookup {
  const map = new Map((entries ?? []).map((entry) => [entry.key, entry.label]));
  return (code) => (code ? (map.get(code) ?? code) : '—');
}

export function useMasterLookups() {
  const { data } = useMasterData();
  return {
    unitName: makeLookup(data?.units.map((unit) => ({ key: unit.id, label: unit.name }))),
    sectorName: makeLookup(data?.sectors.map((sector) => ({ key: sector.code, label: sector.name }))),
    categoryName: makeLookup(data?.partnerCategories.map((category) => ({ key: category.code, label: category.name }))),
    groupName: makeLookup(data?.partnerGroups.map((group) => ({ key: group.code, label: group.name }))),
  };
}
