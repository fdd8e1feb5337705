import type { DocType } from '../../../../shared/agreement-codes';
import { findAgreementNumbers } from './agreement-numbers.rules';
import { findParties } from './agreement-parties.rules';
import { endDateOf, findSigningDate, findStartDate, findTermMonths } from './agreement-term.rules';
import { collapseSpaces, type Evidence, evidenceAt, type Found, headingEnd, trimmedEnd } from './extraction-text.rules';

export type { Evidence } from './extraction-text.rules';
export type { Party } from './agreement-parties.rules';

import type { ExtractedFields, Extraction, ExtractedFieldName as FieldName } from '../../../../shared/intake';

export type { ExtractedFields, Extraction, FieldName };

// The kind is named in the heading. An adendum's heading also names the kind it amends
// ("ADENDUM PERTAMA PERJANJIAN KERJA SAMA"), so the adendum is looked for first. A Nota
// Kesepahaman or MoU is a Kesepakatan Bersama in Jalin's codes (domain brief: KB).
const KINDS: { kind: DocType; pattern: RegExp }[] = [
  { kind: 'ADENDUM', pattern: /\bA\s*D\s*D?\s*E\s*N\s*D\s*U\s*M\b|\bPERUBAHAN\s+(?:PERTAMA\s+|KEDUA\s+)?ATAS\b/i },
  { kind: 'NK', pattern: /\bNOTA\s+KESEPAKATAN\b/i },
  { kind: 'KB', pattern: /\bKESEPAKATAN\s+BERSAMA\b|\bNOTA\s+KESEPAHAMAN\b|\bMEMORANDUM\s+OF\s+UNDERSTANDING\b/i },
  { kind: 'PKS', pattern: /\bPERJANJIAN\s+KERJA\s*SAMA\b/i },
];

function findKind(pages: readonly string[]): Found<DocType> | null {
  const page = pages[0] ?? '';
  const heading = page.slice(0, headingEnd(page));
  for (const { kind, pattern } of KINDS) {
    const match = pattern.exec(heading);
    if (match) return { value: kind, confidence: 0.95, evidence: evidenceAt(pages, { pageIndex: 0, start: match.index, end: match.index + match[0].length }) };
  }
  // No heading found (a cover page lost to OCR): the first kind named anywhere, with less trust.
  for (const { kind, pattern } of KINDS) {
    const match = pattern.exec(page);
    if (match) return { value: kind, confidence: 0.6, evidence: evidenceAt(pages, { pageIndex: 0, start: match.index, end: match.index + match[0].length }) };
  }
  return null;
}

// "TENTANG <title>" in the heading: the first lines after it with words in them (OCR leaves specks
// such as "TENTANG h" or "|"), up to a blank line, a number line or the preamble.
const TENTANG = /\bTENTANG\b/;
const NUMBER_LINE_START = /^[^\p{L}\d]*N(?:OMOR|omor|o\.)/u;
const LONGEST_TITLE = 300;

function titleSpan(heading: string, from: number): { start: number; end: number } | null {
  let span: { start: number; end: number } | null = null;
  for (let position = from; position < heading.length; ) {
    const newline = heading.indexOf('\n', position);
    const lineEnd = newline === -1 ? heading.length : newline;
    const line = heading.slice(position, lineEnd);
    const letters = line.replace(/[^\p{L}]/gu, '').length;
    const isNumberLine = NUMBER_LINE_START.test(line);
    if (!span) {
      if (letters >= 4 && !isNumberLine) span = { start: position + (/^[^\p{L}\d]*/u.exec(line)?.[0].length ?? 0), end: lineEnd };
    } else if (letters === 0 || isNumberLine) break;
    else span.end = lineEnd;
    position = lineEnd + 1;
  }
  return span;
}

// A heading has no sentence stops: a "." before a space or between two words, a "|" or "_" is a speck.
function cleanTitle(text: string): string {
  return collapseSpaces(text.replace(/[|_]/g, ' ').replace(/\.(?=\s|$)/g, ' ').replace(/(\p{Lu}{2})\.(?=\p{Lu}{2})/gu, '$1 '));
}

function findTitle(pages: readonly string[]): Found<string> | null {
  for (const [pageIndex, page] of pages.entries()) {
    const heading = page.slice(0, headingEnd(page));
    const match = TENTANG.exec(heading);
    const span = match ? titleSpan(heading, match.index + match[0].length) : null;
    if (!span) continue;
    const end = trimmedEnd(page, span.start, span.end);
    const value = cleanTitle(page.slice(span.start, end));
    // A title running past a few lines means the end of the heading was not found.
    const confidence = value.length > LONGEST_TITLE ? 0.4 : 0.9;
    return { value, confidence, evidence: evidenceAt(pages, { pageIndex, start: span.start, end }) };
  }
  return null;
}

// The scope clause, shortened: enough to recognise it, the person reads the rest in the document.
const SCOPE = /ruang\s+lingkup\b[^\n:]*?(?:meliputi|adalah|sebagai\s+berikut)\s*:?\s*([\s\S]+?)(?=\n[ \t]*\n|\bPasal\s+\d|\bPASAL\b|$)/i;
const LONGEST_SCOPE = 400;

function findScope(pages: readonly string[]): Found<string> | null {
  for (const [pageIndex, page] of pages.entries()) {
    const match = SCOPE.exec(page);
    if (!match?.[1]) continue;
    const start = match.index + match[0].indexOf(match[1]);
    const end = trimmedEnd(page, start, start + match[1].length);
    const full = collapseSpaces(page.slice(start, end));
    const value = full.length > LONGEST_SCOPE ? `${full.slice(0, full.lastIndexOf(' ', LONGEST_SCOPE))} …` : full;
    return { value, confidence: 0.7, evidence: evidenceAt(pages, { pageIndex, start, end }) };
  }
  return null;
}

type Dates = { signedOn: Found<string> | null; startsOn: Found<string> | null; termMonths: Found<number> | null; endsOn: Found<string> | null };

// The term starts on the signing day unless the text names another start.
function findDates(pages: readonly string[]): Dates {
  const signedOn = findSigningDate(pages);
  const startsOn = findStartDate(pages) ?? (signedOn ? { ...signedOn, confidence: signedOn.confidence * 0.9 } : null);
  const termMonths = findTermMonths(pages);
  const endsOn =
    startsOn && termMonths
      ? { value: endDateOf(startsOn.value, termMonths.value), confidence: Math.min(startsOn.confidence, termMonths.confidence), evidence: termMonths.evidence }
      : null;
  return { signedOn, startsOn, termMonths, endsOn };
}

// Proposes an agreement's fields from the text of its pages (OCR or text layer), each with the
// span it came from and a confidence; a field not found is null and has neither.
export function extractAgreementFields(pages: string[]): Extraction {
  const kind = findKind(pages);
  const numbers = findAgreementNumbers(pages);
  const title = findTitle(pages);
  const dates = findDates(pages);
  const scope = findScope(pages);
  const parties = findParties(pages);
  const found: Record<FieldName, { confidence: number; evidence: Evidence } | null> = { kind, ...numbers, title, ...dates, scope, parties };
  const confidence: Extraction['confidence'] = {};
  const evidence: Extraction['evidence'] = {};
  for (const [name, value] of Object.entries(found) as [FieldName, { confidence: number; evidence: Evidence } | null][]) {
    if (!value) continue;
    confidence[name] = Math.round(value.confidence * 100) / 100;
    evidence[name] = value.evidence;
  }
  const fields: ExtractedFields = {
    kind: kind?.value ?? null,
    nomorPemda: numbers.nomorPemda?.value ?? null,
    nomorMitra: numbers.nomorMitra?.value ?? null,
    title: title?.value ?? null,
    signedOn: dates.signedOn?.value ?? null,
    startsOn: dates.startsOn?.value ?? null,
    endsOn: dates.endsOn?.value ?? null,
    termMonths: dates.termMonths?.value ?? null,
    scope: scope?.value ?? null,
    parties: parties?.parties ?? [],
  };
  return { fields, confidence, evidence };
}
