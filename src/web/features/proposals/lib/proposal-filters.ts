import { COOPERATION_KINDS, type CooperationKind } from '../../../../shared/agreement-codes';
import { PROPOSAL_STATES, type ProposalState } from '../../../../shared/proposals';

export const PROPOSAL_VIEWS = ['list', 'board'] as const;
export type ProposalViewMode = (typeof PROPOSAL_VIEWS)[number];

export type ProposalFilters = { q?: string; kind?: CooperationKind; stageCode?: string; state?: ProposalState; unitId?: string; page: number };

const STAGE_CODE = /^[a-z][a-z0-9_]{1,49}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

// The filters live in the address, so a filtered list or board can be shared as a link;
// anything that is not a valid value is dropped rather than sent to the API.
export function readFilters(params: URLSearchParams): { filters: ProposalFilters; view: ProposalViewMode } {
  const q = params.get('q')?.trim();
  const stageCode = params.get('stage');
  const unitId = params.get('unit');
  const page = Number(params.get('page'));
  const filters: ProposalFilters = { page: Number.isInteger(page) && page > 0 ? page : 1 };
  if (q) filters.q = q.slice(0, 200);
  const kind = oneOf(COOPERATION_KINDS, params.get('kind'));
  if (kind) filters.kind = kind;
  const state = oneOf(PROPOSAL_STATES, params.get('state'));
  if (state) filters.state = state;
  if (stageCode && STAGE_CODE.test(stageCode)) filters.stageCode = stageCode;
  if (unitId && UUID.test(unitId)) filters.unitId = unitId;
  return { filters, view: oneOf(PROPOSAL_VIEWS, params.get('view')) ?? 'list' };
}

export function writeFilters(filters: ProposalFilters, view: ProposalViewMode): Record<string, string> {
  const params: Record<string, string> = {};
  if (view !== 'list') params.view = view;
  if (filters.q) params.q = filters.q;
  if (filters.kind) params.kind = filters.kind;
  if (filters.stageCode) params.stage = filters.stageCode;
  if (filters.state) params.state = filters.state;
  if (filters.unitId) params.unit = filters.unitId;
  if (filters.page > 1) params.page = String(filters.page);
  return params;
}

// Versions come newest first within a type; the screen groups them by type in procedure order.
export function groupByType<T extends { docType: string }>(documents: readonly T[], order: readonly string[]): { docType: string; versions: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const document of documents) groups.set(document.docType, [...(groups.get(document.docType) ?? []), document]);
  const rank = (type: string) => {
    const index = order.indexOf(type);
    return index < 0 ? order.length : index;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([docType, versions]) => ({ docType, versions }));
}
