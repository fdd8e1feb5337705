import { z } from 'zod';
import { COOPERATION_KINDS, DOC_TYPES, END_REASONS, KSDD_MODES, type AgreementStatus, type DocType } from './agreement-codes';
import { MAX_NAME_LENGTH, MAX_NUMBER_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits';
import type { AgreementAbilities } from './abilities';
import { isoDate, plainText, versionSchema } from './input';


const optionalText = (max: number) => plainText().trim().max(max).nullable().optional();

// A partner on an agreement: an existing one by id, or a new one by name and category.
export const AgreementPartnerRefSchema = z.union([
  z.object({ id: z.uuid() }),
  z.object({ name: plainText().trim().min(2).max(MAX_NAME_LENGTH), categoryCode: plainText().min(1).max(50) }),
]);
export type AgreementPartnerRef = z.infer<typeof AgreementPartnerRefSchema>;

// Without defaults, so that a partial update never resets a field the caller did not send.
const agreementFieldsBase = z.object({
  docType: z.enum(DOC_TYPES),
  kind: z.enum(COOPERATION_KINDS),
  ksddMode: z.enum(KSDD_MODES).nullable().optional(),
  title: plainText().trim().min(5).max(MAX_TITLE_LENGTH),
  numberOurs: optionalText(MAX_NUMBER_LENGTH),
  numberPartner: optionalText(MAX_NUMBER_LENGTH),
  signedOn: isoDate.nullable().optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  scope: optionalText(MAX_TEXT_LENGTH),
  purpose: optionalText(MAX_TEXT_LENGTH),
  // Rupiah, whole numbers, as a string so that no value is ever rounded by a float.
  valueIdr: plainText().regex(/^\d{1,18}$/, 'nilai rupiah: angka bulat / whole rupiah').nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  // First partner is the primary partner.
  partners: z.array(AgreementPartnerRefSchema).min(1, 'paling sedikit satu mitra / at least one partner').max(20),
  leadUnitId: z.uuid(),
  supportingUnitIds: z.array(z.uuid()).max(50),
  primarySectorCode: plainText().min(1).max(50),
  otherSectorCodes: z.array(plainText().min(1).max(50)).max(13),
  isDraft: z.boolean(),
  isPublic: z.boolean(),
  longTermReason: optionalText(MAX_TEXT_LENGTH),
  // "Alasan tanpa KB": required for a PKS saved without its KB or NK.
  noParentReason: optionalText(MAX_TEXT_LENGTH),
});

export const AgreementFieldsSchema = agreementFieldsBase.extend({
  supportingUnitIds: agreementFieldsBase.shape.supportingUnitIds.default([]),
  otherSectorCodes: agreementFieldsBase.shape.otherSectorCodes.default([]),
  isDraft: agreementFieldsBase.shape.isDraft.default(false),
  // Off until a person chooses; the portal also waits for the signed document (issue 14, safer defaults).
  isPublic: agreementFieldsBase.shape.isPublic.default(false),
});

// Cross-field rules shared by the form, the API and the import.
export function checkAgreementDates(
  value: { startsOn?: string | null; endsOn?: string | null; signedOn?: string | null },
  addIssue: (path: string, message: string) => void,
): void {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
    addIssue('endsOn', 'Tanggal berakhir mendahului tanggal mulai / end date precedes start date');
  }
}

export const CreateAgreementSchema = AgreementFieldsSchema.superRefine((value, context) => {
  checkAgreementDates(value, (path, message) => context.addIssue({ code: 'custom', path: [path], message }));
  if (value.kind === 'KSDD' && !value.ksddMode && !value.isDraft) {
    context.addIssue({ code: 'custom', path: ['ksddMode'], message: 'KSDD: pilih wajib atau sukarela / choose wajib or sukarela' });
  }
});
export type CreateAgreementInput = z.input<typeof CreateAgreementSchema>;

export const UpdateAgreementSchema = agreementFieldsBase
  .partial()
  .extend({ version: versionSchema })
  .superRefine((value, context) => {
    checkAgreementDates(value, (path, message) => context.addIssue({ code: 'custom', path: [path], message }));
  });
export type UpdateAgreementInput = z.input<typeof UpdateAgreementSchema>;

export const EndAgreementSchema = z.object({
  kind: z.enum(['diakhiri', 'dicabut']).default('diakhiri'),
  endedOn: isoDate,
  reason: z.enum(END_REASONS),
  note: plainText().trim().max(MAX_TEXT_LENGTH).nullable().optional(),
  version: versionSchema,
});
export type EndAgreementInput = z.input<typeof EndAgreementSchema>;

export type PartnerSummary = { id: string; name: string; categoryCode: string; groupCode: string };
export type UnitSummary = { id: string; name: string; isLead: boolean };
export type AgreementLink = { id: string; title: string; docType: DocType; numberOurs: string | null };

export type AgreementView = {
  id: string;
  docType: DocType;
  kind: (typeof COOPERATION_KINDS)[number];
  ksddMode: (typeof KSDD_MODES)[number] | null;
  title: string;
  numberOurs: string | null;
  numberPartner: string | null;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  scope: string | null;
  purpose: string | null;
  valueIdr: string | null;
  status: AgreementStatus;
  isDraft: boolean;
  isPublic: boolean;
  longTermReason: string | null;
  noParentReason: string | null;
  termination: { kind: 'diakhiri' | 'dicabut'; endedOn: string; reason: string; note: string | null } | null;
  partners: PartnerSummary[];
  units: UnitSummary[];
  primarySectorCode: string;
  otherSectorCodes: string[];
  parent: AgreementLink | null;
  children: AgreementLink[];
  // The proposal whose signing registered this agreement, when it came through the procedure.
  proposalId: string | null;
  // What this reader may do with it, from the server's policies (the web shows buttons from these).
  abilities: AgreementAbilities;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type AuditEntryView = {
  id: number;
  at: string;
  actor: string;
  action: string;
  changes: { field: string; old: unknown; new: unknown }[];
};

// Agreements whose numbers differ only in case, spacing, invisible characters or look-alike letters
// (agreementNumberKey); registered before such numbers were refused, they wait for an admin to renumber.
export type NumberDuplicateGroup = {
  key: string;
  agreements: { id: string; numberOurs: string; title: string; isFlagged: boolean }[];
};
