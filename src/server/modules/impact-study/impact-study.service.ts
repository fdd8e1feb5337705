import { EVALUATION_BANDS, type EvaluationBand } from '../../../shared/evaluation';
import type { ImpactStudyView, ImpactYear, SaveImpactDraftInput } from '../../../shared/impact-study';
import { BENEFICIARY_GROUPS, FUND_SOURCES } from '../../../shared/realisation';
import { COUNTED_DOC_TYPES, type StatsQuery } from '../../../shared/stats';
import type { DocType } from '../../../shared/agreement-codes';
import { localDate, type Ctx } from '../../lib/context';
import { forbidden, invalid } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { finalBandCountsByYear } from '../evaluation/evaluation.service';
import { healthAsOf } from '../monitoring/agreement-health.service';
import { monitoredAgreements } from '../monitoring/monitoring.service';
import { plannedAgreementCountsByYear } from '../plans/plans.service';
import { verifiedTotalsByYear } from '../realisation/realisation-totals.service';
import { computeStats, inForceCountsByYear, type StatsLabels } from '../stats/stats.service';
import { canEditImpactStudy, canReadImpactStudy } from './impact-study.policy';
import * as repo from './impact-study.repository';
import { impactNarrative } from './impact-study.rules';

// The survey's tables are the statistics' own (computeStats: the same counting, so the study and
// the statistics screen never disagree); the rest is read from the modules that own it.

type Range = { from: number; to: number };

function isCounted(docType: DocType): boolean {
  return (COUNTED_DOC_TYPES as readonly DocType[]).includes(docType);
}

export type ImpactFigures = { from: number; to: number; labels: StatsLabels; years: ImpactYear[] };

function sumOf(values: string[]): string {
  return values.reduce((total, value) => total + BigInt(value), 0n).toString();
}

// Dormant agreements as of each year's last day (today for the running year); years not yet begun
// and years with nothing in force are not asked.
async function dormancyByYear(ctx: Pick<Ctx, 'db' | 'now'>, range: Range, inForce: Map<number, number>): Promise<Map<number, { dormant: number; of: number } | null>> {
  const today = localDate(ctx.now);
  const result = new Map<number, { dormant: number; of: number } | null>();
  for (let year = range.from; year <= range.to; year += 1) {
    const first = `${String(year)}-01-01`;
    if (first > today) {
      result.set(year, null);
      continue;
    }
    if ((inForce.get(year) ?? 0) === 0) {
      result.set(year, { dormant: 0, of: 0 });
      continue;
    }
    const last = `${String(year)}-12-31`;
    const on = last < today ? last : today;
    // Health covers adenda too; the study counts KB, PKS and NK, as the statistics do.
    const [health, monitored] = await Promise.all([healthAsOf(ctx, { on }), monitoredAgreements(ctx, { on })]);
    // The monitor reads every agreement not yet ended; one not yet signed or started on that day
    // was not in force then.
    const inForceThen = monitored.filter((agreement) => isCounted(agreement.docType) && agreement.signedOn !== null && (agreement.startsOn ?? agreement.signedOn) <= on);
    const counted = inForceThen.map((agreement) => health.get(agreement.id));
    const dormant = counted.filter((entry) => entry?.status === 'dorman').length;
    result.set(year, { dormant, of: counted.filter(Boolean).length });
  }
  return result;
}

const NO_BANDS = (): Record<EvaluationBand, number> => Object.fromEntries(EVALUATION_BANDS.map((band) => [band, 0])) as Record<EvaluationBand, number>;

// The figures of the study; no permission check (the export and the command line share it).
export async function computeImpactFigures(ctx: Ctx, query: StatsQuery): Promise<ImpactFigures> {
  const { stats, labels } = await computeStats(ctx, query);
  const range = { from: stats.from, to: stats.to };
  const [inForce, planned, verified, bands] = await Promise.all([
    inForceCountsByYear(ctx, range),
    plannedAgreementCountsByYear(ctx, range),
    verifiedTotalsByYear(ctx, range),
    finalBandCountsByYear(ctx.db),
  ]);
  const dormancy = await dormancyByYear(ctx, range, inForce);
  const years = stats.years.map((year): ImpactYear => {
    const totals = verified.get(year.year);
    const beneficiaries = Object.fromEntries(BENEFICIARY_GROUPS.map((group) => [group, totals?.beneficiaries[group] ?? 0])) as ImpactYear['beneficiaries'];
    const funds = Object.fromEntries(FUND_SOURCES.map((source) => [source, totals?.funds[source] ?? '0'])) as ImpactYear['funds'];
    const dormant = dormancy.get(year.year) ?? null;
    return {
      ...year,
      inForce: inForce.get(year.year) ?? 0,
      planned: planned.get(year.year) ?? 0,
      implemented: totals?.agreements ?? 0,
      beneficiaries,
      beneficiariesTotal: Object.values(beneficiaries).reduce((sum, value) => sum + value, 0),
      funds,
      fundsTotal: sumOf(Object.values(funds)),
      bands: { ...NO_BANDS(), ...bands.get(year.year) },
      dormant: dormant?.dormant ?? null,
      inForceOnDay: dormant?.of ?? null,
    };
  });
  return { ...range, labels, years };
}

export function generatedNarrative(figures: ImpactFigures): string {
  const namesOf = (items: { code: string; name: string }[]) => Object.fromEntries(items.map((item) => [item.code, item.name]));
  return impactNarrative({
    from: figures.from,
    to: figures.to,
    years: figures.years,
    groupNames: namesOf(figures.labels.groups),
    sectorNames: namesOf(figures.labels.sectors),
    sectorCount: figures.labels.sectors.length,
  });
}

export function assertMayReadImpactStudy(ctx: Ctx): void {
  if (!canReadImpactStudy(ctx.actor)) throw forbidden();
}

// The figures, the generated narrative and the writer's edit of this range, if any.
export async function studyOf(ctx: Ctx, query: StatsQuery): Promise<ImpactStudyView> {
  const figures = await computeImpactFigures(ctx, query);
  const draft = await repo.selectDraft(ctx.db, figures);
  return {
    ...figures,
    narrative: {
      generated: generatedNarrative(figures),
      edited: draft?.narrative ?? null,
      updatedAt: draft?.updatedAt.toISOString() ?? null,
      updatedByName: draft?.updatedByName ?? null,
    },
    canEdit: canEditImpactStudy(ctx.actor),
  };
}

export async function getImpactStudy(ctx: Ctx, query: StatsQuery): Promise<ImpactStudyView> {
  assertMayReadImpactStudy(ctx);
  return studyOf(ctx, query);
}

// A draft belongs to an explicit range: the writer saw those years when writing.
function explicitRange(query: StatsQuery): Range {
  if (query.from === undefined) throw invalid('from', { message: 'Tahun awal wajib diisi.', messageEn: 'The first year is required.' });
  if (query.to === undefined) throw invalid('to', { message: 'Tahun akhir wajib diisi.', messageEn: 'The last year is required.' });
  return { from: query.from, to: query.to };
}

export async function saveImpactDraft(ctx: Ctx, query: StatsQuery, input: SaveImpactDraftInput): Promise<ImpactStudyView> {
  if (!canEditImpactStudy(ctx.actor) || !ctx.actor) throw forbidden();
  const actor = ctx.actor;
  const range = explicitRange(query);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.selectDraft(tx, range);
    await repo.upsertDraft(tx, { ...range, narrative: input.narrative, updatedBy: actor.id, updatedAt: ctx.now });
    const changes = [{ field: 'narrative', old: before?.narrative ?? null, new: input.narrative }];
    await recordAudit(tx, { actor, entity: 'impact_study', entityId: `${String(range.from)}-${String(range.to)}`, action: 'narrative_saved', changes, at: ctx.now });
  });
  return studyOf(ctx, range);
}

// Back to the generated narrative: the edit is removed (the audit log keeps it).
export async function resetImpactDraft(ctx: Ctx, query: StatsQuery): Promise<ImpactStudyView> {
  if (!canEditImpactStudy(ctx.actor) || !ctx.actor) throw forbidden();
  const actor = ctx.actor;
  const range = explicitRange(query);
  await ctx.db.transaction(async (tx) => {
    const removed = await repo.deleteDraft(tx, range);
    if (removed === null) return;
    const changes = [{ field: 'narrative', old: removed, new: null }];
    await recordAudit(tx, { actor, entity: 'impact_study', entityId: `${String(range.from)}-${String(range.to)}`, action: 'narrative_reset', changes, at: ctx.now });
  });
  return studyOf(ctx, range);
}
