import { endOfTerm } from '../../proposals/signing/signing.rules';
import { type DateMatch, findIndonesianDates } from './indonesian-dates.rules';
import { NUMBER_WORDS_PATTERN, parseIndonesianNumber } from './indonesian-numbers.rules';
import { evidenceAt, type Found } from './extraction-text.rules';

// The signing date is the one the preamble states ("Pada hari ini … tanggal …"); failing that, the
// date beside the signatures ("Ditandatangani di Ternate pada tanggal …", "Ternate, 20 Mei 2021").
const SIGNING_ANCHORS: { pattern: RegExp; weight: number }[] = [
  { pattern: /pada\s+hari\s+ini|pada\s+(?:hari\s+\w+\s*,?\s*)?tanggal/gi, weight: 1 },
  { pattern: /ditandatangani\s+di\s+\w+|\bTernate\s*,/gi, weight: 0.85 },
];
// A date that starts further than this after its anchor belongs to another sentence.
const ANCHOR_REACH = 60;

function dateAfter(text: string, anchor: RegExp): { date: DateMatch; anchorStart: number } | null {
  for (const match of text.matchAll(anchor)) {
    const from = match.index + match[0].length;
    const date = findIndonesianDates(text.slice(match.index, from + ANCHOR_REACH + 80))[0];
    if (date && date.start <= match[0].length + ANCHOR_REACH) {
      return { date: { ...date, start: date.start + match.index, end: date.end + match.index }, anchorStart: match.index };
    }
  }
  return null;
}

function anchoredDate(pages: readonly string[], anchors: { pattern: RegExp; weight: number }[]): Found<string> | null {
  for (const { pattern, weight } of anchors) {
    for (const [pageIndex, page] of pages.entries()) {
      const found = dateAfter(page, pattern);
      if (found) {
        const evidence = evidenceAt(pages, { pageIndex, start: found.anchorStart, end: found.date.end });
        return { value: found.date.iso, confidence: found.date.confidence * weight, evidence };
      }
    }
  }
  return null;
}

export function findSigningDate(pages: readonly string[]): Found<string> | null {
  return anchoredDate(pages, SIGNING_ANCHORS);
}

// "berlaku sejak tanggal …", "terhitung mulai tanggal …": a start other than the signing day.
const START_ANCHORS = [{ pattern: /berlaku\s+(?:terhitung\s+)?(?:sejak|mulai)|terhitung\s+(?:mulai|sejak)/gi, weight: 1 }];

export function findStartDate(pages: readonly string[]): Found<string> | null {
  return anchoredDate(pages, START_ANCHORS);
}

// "jangka waktu 3 (tiga) tahun", "selama 24 (dua puluh empat) bulan", or only one of digits and words;
// OCR reads specks as stray dots ("5 (lima).tahun").
const TERM = new RegExp(
  `(?:jangka[\\s.,]+waktu|selama)[\\s.,:]+(?:paling\\s+lama\\s+)?(\\d{1,3})?\\s*(?:\\(\\s*(${NUMBER_WORDS_PATTERN})\\s*\\)|(${NUMBER_WORDS_PATTERN}))?[\\s.,]*(tahun|bulan)\\b`,
  'i',
);

export function findTermMonths(pages: readonly string[]): Found<number> | null {
  for (const [pageIndex, page] of pages.entries()) {
    const match = TERM.exec(page);
    if (!match) continue;
    const digits = match[1] ? Number(match[1]) : null;
    const wordsText = match[2] ?? match[3];
    const words = wordsText ? parseIndonesianNumber(wordsText) : null;
    // Digits and words that disagree: OCR misreads a digit more easily than a whole word.
    const count = words ?? digits;
    if (count === null || count === 0) continue;
    const confidence = digits !== null && words !== null ? (digits === words ? 0.95 : 0.5) : 0.8;
    const months = (match[4] ?? '').toLowerCase() === 'tahun' ? count * 12 : count;
    return { value: months, confidence, evidence: evidenceAt(pages, { pageIndex, start: match.index, end: match.index + match[0].length }) };
  }
  return null;
}

// Jalin ends a term the way signing registers it (endOfTerm): the day before the same date `months`
// later, so a 3-year agreement from 20 May 2021 runs to 19 May 2024 — a term counts whole days.
export function endDateOf(startsOn: string, months: number): string {
  return endOfTerm(startsOn, months);
}
