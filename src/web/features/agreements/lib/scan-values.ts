import type { ExtractedFieldName, ExtractedFields, ExtractedParty } from '../../../../shared/intake';
import type { AgreementFormValues } from './form-values';

// The city's own side of an agreement, told from the partner's by its name or its office.
const CITY_SIDE = /kota\s+ternate|wali\s*kota|pemerintah\s+kota|sekretari(?:s|at)\s+daerah/i;

function partyLabel(party: ExtractedParty): string {
  return (party.organisation ?? party.name).trim();
}

// The partner is the party that is not the city (PIHAK KEDUA as a rule, but not always).
export function partnerFromParties(parties: readonly ExtractedParty[]): string | null {
  const partner = parties.find((party) => !CITY_SIDE.test(`${party.organisation ?? ''} ${party.name} ${party.position ?? ''}`));
  const label = partner ? partyLabel(partner) : '';
  return label.length >= 2 ? label : null;
}

export type ScanProposalValues = { values: AgreementFormValues; filled: ExtractedFieldName[]; partner: string | null };

// The form's fields a scan can propose, and which of them it did. The rest stay as the person
// left them; nothing proposed is saved until the person saves the form. The partner's name is only
// suggested: the person picks the registered partner it names, or adds it with its category.
export function formValuesFromScan(fields: ExtractedFields, current: AgreementFormValues): ScanProposalValues {
  const values = { ...current };
  const filled: ExtractedFieldName[] = [];
  const text: [ExtractedFieldName, 'numberOurs' | 'numberPartner' | 'title' | 'signedOn' | 'startsOn' | 'endsOn' | 'scope'][] = [
    ['nomorPemda', 'numberOurs'],
    ['nomorMitra', 'numberPartner'],
    ['title', 'title'],
    ['signedOn', 'signedOn'],
    ['startsOn', 'startsOn'],
    ['endsOn', 'endsOn'],
    ['scope', 'scope'],
  ];
  for (const [field, key] of text) {
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
