// Small helpers shared by the field rules: where a match sits (its evidence) and how its text is
// cleaned. Offsets always point into the page text as given, so the UI can highlight the span.

export type { ExtractionEvidence as Evidence } from '../../../../shared/intake';
import type { ExtractionEvidence as Evidence } from '../../../../shared/intake';

export type Found<T> = { value: T; confidence: number; evidence: Evidence };

export function evidenceAt(pages: readonly string[], input: { pageIndex: number; start: number; end: number }): Evidence {
  const text = pages[input.pageIndex] ?? '';
  return { page: input.pageIndex + 1, text: text.slice(input.start, input.end), start: input.start, end: input.end };
}

// OCR breaks lines and doubles spaces; a value is compared and proposed with single spaces.
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Where the preamble starts ("Pada hari ini …", "Yang bertanda tangan …"): the heading with the
// kind, the numbers and the title sits before it. The whole page when there is no preamble.
const PREAMBLE = /\bpada\s+hari\s+ini\b|\bpada\s+(?:hari\s+\w+\s*,?\s*)?tanggal\b|\byang\s+bertanda[\s.-]*tangan\b/i;

export function headingEnd(page: string): number {
  return PREAMBLE.exec(page)?.index ?? page.length;
}

// A span trimmed of trailing whitespace and punctuation, so evidence ends on the last word.
export function trimmedEnd(text: string, start: number, end: number): number {
  let last = end;
  while (last > start && /[\s,.;:]/.test(text.charAt(last - 1))) last -= 1;
  return last;
}
