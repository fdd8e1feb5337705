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
    throw invalid('unitId', 'Kewajiban pemerintah kota: pilih OPD yang menanggungnya.', "The city's obligation: choose the OPD that carries it.");
  }
  if (draft.party === 'partner' && draft.unitId) {
    throw invalid('unitId', 'Kewajiban mitra tidak ditanggung OPD.', "The partner's obligation is not carried by an OPD.");
  }
  if (draft.unitId && !agreementUnitIds.includes(draft.unitId)) {
    throw invalid('unitId', 'OPD ini tidak terkait dengan naskah.', 'This OPD is not linked to the agreement.');
  }
  if ((draft.kind === 'once' || draft.kind === 'recurring') && !draft.dueOn) {
    throw invalid('dueOn', 'Isi tanggal jatuh tempo (yang pertama untuk kewajiban berulang).', 'Give the due date (the first one for a recurring obligation).');
  }
  if (draft.kind === 'recurring' && !draft.everyMonths) {
    throw invalid('everyMonths', 'Kewajiban berulang: isi setiap berapa bulan.', 'A recurring obligation: give how many months apart.');
  }
  if (draft.kind !== 'recurring' && draft.everyMonths) {
    throw invalid('everyMonths', 'Selang bulan hanya untuk kewajiban berulang.', 'Months apart apply only to a recurring obligation.');
  }
  if (draft.kind === 'trigger' && !draft.triggerText) {
    throw invalid('triggerText', 'Kewajiban bersyarat: tuliskan peristiwa pemicunya.', 'An obligation on a trigger: describe the triggering event.');
  }
  // Issue 11: waiving needs a reason.
  if (draft.status === 'waived' && !draft.waiverReason) {
    throw invalid('waiverReason', 'Pembebasan kewajiban memerlukan alasan.', 'Waiving an obligation needs a reason.');
  }
}

// Late is derived: open past its due date (a trigger obligation has none and is never late by date).
export function obligationState(obligation: { status: ObligationStatus; dueOn: string | null }, today: string): ObligationState {
  if (obligation.status === 'open' && obligation.dueOn && obligation.dueOn < today) return 'late';
  return obligation.status;
}
