import { collapseSpaces, evidenceAt, type Found, headingEnd } from './extraction-text.rules';

// Both parties number the document (domain: keep the city's and the partner's numbers). The heading
// carries them as "Nomor : …" lines. Which is the city's is decided, strongest evidence first:
//  1. the city's own numbering carries its code ("001/PKS/BKS-TTE/V/2021": BKS-TTE is the
//     Bagian Kerja Sama of Ternate) or the city's name;
//  2. the line just above a number names its issuer ("PEMERINTAH KOTA TERNATE" / "UNIVERSITAS …");
//  3. otherwise the numbers follow the order of the parties in "ANTARA … DENGAN …".
// Once one number is placed, the other is the other party's.
const CITY_NUMBER_MARKER = /\bTTE\b|TERNATE/i;
const CITY_NAME = /KOTA\s+TERNATE|WALI\s*KOTA\s+TERNATE/i;
const NUMBER_LINE = /^[^\p{L}\d\n]*N(?:OMOR|omor|O\.|o\.|OMER|omer)[ \t]*[:;.]?[ \t]*(\S[^\n]*?)[ \t]*$/gmu;
const PARTIES_ORDER = /\bANTARA\b\s+([\s\S]+?)\s+\bDENGAN\b/;

// OCR adds specks around a number (":-PP.381/4/2022", "…/2020 |") and reads the Roman month
// with ones ("X1", "I11"): a segment made only of I, V, X, l and 1, with at least one Roman
// letter, is a Roman numeral.
function cleanNumber(value: string): string {
  return collapseSpaces(value)
    .replace(/\s*\/\s*/g, '/')
    .replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')
    .split('/')
    .map((segment) => (/^[IVXl1]+$/.test(segment) && /[IVX]/.test(segment) ? segment.replace(/[l1]/g, 'I') : segment))
    .join('/');
}

type NumberLine = { text: string; start: number; end: number; label: string };

function numberLines(page: string): NumberLine[] {
  const limit = headingEnd(page);
  const lines: NumberLine[] = [];
  for (const match of page.matchAll(NUMBER_LINE)) {
    if (match.index >= limit) break;
    const value = match[1] ?? '';
    // Only something that looks like a number: digits and a separator.
    if (!/\d/.test(value) || !/[/.-]/.test(value)) continue;
    const start = match.index + match[0].indexOf(value);
    const before = page.slice(0, match.index).trimEnd();
    const label = before.slice(before.lastIndexOf('\n') + 1);
    const text = cleanNumber(value);
    if (text === '') continue;
    const offset = value.indexOf(text.charAt(0));
    lines.push({ text, start: start + Math.max(0, offset), end: start + value.length, label });
  }
  return lines;
}

type Side = 'pemda' | 'mitra';

const ISSUER = /^(PEMERINTAH|KOTA|KABUPATEN|UNIVERSITAS|BANK|KEMENTERIAN|PT\b|INSTITUT|POLITEKNIK|BADAN|PROVINSI|SEKOLAH|LEMBAGA|YAYASAN|KANTOR|DIREKTORAT)/i;

// A label counts only when every number has its own issuer line above it; in a heading that lists
// both parties and then both numbers, the line above the first number is just the last party.
function sideByOwnEvidence(line: NumberLine, hasIssuerLabels: boolean): { side: Side; confidence: number } | null {
  if (CITY_NUMBER_MARKER.test(line.text)) return { side: 'pemda', confidence: 0.95 };
  if (hasIssuerLabels) return CITY_NAME.test(line.label) ? { side: 'pemda', confidence: 0.85 } : { side: 'mitra', confidence: 0.85 };
  return null;
}

function cityIsFirst(page: string): boolean {
  const first = PARTIES_ORDER.exec(page.slice(0, headingEnd(page)))?.[1];
  return first === undefined || CITY_NAME.test(first);
}

function other(side: Side): Side {
  return side === 'pemda' ? 'mitra' : 'pemda';
}

function placeSides(lines: NumberLine[], page: string): { side: Side; confidence: number }[] {
  const hasIssuerLabels = lines.length > 1 && lines.every((line) => ISSUER.test(line.label.trim()));
  const own = lines.map((line) => sideByOwnEvidence(line, hasIssuerLabels));
  const anchor = own.find((entry) => entry !== null);
  if (anchor) return own.map((entry) => entry ?? { side: other(anchor.side), confidence: anchor.confidence - 0.1 });
  const firstSide: Side = cityIsFirst(page) ? 'pemda' : 'mitra';
  return lines.map((_, index) => ({ side: index % 2 === 0 ? firstSide : other(firstSide), confidence: lines.length > 1 ? 0.7 : 0.5 }));
}

export type AgreementNumbers = { nomorPemda: Found<string> | null; nomorMitra: Found<string> | null };

// The two numbers from the first page that has number lines in its heading.
export function findAgreementNumbers(pages: readonly string[]): AgreementNumbers {
  const result: AgreementNumbers = { nomorPemda: null, nomorMitra: null };
  for (const [pageIndex, page] of pages.entries()) {
    const lines = numberLines(page).slice(0, 2);
    if (lines.length === 0) continue;
    const sides = placeSides(lines, page);
    lines.forEach((line, index) => {
      const { side, confidence } = sides[index] ?? { side: 'mitra', confidence: 0 };
      const key = side === 'pemda' ? 'nomorPemda' : 'nomorMitra';
      result[key] ??= { value: line.text, confidence, evidence: evidenceAt(pages, { pageIndex, start: line.start, end: line.end }) };
    });
    return result;
  }
  return result;
}
