import { z } from 'zod';
import { COOPERATION_KINDS, DOC_TYPES } from './agreement-codes';
import { AgreementPartnerRefSchema } from './agreements';
import { isoDate, plainText } from './input';
import { MAX_NUMBER_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits';

const text = (max: number) => plainText().trim().max(max).nullable().optional();

// The fields of a scan as the person confirmed or corrected them on the review screen.
export const IntakeFieldsSchema = z.object({
  kind: z.enum(DOC_TYPES).nullable().optional(),
  nomorPemda: text(MAX_NUMBER_LENGTH),
  nomorMitra: text(MAX_NUMBER_LENGTH),
  title: text(MAX_TITLE_LENGTH),
  signedOn: isoDate.nullable().optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  scope: text(MAX_TEXT_LENGTH),
});
export type IntakeFields = z.infer<typeof IntakeFieldsSchema>;

// Accepting a scan. For one without a match, what the scan cannot say: the lead OPD, the sector,
// the partner and the kind of cooperation; the agreement is then created as a draft.
export const AcceptIntakeSchema = z.object({
  fields: IntakeFieldsSchema.optional(),
  leadUnitId: z.uuid().optional(),
  primarySectorCode: plainText().min(1).max(50).optional(),
  partner: AgreementPartnerRefSchema.optional(),
  kind: z.enum(COOPERATION_KINDS).optional(),
});
export type AcceptIntakeInput = z.input<typeof AcceptIntakeSchema>;
