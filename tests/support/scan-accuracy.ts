import type { Extraction } from '../../src/server/modules/intake/extraction/agreement-fields.rules';
import { agreementNumberKey } from '../../src/shared/agreement-number';
import type { ScanTruth } from './scan-fixtures';

// How a proposed field is judged against the generated truth. Numbers are compared as the register
// compares them (agreementNumberKey: case, spaces and look-alikes do not matter); text after
// collapsing whitespace and case, because the person confirms the text and the heading is upper case.
export const CHECKED_FIELDS = ['kind', 'nomorPemda', 'nomorMitra', 'title', 'signedOn', 'startsOn', 'endsOn', 'termMonths', 'parties'] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

function sameText(a: string | null, b: string | null): boolean {
  const normal = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  return a !== null && b !== null && normal(a) === normal(b);
}

function sameParties(truth: ScanTruth['parties'], found: Extraction['fields']['parties']): boolean {
  return (
    truth.length === found.length &&
    truth.every((party, index) => {
      const other = found[index];
      return other !== undefined && party.role === other.role && sameText(party.name, other.name) && sameText(party.position, other.position);
    })
  );
}

export function fieldResults(truth: ScanTruth, extraction: Extraction): Record<CheckedField, boolean> {
  const { fields } = extraction;
  return {
    kind: fields.kind === truth.kind,
    nomorPemda: agreementNumberKey(fields.nomorPemda) === agreementNumberKey(truth.nomorPemda),
    nomorMitra: agreementNumberKey(fields.nomorMitra) === agreementNumberKey(truth.nomorMitra),
    title: sameText(fields.title, truth.title),
    signedOn: fields.signedOn === truth.signedOn,
    startsOn: fields.startsOn === truth.startsOn,
    endsOn: fields.endsOn === truth.endsOn,
    termMonths: fields.termMonths === truth.termMonths,
    parties: sameParties(truth.parties, fields.parties),
  };
}

// Per field, the fields that were wrong, as "document index: field" — empty when all are right.
export function wrongFields(results: Record<CheckedField, boolean>[]): string[] {
  return results.flatMap((result, index) => CHECKED_FIELDS.filter((field) => !result[field]).map((field) => `${index}: ${field}`));
}
