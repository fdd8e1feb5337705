import type { ObligationKind, ObligationParty, ObligationState, ObligationStatus } from '../../../shared/obligations';
import { invalid } from '../../lib/errors';

// An obligation as it will be after a write: the shape its kind and party require.
export type ObligationDraft = {
  party: ObligationParty;
  unitId: string | null;
  kind: ObligationKind;
  dueOn: string | null;
  everyMonths: number | null;
  triggerText: string | null;
  status: ObligationStatus;
  waiverReason: string | null;
};

export function checkObligation(draft: ObligationDraft, agreementUnitIds: string[]): void {
  if (draft.party === 'city' && !draft.unitId) {
    throw invalid('unitId', { message: 'Kewajiban pemerintah kota: pilih OPD yang menanggungnya.', messageEn: "The city's obligation: choose the OPD that carries it." });
  }
  if (draft.party === 'partner' && draft.unitId) {
    throw invalid('unitId', { message: 'Kewajiban mitra tidak ditanggung OPD.', messageEn: "The partner's obligation is not carried by an OPD." });
  }
  if (draft.unitId && !agreementUnitIds.includes(draft.unitId)) {
    throw invalid('unitId', { message: 'OPD ini tidak terkait dengan naskah.', messageEn: 'This OPD is not linked to the agreement.' });
  }
  if ((draft.kind === 'once' || draft.kind === 'recurring') && !draft.dueOn) {
    throw invalid('dueOn', { message: 'Isi tanggal jatuh tempo (yang pertama untuk kewajiban berulang).', messageEn: 'Give the due date (the first one for a recurring obligation).' });
  }
  if (draft.kind === 'recurring' && !draft.everyMonths) {
    throw invalid('everyMonths', { message: 'Kewajiban berulang: isi setiap berapa bulan.', messageEn: 'A recurring obligation: give how many months apart.' });
  }
  if (draft.kind !== 'recurring' && draft.everyMonths) {
    throw invalid('everyMonths', { message: 'Selang bulan hanya untuk kewajiban berulang.', messageEn: 'Months apart apply only to a recurring obligation.' });
  }
  if (draft.kind === 'trigger' && !draft.triggerText) {
    throw invalid('triggerText', { message: 'Kewajiban bersyarat: tuliskan peristiwa pemicunya.', messageEn: 'An obligation on a trigger: describe the triggering event.' });
  }
  // Issue 11: waiving needs a reason.
  if (draft.status === 'waived' && !draft.waiverReason) {
    throw invalid('waiverReason', { message: 'Pembebasan kewajiban memerlukan alasan.', messageEn: 'Waiving an obligation needs a reason.' });
  }
}

// The day `months` months after `isoDate`, clamped to that month's last day (31 Jan + 1 month is
// 28 or 29 Feb), as PostgreSQL's date + interval does. Always counted from the first due date, so
// a schedule that starts on the 31st comes back to the 31st wherever the month has one.
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

// More would be a schedule entered wrong; the list stops there rather than running for pages.
export const MAX_OCCURRENCES = 240;

// The due dates of an obligation (issue 11: a recurring obligation generates its occurrences): a
// once obligation has its one date; a recurring one its first date and every `everyMonths` after,
// up to the agreement's end (or `until` when the agreement has no end); a trigger obligation one
// occurrence without a date (null).
export function occurrenceDates(obligation: { kind: ObligationKind; dueOn: string | null; everyMonths: number | null }, bounds: { endsOn: string | null; until: string }): (string | null)[] {
  const first = obligation.dueOn;
  if (obligation.kind === 'trigger' || first === null) return [null];
  if (obligation.kind === 'once' || !obligation.everyMonths) return [first];
  const last = bounds.endsOn ?? bounds.until;
  const dates = [first];
  for (let step = 1; dates.length < MAX_OCCURRENCES; step += 1) {
    const next = addMonths(first, step * obligation.everyMonths);
    if (next > last) break;
    dates.push(next);
  }
  return dates;
}

export type OccurrenceRecord = { status: 'met' | 'waived' };

// One occurrence as of `today`: what was recorded for it, else what the whole obligation says
// (waived or met as a whole), else late once its date has passed.
export function occurrenceState(input: { dueOn: string | null; record: OccurrenceRecord | null; obligationStatus: ObligationStatus }, today: string): ObligationState {
  if (input.obligationStatus === 'waived') return 'waived';
  if (input.record) return input.record.status;
  if (input.obligationStatus === 'met') return 'met';
  return input.dueOn !== null && input.dueOn < today ? 'late' : 'open';
}

// The obligation as a whole: late when any occurrence is, met when every one is settled.
export function stateOfOccurrences(obligationStatus: ObligationStatus, states: ObligationState[]): ObligationState {
  if (obligationStatus !== 'open') return obligationStatus;
  if (states.includes('late')) return 'late';
  return states.length > 0 && states.every((state) => state === 'met' || state === 'waived') ? 'met' : 'open';
}
