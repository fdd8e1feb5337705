import type { CooperationKind } from '../../../shared/agreement-codes';
import type { AgreementStatus } from '../../../shared/agreement-codes';
import { EXTENSION_LETTER_OFFER_MONTHS, FOREIGN_EXTENSION_LETTER_MONTHS, type ExtensionLetterState, PIMPINAN_ALERT_FROM_DAYS, RENEWAL_EVALUATION_MONTHS, type RecordRenewalInput, type RenewalEvaluations } from '../../../shared/renewal';
import { countdownStageOf } from '../../lib/calendar-days';
import { invalid } from '../../lib/errors';
import { daysBetween, monthsBefore } from '../monitoring/monitoring.rules';

// Pure rules of expiry alerts and renewal decisions (issue 11 part 6; domain.md "Monitoring,
// evaluation, reporting, renewal").

// The stage an agreement has reached `daysLeft` days before its end (see countdownStageOf).
export const alertStageOf = countdownStageOf;

// Who is told at a stage: the lead OPD's liaisons and the division always, the pimpinan from 30 days.
export function alertsPimpinan(stageDays: number): boolean {
  return stageDays <= PIMPINAN_ALERT_FROM_DAYS;
}

export function daysLeftOf(endsOn: string | null, on: string): number | null {
  return endsOn ? daysBetween(on, endsOn) : null;
}

// Permendagri 25/2020 Ps 33(2): cooperation with a foreign party (KSDPL, KSDLL) is extended by a
// letter to the Minister at least six months before it ends.
export function extensionLetterDueOn(agreement: { kind: CooperationKind; endsOn: string | null }): string | null {
  if (!agreement.endsOn || (agreement.kind !== 'KSDPL' && agreement.kind !== 'KSDLL')) return null;
  return monthsBefore(agreement.endsOn, FOREIGN_EXTENSION_LETTER_MONTHS);
}

export function isForeignCooperation(kind: CooperationKind): boolean {
  return kind === 'KSDPL' || kind === 'KSDLL';
}

export type ExtensionLetterWindow = { state: ExtensionLetterState; opensOn: string | null; dueOn: string | null };

// When the extension letter's draft is offered (Permendagri 25/2020 Ps 33(2)): for a foreign
// cooperation in force, from 12 months before its end; up to 6 months before the end it is on
// time, after that it is late but still worth sending. Anything else is refused.
export function extensionLetterWindow(agreement: { kind: CooperationKind; status: AgreementStatus; endsOn: string | null }, on: string): ExtensionLetterWindow {
  if (!isForeignCooperation(agreement.kind)) return { state: 'not_foreign', opensOn: null, dueOn: null };
  const isInForce = agreement.status === 'aktif' || agreement.status === 'akan_berakhir';
  if (!isInForce || !agreement.endsOn) return { state: 'not_in_force', opensOn: null, dueOn: null };
  const opensOn = monthsBefore(agreement.endsOn, EXTENSION_LETTER_OFFER_MONTHS);
  const dueOn = monthsBefore(agreement.endsOn, FOREIGN_EXTENSION_LETTER_MONTHS);
  if (on < opensOn) return { state: 'too_early', opensOn, dueOn };
  return { state: on <= dueOn ? 'open' : 'late', opensOn, dueOn };
}

export function isExtensionLetterOffered(state: ExtensionLetterState): boolean {
  return state === 'open' || state === 'late';
}

export function evaluationWindowStart(on: string): string {
  return monthsBefore(on, RENEWAL_EVALUATION_MONTHS);
}

// Renewal follows an evaluation by both sides who carry the cooperation: the OPD and the partner.
export function evaluationsComplete(evaluations: RenewalEvaluations): boolean {
  return evaluations.opdAnsweredOn !== null && evaluations.partnerAnsweredOn !== null;
}

// An extension without both evaluations needs a written override; the other decisions need none.
export function checkRenewal(input: Pick<RecordRenewalInput, 'decision' | 'overrideReason'>, evaluations: RenewalEvaluations): void {
  if (input.decision !== 'extend' || evaluationsComplete(evaluations) || input.overrideReason) return;
  const missing = [evaluations.opdAnsweredOn ? null : 'OPD', evaluations.partnerAnsweredOn ? null : 'mitra / partner'].filter(Boolean).join(', ');
  throw invalid('overrideReason', { message: `Perpanjangan memerlukan evaluasi oleh OPD dan mitra dalam ${RENEWAL_EVALUATION_MONTHS} bulan terakhir (belum ada: ${missing}), atau alasan pengecualian tertulis.`, messageEn: `An extension needs evaluations by the OPD and the partner within the last ${RENEWAL_EVALUATION_MONTHS} months (missing: ${missing}), or a written override reason.` });
}
