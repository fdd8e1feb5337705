import { collapseSpaces, type Evidence, evidenceAt } from './extraction-text.rules';

// PIHAK PERTAMA, PIHAK KEDUA, and in a three-party agreement PIHAK KETIGA.
import type { ExtractedParty as Party } from '../../../../shared/intake';
export type { Party };

// Each party is introduced once, in the preamble, and the paragraph ends "selanjutnya disebut PIHAK
// PERTAMA". Three layouts are common: labelled lines ("Nama : …", "Jabatan : …"), one line
// "NAME : position, dalam hal ini bertindak untuk dan atas nama ORGANISATION, …", or the same line
// with a comma for the colon ("NAME, position, dalam hal ini …").
// Separators allow OCR specks (": PERTAMA", "disebut. PIHAK").
const ROLE = /selanjutnya[\s.,]+(?:dalam\s+\S+\s+ini\s+)?disebut[\s.,:]+(?:sebagai\s+)?["“]?PIHAK[\s.,:;]+(PERTAMA|KEDUA|KETIGA|KEEMPAT)\b/gi;
const INTRODUCTION = /bertanda[\s.-]*tangan[\s.-]*di[\s.-]*bawah[\s.-]*ini[\s:;,.|]*/i;
const NAME_LINE = /\bNama[\s.,'’`]*[:;][\s:;.]*([^\n]+)/i;
const POSITION_LINE = /\bJabatan[\s.,'’`]*[:;][\s:;.]*([^\n]+)/i;
// OCR reads a Roman "II." as "Il." or "11.".
const LIST_MARKER = /^\s*(?:[IVXl1]{1,4}|\d{1,2}|[a-d])\s*[.,)]+\s*/;
// A colon with spaces round it separates name and position; OCR may add a colon inside the name.
const INLINE_SPACED = /^([^\n]+?)\s+[:;][\s:;.]*([^,]+)/;
const INLINE = /^([^:;\n]+?)\s*[:;][\s:;.]*([^,]+)/;
// Where the acting clause begins: what stands before it is the name and the position.
const ACTING = /,?\s*(?:dalam\s+hal\s+ini\s+)?bertindak\b|,?\s*dalam\s+hal\s+ini\b/i;
const ORGANISATION = /atas\s+nama\s+([\s\S]+?)(?=\s*,|\s+berkedudukan|\s+yang\s+berkedudukan|\s+selanjutnya|\s+beralamat|$)/i;

// OCR specks around a value: a leading "." or ":", a comma doubled into ",." inside a name.
function cleanValue(text: string): string {
  return collapseSpaces(text)
    .replace(/^[\s.,;:|_-]+/, '')
    .replace(/([,;])\s*\.+\s*/g, '$1 ')
    .replace(/\.{2,}\s*/g, '. ')
    // Abbreviations are short (Dr., M., S.H.); a stop after a longer word is a speck.
    .replace(/(\p{L}{5,})\.(?=\s)/gu, '$1')
    .replace(/^(Dr|Drs|Ir|Prof|Capt|Hj?)\s*[,.]\s*/, '$1. ')
    .replace(/\s+\.+(?=\s|$)/g, '')
    .replace(/[\s,;:|_-]+$/, '');
}

function partyOf(segment: string, role: Party['role']): { party: Party; confidence: number } | null {
  const organisation = ORGANISATION.exec(segment)?.[1];
  const base = { role, organisation: organisation ? cleanValue(organisation) : null };
  const name = NAME_LINE.exec(segment)?.[1];
  if (name) {
    const position = POSITION_LINE.exec(segment)?.[1];
    return { party: { ...base, name: cleanValue(name), position: position ? cleanValue(position) : null }, confidence: position ? 0.9 : 0.7 };
  }
  const entry = segment.replace(/^[\s.,;:|]+/, '').replace(LIST_MARKER, '');
  const inline = INLINE_SPACED.exec(entry) ?? INLINE.exec(entry);
  if (inline?.[1] && inline[2]) return { party: { ...base, name: cleanValue(inline[1]), position: cleanValue(inline[2]) }, confidence: 0.75 };
  return commaLayout(entry, base);
}

// "NAME, degree, position, dalam hal ini …": the position is the last piece before the acting
// clause, the name all before it (degrees such as M.Si stay with the name). Less sure: a name
// with a comma and no position would be split wrongly.
function commaLayout(entry: string, base: Pick<Party, 'role' | 'organisation'>): { party: Party; confidence: number } | null {
  const acting = ACTING.exec(entry);
  if (!acting) return null;
  const pieces = entry.slice(0, acting.index).split(',').map((piece) => piece.trim()).filter((piece) => piece !== '');
  const position = pieces.pop();
  if (!position || pieces.length === 0) return null;
  return { party: { ...base, name: cleanValue(pieces.join(', ')), position: cleanValue(position) }, confidence: 0.6 };
}

export type PartiesFound = { parties: Party[]; confidence: number; evidence: Evidence } | null;

// The parties in the order they are introduced; the evidence spans from the first to the last.
export function findParties(pages: readonly string[]): PartiesFound {
  for (const [pageIndex, page] of pages.entries()) {
    const intro = INTRODUCTION.exec(page);
    let from = intro ? intro.index + intro[0].length : 0;
    const parties: Party[] = [];
    const confidences: number[] = [];
    let firstStart = -1;
    for (const match of page.matchAll(ROLE)) {
      const role: Party['role'] = `PIHAK ${(match[1] ?? '').toUpperCase()}`;
      const found = parties.some((party) => party.role === role) ? null : partyOf(page.slice(from, match.index), role);
      if (found) {
        if (firstStart === -1) firstStart = from + (page.slice(from).length - page.slice(from).trimStart().length);
        parties.push(found.party);
        confidences.push(found.confidence);
      }
      from = match.index + match[0].length;
    }
    if (parties.length > 0) {
      // One party alone is half an agreement: something was missed.
      const confidence = Math.min(...confidences) * (parties.length >= 2 ? 1 : 0.5);
      return { parties, confidence, evidence: evidenceAt(pages, { pageIndex, start: firstStart, end: from }) };
    }
  }
  return null;
}
