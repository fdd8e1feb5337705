import { partnerFromParties, SCAN_FIELD_COLUMNS, type ExtractedFieldName, type ExtractedFields } from '../../../../shared/intake';
import type { AgreementFormValues } from './form-values';

export type ScanProposalValues = { values: AgreementFormValues; filled: ExtractedFieldName[]; partner: string | null };

// The form's fields a scan can propose, and which of them it did. The rest stay as the person
// left them; nothing proposed is saved until the person saves the form. The partner's name is only
// suggested: the person picks the registered partner it names, or adds it with its category.
export function formValuesFromScan(fields: ExtractedFields, current: AgreementFormValues): ScanProposalValues {
  const values = { ...current };
  const filled: ExtractedFieldName[] = [];
  for (const [field, key] of SCAN_FIELD_COLUMNS) {
    const value = fields[field];
    if (typeof value === 'string' && value !== '') {
      values[key] = value;
      filled.push(field);
    }
  }
  if (fields.kind) {
    values.docType = fields.kind;
    filled.push('kind');
  }
  const partner = partnerFromParties(fields.parties);
  if (partner) filled.push('parties');
  return { values, filled, partner };
}
