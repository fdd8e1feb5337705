import { z } from 'zod';
import { isoDate, plainText, versionSchema } from './input';

// Obligations of the parties (kewajiban para pihak), issue 11 part 1: what each side owes under an
// agreement, the clause it comes from and when it is due.

export const OBLIGATION_PARTIES = ['city', 'partner'] as const;
export type ObligationParty = (typeof OBLIGATION_PARTIES)[number];
// once: one due date; recurring: every `everyMonths` from the first due date; trigger: when an event happens.
export const OBLIGATION_KINDS = ['once', 'recurring', 'trigger'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
// Stored statuses; "late" is derived (open and past its due date) and never stored.
export const OBLIGATION_STATUSES = ['open', 'met', 'waived'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
export type ObligationState = ObligationStatus | 'late';

const fields = {
  party: z.enum(OBLIGATION_PARTIES),
  // The OPD through which the city owes it; none for the partner's.
  unitId: z.uuid().nullable().optional(),
  clause: plainText().trim().max(200).nullable().optional(),
  description: plainText().trim().min(3).max(2000),
  kind: z.enum(OBLIGATION_KINDS),
  dueOn: isoDate.nullable().optional(),
  everyMonths: z.number().int().min(1).max(60).nullable().optional(),
  triggerText: plainText().trim().max(500).nullable().optional(),
  evidenceRequired: z.boolean().default(false),
};

export const CreateObligationSchema = z.object(fields).strict();
export type CreateObligationInput = z.infer<typeof CreateObligationSchema>;

export const UpdateObligationSchema = z
  .object({
    ...fields,
    evidenceRequired: z.boolean(),
    status: z.enum(OBLIGATION_STATUSES),
    // Waiving needs a reason (issue 11): checked with the status it goes with.
    waiverReason: plainText().trim().max(1000).nullable(),
  })
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type UpdateObligationInput = z.infer<typeof UpdateObligationSchema>;

export const ConfirmObligationSchema = z.object({ version: versionSchema }).strict();
export type ConfirmObligationInput = z.infer<typeof ConfirmObligationSchema>;

export type ObligationView = {
  id: string;
  agreementId: string;
  party: ObligationParty;
  unitId: string | null;
  clause: string | null;
  description: string;
  kind: ObligationKind;
  dueOn: string | null;
  everyMonths: number | null;
  triggerText: string | null;
  evidenceRequired: boolean;
  status: ObligationStatus;
  // The status as of today: an open obligation past its due date is late.
  state: ObligationState;
  waiverReason: string | null;
  // The lead OPD has confirmed the partner's obligation (null: not yet, or the city's own).
  confirmedAt: string | null;
  version: number;
  // The first occurrence still open or late (null: none left, or a trigger obligation).
  nextDueOn: string | null;
  occurrences: OccurrenceView[];
  abilities: ObligationAbilities;
};

// What the reader may do with this obligation, from the server's policy.
export type ObligationAbilities = { canEdit: boolean; canConfirm: boolean; canMarkMet: boolean; canWaive: boolean; canReopen: boolean };

export type OccurrenceEvidenceView = { fileName: string; mimeType: string; sizeBytes: number; sha256: string };

// One due date of an obligation (null for a trigger obligation's one occurrence).
export type OccurrenceView = {
  dueOn: string | null;
  state: ObligationState;
  // The row that records it met or waived (null: open, or late).
  recordId: string | null;
  waiverReason: string | null;
  note: string | null;
  recordedAt: string | null;
  evidence: OccurrenceEvidenceView | null;
};

// The form fields sent with an occurrence met (with its evidence file) or waived. The due date names
// the occurrence; empty for a trigger obligation's.
export const RecordOccurrenceFieldsSchema = z
  .object({
    dueOn: z.union([z.literal(''), isoDate]).optional(),
    status: z.enum(['met', 'waived']),
    waiverReason: plainText().trim().max(1000).optional(),
    note: plainText().trim().max(1000).optional(),
  })
  .strict();
export type RecordOccurrenceFields = z.infer<typeof RecordOccurrenceFieldsSchema>;

export const ReopenOccurrenceSchema = z.object({ dueOn: isoDate.nullable() }).strict();
export type ReopenOccurrenceInput = z.infer<typeof ReopenOccurrenceSchema>;
