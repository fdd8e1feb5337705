import {
  MAX_STATS_RANGE_YEARS,
  type StatsQuery,
  type StatsResponse,
  type StatsYear,
} from '../../../shared/stats';
import type { Db } from '../../db/client';
import { localDate, type Ctx } from '../../lib/context';
import { forbidden, invalid } from '../../lib/errors';
import { cachedByRevision, keptCounts } from '../search/search.service';
import { canReadStats } from './stats.policy';
import {
  selectCategoryLabels,
  selectGroupLabels,
  selectInForceCounts,
  selectSignedYearSpan,
  selectSectorLabels,
  signedCountsStatement,
  type CountRow,
} from './stats.repository';

// Statistics read the registry (design.md: no copies to drift): signed, non-draft KB, PKS and NK per
// signing year, by the primary partner's category (stored on the agreement) and the primary sector.
// They read agreement_search, the registry list's own row per agreement, which the transaction of
// every agreement write keeps current, and they are kept under the registry's revision (see
// search-cache.service.ts): a dashboard asks the same question many times between two changes.

export type StatsLabels = {
  groups: { code: string; name: string }[];
  categories: { code: string; name: string; groupCode: string }[];
  sectors: { code: string; name: string }[];
};

function signedYearSpan(db: Db): Promise<{ first: number; latest: number } | null> {
  return cachedByRevision(db, { key: 'stats|span', compute: () => selectSignedYearSpan(db) });
}

async function latestYear(db: Db): Promise<number | null> {
  return (await signedYearSpan(db))?.latest ?? null;
}

// Kept across changes: after an edit, only the changed rows are counted (search-cache.service.ts).
function countRows(db: Db, from: number, to: number): Promise<CountRow[]> {
  return keptCounts<CountRow>(db, {
    key: `stats|${from}|${to}`,
    count: (source) => signedCountsStatement({ from, to }, source),
    groupOf: (row) => JSON.stringify([row.year, row.category, row.sector]),
  });
}

// Missing ends default to every year with data, from the first signing to the latest (this year
// when there is none): the survey behind the article counted from its first year, and a default
// that hid the early years made the register look younger than it is. At most the widest range.
async function resolveRange(ctx: Ctx, query: StatsQuery): Promise<{ from: number; to: number }> {
  const span = await signedYearSpan(ctx.db);
  const thisYear = Number(localDate(ctx.now).slice(0, 4));
  const latest = query.to ?? span?.latest ?? thisYear;
  const to = query.to ?? Math.max(latest, query.from ?? latest);
  const first = Math.min(span?.first ?? to, to);
  const from = query.from ?? Math.max(first, to - MAX_STATS_RANGE_YEARS + 1);
  if (from > to) throw invalid('from', { message: 'Tahun "from" tidak boleh sesudah "to".', messageEn: '"from" must not be after "to".' });
  if (to - from + 1 > MAX_STATS_RANGE_YEARS) {
    throw invalid('to', { message: `Rentang paling banyak ${MAX_STATS_RANGE_YEARS} tahun.`, messageEn: `The range may span at most ${MAX_STATS_RANGE_YEARS} years.` });
  }
  return { from, to };
}

async function loadLabels(db: Db, sectorsInUse: Set<string>): Promise<StatsLabels> {
  const [groups, categories, sectorRows] = await Promise.all([selectGroupLabels(db), selectCategoryLabels(db), selectSectorLabels(db)]);
  // A retired sector still shows in the years it was used.
  const shown = sectorRows.filter((row) => row.isActive || sectorsInUse.has(row.code));
  return { groups, categories, sectors: shown.map(({ code, name }) => ({ code, name })) };
}

function zeros(codes: { code: string }[]): Record<string, number> {
  return Object.fromEntries(codes.map(({ code }) => [code, 0]));
}

function largest(counts: Record<string, number>): string[] {
  const max = Math.max(0, ...Object.values(counts));
  return max === 0 ? [] : Object.keys(counts).filter((code) => counts[code] === max);
}

function buildYear(year: number, rows: CountRow[], labels: StatsLabels): StatsYear {
  const groupOf = new Map(labels.categories.map((category) => [category.code, category.groupCode]));
  const byPartnerGroup = zeros(labels.groups);
  const byPartnerCategory = zeros(labels.categories);
  const bySector = zeros(labels.sectors);
  let total = 0;
  for (const row of rows.filter((candidate) => candidate.year === year)) {
    total += row.count;
    bySector[row.sector] = (bySector[row.sector] ?? 0) + row.count;
    if (!row.category) continue;
    byPartnerCategory[row.category] = (byPartnerCategory[row.category] ?? 0) + row.count;
    const group = groupOf.get(row.category);
    if (group) byPartnerGroup[group] = (byPartnerGroup[group] ?? 0) + row.count;
  }
  return { year, total, byPartnerGroup, byPartnerCategory, bySector, largestPartnerGroup: largest(byPartnerGroup), largestSector: largest(bySector) };
}

// The figures and the names behind their codes (the export needs both); no permission check.
export async function computeStats(ctx: Ctx, query: StatsQuery): Promise<{ stats: StatsResponse; labels: StatsLabels }> {
  const { from, to } = await resolveRange(ctx, query);
  const rows = await countRows(ctx.db, from, to);
  const labels = await loadLabels(ctx.db, new Set(rows.map((row) => row.sector)));
  const years = Array.from({ length: to - from + 1 }, (_, index) => buildYear(from + index, rows, labels));
  return { stats: { from, to, years }, labels };
}

export function assertMayReadStats(ctx: Ctx) {
  if (!canReadStats(ctx.actor)) throw forbidden();
}

export async function getStats(ctx: Ctx, query: StatsQuery): Promise<StatsResponse> {
  assertMayReadStats(ctx);
  return (await computeStats(ctx, query)).stats;
}

// One cell per signing year × primary partner's group × primary sector with its count, over every
// year with signings (the widest range the statistics allow): the same counting as computeStats,
// not its margins, for the open data. groupCode is null when the primary partner has no category.
export type SignedCell = { year: number; groupCode: string | null; sectorCode: string; count: number };

export async function signedCountCells(ctx: Ctx): Promise<{ cells: SignedCell[]; labels: StatsLabels }> {
  const to = (await latestYear(ctx.db)) ?? Number(localDate(ctx.now).slice(0, 4));
  const rows = await countRows(ctx.db, to - MAX_STATS_RANGE_YEARS + 1, to);
  const labels = await loadLabels(ctx.db, new Set(rows.map((row) => row.sector)));
  const groupOf = new Map(labels.categories.map((category) => [category.code, category.groupCode]));
  const cells = new Map<string, SignedCell>();
  for (const row of rows) {
    const groupCode = (row.category && groupOf.get(row.category)) ?? null;
    const key = `${String(row.year)}|${groupCode ?? ''}|${row.sector}`;
    const cell = cells.get(key) ?? { year: row.year, groupCode, sectorCode: row.sector, count: 0 };
    cell.count += row.count;
    cells.set(key, cell);
  }
  const order = (cell: SignedCell) => `${String(cell.year)}|${cell.groupCode ?? '~'}|${cell.sectorCode}`;
  return { cells: [...cells.values()].sort((a, b) => order(a).localeCompare(order(b))), labels };
}

// Counted agreements (KB, PKS, NK) in force at some time in each year of the range, by year.
export async function inForceCountsByYear(ctx: Pick<Ctx, 'db'>, range: { from: number; to: number }): Promise<Map<number, number>> {
  const rows = await selectInForceCounts(ctx.db, range);
  return new Map(rows.map((row) => [row.year, row.count]));
}
