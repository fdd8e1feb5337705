import { z } from 'zod';
import { END_REASONS } from './agreement-codes';
import { isoDate, plainText, versionSchema } from './input';

// Renewal decisions and expiry alerts (issue 11 part 6). An agreement nearing its end is decided
// on: extended (a new proposal or an adendum), ended early with a PP 28/2018 reason, or left to
// lapse. Until then the people who must decide are alerted on an escalating schedule.

export const RENEWAL_DECISIONS = ['extend', 'end_early', 'lapse'] as const;
export type RenewalDecisionKind = (typeof RENEWAL_DECISIONS)[number];

// The days before the end when an alert goes out are a setting (`expiryAlertDays`).
// From this stage on the pimpinan is told too.
export const PIMPINAN_ALERT_FROM_DAYS = 30;
// An extension needs evaluations by the OPD and by the partner from within this many months.
export const RENEWAL_EVALUATION_MONTHS = 12;
// Permendagri 25/2020 Ps 33(2): a foreign cooperation's extension is asked for in writing at least
// six months before it ends.
export const FOREIGN_EXTENSION_LETTER_MONTHS = 6;
// The draft of that letter is offered from this many months before the end (time to evaluate and
// write it), until the deadline above and, with a warning, after it while the agreement is in force.
export const EXTENSION_LETTER_OFFER_MONTHS = 12;

// Where an agreement stands for the extension letter: not a foreign cooperation; not in force
// (ended, or never signed); too early; open (before the deadline); late (past it, still in force).
export const EXTENSION_LETTER_STATES = ['not_foreign', 'not_in_force', 'too_early', 'open', 'late'] as const;
export type ExtensionLetterState = (typeof EXTENSION_LETTER_STATES)[number];
export type ExtensionLetterView = { state: ExtensionLetterState; opensOn: string | null; dueOn: string | null; canDraft: boolean };

const reasonText = plainText().trim().min(10, 'alasan paling sedikit 10 karakter / a reason of at least 10 characters').max(2000);

export const RecordRenewalSchema = z
  .object({
    decision: z.enum(RENEWAL_DECISIONS),
    reason: reasonText,
    // Ending early: the PP 28/2018 reason and the day it ends (the agreement's own rules apply).
    endReason: z.enum(END_REASONS).nullable().optional(),
    endedOn: isoDate.nullable().optional(),
    // Written when extending without the evaluations the rule asks for.
    overrideReason: reasonText.nullable().optional(),
    // The agreement's version the decision was made on (ending early writes the agreement).
    version: versionSchema,
  })
  .strict()
  .superRefine((value, context) => {
    if (value.decision === 'end_early' && !value.endReason) {
      context.addIssue({ code: 'custom', path: ['endReason'], message: 'alasan berakhir (PP 28/2018) wajib dipilih / choose the ending reason (PP 28/2018)' });
    }
    if (value.decision === 'end_early' && !value.endedOn) {
      context.addIssue({ code: 'custom', path: ['endedOn'], message: 'tanggal berakhir wajib diisi / the end date is required' });
    }
  });
export type RecordRenewalInput = z.input<typeof RecordRenewalSchema>;

export type RenewalDecisionView = {
  decision: RenewalDecisionKind;
  reason: string;
  endReason: string | null;
  overrideReason: string | null;
  decidedAt: string;
  decidedBy: string | null;
};

// The latest finalised-or-open evaluation answers that count for a renewal.
export type RenewalEvaluations = { opdAnsweredOn: string | null; partnerAnsweredOn: string | null; since: string };

export type RenewalView = {
  agreementId: string;
  endsOn: string | null;
  daysLeft: number | null;
  // KSDPL/KSDLL only: the last day to send the extension letter (6 months before the end).
  extensionLetterDueOn: string | null;
  evaluations: RenewalEvaluations;
  // True when the evaluations the rule asks for exist; otherwise an extension needs an override reason.
  evaluationsComplete: boolean;
  decision: RenewalDecisionView | null;
  // KSDPL/KSDLL: the draft letter to the Minister (GET /api/agreements/:id/extension-letter.docx).
  extensionLetter: ExtensionLetterView;
  abilities: { canDecide: boolean };
};

export type ExpiryAlertRun = { alerts: number; people: number; mails: number };
