import type { ObligationAbilities, ObligationView, OccurrenceView } from '../../../shared/obligations';
import type { OccurrenceRow } from './obligation-occurrences.repository';
import type { ObligationRow } from './obligations.repository';
import { addMonths, occurrenceDates, occurrenceState, stateOfOccurrences } from './obligations.rules';

// An agreement without an end date shows its recurring obligations a year ahead.
const OPEN_ENDED_MONTHS = 12;

type Schedule = Pick<ObligationRow, 'kind' | 'dueOn' | 'everyMonths' | 'status'>;

export function occurrenceViewsOf(obligation: Schedule, input: { records: OccurrenceRow[]; endsOn: string | null; today: string }): OccurrenceView[] {
  const byDue = new Map(input.records.map((record) => [record.dueOn, record]));
  const dates = occurrenceDates(obligation, { endsOn: input.endsOn, until: addMonths(input.today, OPEN_ENDED_MONTHS) });
  return dates.map((dueOn) => {
    const record = byDue.get(dueOn) ?? null;
    const evidence =
      record?.storageKey && record.fileName && record.mimeType && record.sha256
        ? { fileName: record.fileName, mimeType: record.mimeType, sizeBytes: record.sizeBytes ?? 0, sha256: record.sha256 }
        : null;
    return {
      dueOn,
      state: occurrenceState({ dueOn, record, obligationStatus: obligation.status }, input.today),
      recordId: record?.id ?? null,
      waiverReason: record?.waiverReason ?? null,
      note: record?.note ?? null,
      recordedAt: record ? record.recordedAt.toISOString() : null,
      evidence,
    };
  });
}

export function obligationViewOf(row: ObligationRow, input: { occurrences: OccurrenceView[]; abilities: ObligationAbilities }): ObligationView {
  const pending = input.occurrences.find((occurrence) => occurrence.state === 'open' || occurrence.state === 'late');
  return {
    id: row.id,
    agreementId: row.agreementId,
    party: row.party,
    unitId: row.unitId,
    clause: row.clause,
    description: row.description,
    kind: row.kind,
    dueOn: row.dueOn,
    everyMonths: row.everyMonths,
    triggerText: row.triggerText,
    evidenceRequired: row.evidenceRequired,
    status: row.status,
    state: stateOfOccurrences(row.status, input.occurrences.map((occurrence) => occurrence.state)),
    waiverReason: row.waiverReason,
    confirmedAt: row.confirmedAt ? row.confirmedAt.toISOString() : null,
    version: row.version,
    nextDueOn: pending?.dueOn ?? null,
    occurrences: input.occurrences,
    abilities: input.abilities,
  };
}
