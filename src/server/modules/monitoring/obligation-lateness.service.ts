import type { Db } from '../../db/client';
import { addDays } from '../../lib/calendar-days';
import { localDate } from '../../lib/context';
import * as repo from './obligation-occurrences.repository';
import { occurrenceDates, occurrenceState } from './obligations.rules';

// Lateness is counted per occurrence (issue 11): a recurring obligation met last semester and not
// this one is late for this one. Health, the home tasks and the demo read it from here.

type OccurrenceRecord = Awaited<ReturnType<typeof repo.occurrenceRowsOf>>[number];

// Records by obligation, then by due day: read once, so a refresh over the whole register stays linear.
function recordsByObligationAndDay(records: OccurrenceRecord[]): Map<string, Map<string | null, OccurrenceRecord>> {
  const byObligation = new Map<string, Map<string | null, OccurrenceRecord>>();
  for (const record of records) {
    const days = byObligation.get(record.obligationId) ?? new Map<string | null, OccurrenceRecord>();
    days.set(record.dueOn, record);
    byObligation.set(record.obligationId, days);
  }
  return byObligation;
}

export type PendingOccurrence = { obligationId: string; agreementId: string; agreementTitle: string; description: string; dueOn: string; isLate: boolean };

// The occurrences without a record, due on or before `through`, of the obligations still open.
async function pendingOccurrences(db: Db, input: { on: string; through: string; unitId?: string; party?: 'city' | 'partner'; agreementIds?: string[] | undefined }): Promise<PendingOccurrence[]> {
  const obligations = await repo.openDatedObligations(db, { unitId: input.unitId, party: input.party, agreementIds: input.agreementIds });
  const records = await repo.occurrenceRowsOf(db, obligations.map((obligation) => obligation.id));
  const recordsByObligation = recordsByObligationAndDay(records);
  const pending: PendingOccurrence[] = [];
  for (const obligation of obligations) {
    const recorded = recordsByObligation.get(obligation.id) ?? new Map<string | null, OccurrenceRecord>();
    const dates = occurrenceDates(obligation, { endsOn: obligation.terminatedOn ?? obligation.endsOn, until: input.through });
    for (const dueOn of dates) {
      if (dueOn === null || dueOn > input.through) continue;
      const state = occurrenceState({ dueOn, record: recorded.get(dueOn) ?? null, obligationStatus: obligation.status }, input.on);
      if (state !== 'open' && state !== 'late') continue;
      const { id, agreementId, agreementTitle, description } = obligation;
      pending.push({ obligationId: id, agreementId, agreementTitle, description, dueOn, isLate: state === 'late' });
    }
  }
  return pending.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.agreementTitle.localeCompare(b.agreementTitle));
}

// Per agreement (of `agreementIds`, or all), how many obligations have at least one occurrence late as of `on`.
export async function lateObligationCounts(ctx: { db: Db }, input: { on: string; agreementIds?: string[] | undefined }): Promise<Map<string, number>> {
  const late = (await pendingOccurrences(ctx.db, { on: input.on, through: addDays(input.on, -1), agreementIds: input.agreementIds })).filter((occurrence) => occurrence.isLate);
  const obligationsByAgreement = new Map<string, Set<string>>();
  for (const occurrence of late) {
    const ids = obligationsByAgreement.get(occurrence.agreementId) ?? new Set<string>();
    ids.add(occurrence.obligationId);
    obligationsByAgreement.set(occurrence.agreementId, ids);
  }
  return new Map([...obligationsByAgreement].map(([agreementId, ids]) => [agreementId, ids.size]));
}

// The city's occurrences an OPD carries that are late or due within `horizonDays`; for the
// division (unitId null) the late ones of every OPD.
export async function cityOccurrencesDue(ctx: { db: Db }, input: { unitId: string | null; on: string; horizonDays: number; limit: number }): Promise<{ rows: PendingOccurrence[]; total: number }> {
  const through = input.unitId === null ? addDays(input.on, -1) : addDays(input.on, input.horizonDays);
  const found = await pendingOccurrences(ctx.db, { on: input.on, through, party: 'city', ...(input.unitId ? { unitId: input.unitId } : {}) });
  return { rows: found.slice(0, input.limit), total: found.length };
}

export type OccurrenceOutcome = { obligationId: string; dueOn: string; state: 'met' | 'waived' | 'open'; metOn: string | null };

// Every dated occurrence of one agreement's obligations due on or before `through`, with what was
// recorded for it: met (on the day it was recorded, in Ternate), waived, or still open. An
// obligation met or waived as a whole settles its occurrences without a day of their own.
export async function occurrenceOutcomes(ctx: { db: Db }, input: { agreementId: string; through: string }): Promise<OccurrenceOutcome[]> {
  const obligations = await repo.datedObligationsOf(ctx.db, input.agreementId);
  const records = await repo.occurrenceRowsOf(ctx.db, obligations.map((obligation) => obligation.id));
  const endsOn = await repo.endOfAgreement(ctx.db, input.agreementId);
  const recordsByObligation = recordsByObligationAndDay(records);
  const outcomes: OccurrenceOutcome[] = [];
  for (const obligation of obligations) {
    for (const dueOn of occurrenceDates(obligation, { endsOn, until: input.through })) {
      if (dueOn === null || dueOn > input.through) continue;
      const record = recordsByObligation.get(obligation.id)?.get(dueOn);
      if (obligation.status === 'waived' || record?.status === 'waived') outcomes.push({ obligationId: obligation.id, dueOn, state: 'waived', metOn: null });
      else if (record) outcomes.push({ obligationId: obligation.id, dueOn, state: 'met', metOn: localDate(record.recordedAt) });
      else outcomes.push({ obligationId: obligation.id, dueOn, state: obligation.status === 'met' ? 'met' : 'open', metOn: null });
    }
  }
  return outcomes;
}
