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

// Late is derived: open past its due date (a trigger obligation has none and is never late by date).
export function obligationState(obligation: { status: ObligationStatus; dueOn: string | null }, today: string): ObligationState {
  if (obligation.status === 'open' && obligation.dueOn && obligation.dueOn < today) return 'late';
  return obligation.status;
}
