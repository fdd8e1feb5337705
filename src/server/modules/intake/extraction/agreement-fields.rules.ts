import type { DocType } from '../../../../shared/agreement-codes';

// PLACEHOLDER until field extraction (issue 13, part 2) is merged: that work replaces this whole
// file with the real extractor and keeps this interface. It reads only the plainest layout — the
// kind in the heading, "Nomor:" lines (the city's first), "TENTANG …" and a numeric "tanggal
// DD-MM-YYYY" — so that intake can be built and tested before the real rules land.

export type Evidence = { page: number; text: string; start: number; end: number };
export type Party = { role: `PIHAK ${string}`; name: string; position: string | null; organisation: string | null };
export type FieldName = 'kind' | 'nomorPemda' | 'nomorMitra' | 'title' | 'signedOn' | 'startsOn' | 'endsOn' | 'termMonths' | 'scope' | 'parties';

export type ExtractedFields = {
  kind: DocType | null;
  nomorPemda: string | null;
  nomorMitra: string | null;
  title: string | null;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  termMonths: number | null;
  scope: string | null;
  parties: Party[];
};

export type Extraction = {
  fields: ExtractedFields;
  confidence: Partial<Record<FieldName, number>>;
  evidence: Partial<Record<FieldName, Evidence>>;
};

const KINDS: [DocType, RegExp][] = [
  ['ADENDUM', /\bADENDUM\b/i],
  ['NK', /\bNOTA\s+KESEPAKATAN\b/i],
  ['KB', /\bKESEPAKATAN\s+BERSAMA\b/i],
  ['PKS', /\bPERJANJIAN\s+KERJA\s*SAMA\b/i],
];

export function extractAgreementFields(pages: string[]): Extraction {
  const text = pages.join('\n');
  const numbers = [...text.matchAll(/^[ \t]*Nomor[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$/gim)].map((match) => match[1] ?? '');
  const date = /tanggal\s+(\d{2})-(\d{2})-(\d{4})/i.exec(text);
  const title = /\bTENTANG\s+([^\n]+)/i.exec(text)?.[1]?.trim() ?? null;
  const fields: ExtractedFields = {
    kind: KINDS.find(([, pattern]) => pattern.test(text))?.[0] ?? null,
    nomorPemda: numbers[0] ?? null,
    nomorMitra: numbers[1] ?? null,
    title,
    signedOn: date ? `${date[3] ?? ''}-${date[2] ?? ''}-${date[1] ?? ''}` : null,
    startsOn: null,
    endsOn: null,
    termMonths: null,
    scope: null,
    parties: [],
  };
  const confidence: Extraction['confidence'] = {};
  for (const [name, value] of Object.entries(fields)) if (value !== null && !Array.isArray(value)) confidence[name as FieldName] = 0.5;
  return { fields, confidence, evidence: {} };
}
