import { normalizePartnerName } from '../../../shared/partner-name';
import { ABBREVIATIONS, ACRONYMS, CONNECTIVES, GENERIC_WORDS, LEGAL_FORMS, PLACE_WORDS, QUALIFIER_WORDS, WHOLE_NAMES } from './partner-vocabulary';

// Whether two partner names are likely one institution. Letter similarity alone offered
// "Kabupaten Halmahera Utara" / "… Barat" and BNI / BRI as duplicates and missed "BNI" /
// "PT Bank Negara Indonesia (Persero) Tbk": names of Indonesian institutions share most of their
// letters and differ in the one word that matters. So names are compared as words after expanding
// abbreviations and acronyms, and a word that tells two institutions apart vetoes the pair.

export type PartnerNameForm = { words: string[]; initials: string[] };

// A pair is offered from this score; from STRONG_DUPLICATE_SCORE it is shown as a near-certain one.
export const DUPLICATE_SCORE = 0.7;
export const STRONG_DUPLICATE_SCORE = 0.9;

const GENERIC_WEIGHT = 0.3;
const PLACE_WEIGHT = 0.5;
const TYPO_FACTOR = 0.85;

function expandWords(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (LEGAL_FORMS.has(word)) continue;
    const expansion = ABBREVIATIONS.get(word) ?? ACRONYMS.get(word);
    out.push(...(expansion ? expansion.split(' ') : [word]));
  }
  return out;
}

// The comparable form of a name: lower-case words, legal forms dropped ("PT", "Tbk", "(Persero)"),
// abbreviations and known acronyms written out, each word once.
export function partnerNameForm(name: string): PartnerNameForm {
  const raw = normalizePartnerName(name).split(' ').filter(Boolean);
  const whole = WHOLE_NAMES.get(raw.filter((word) => !LEGAL_FORMS.has(word)).join(' '));
  const expanded = whole ? whole.split(' ') : expandWords(raw);
  const words = [...new Set(expanded.filter((word) => !CONNECTIVES.has(word)))];
  return { words, initials: expanded.filter((word) => !CONNECTIVES.has(word)) };
}

function weightOf(word: string): number {
  if (GENERIC_WORDS.has(word)) return GENERIC_WEIGHT;
  if (PLACE_WORDS.has(word)) return PLACE_WEIGHT;
  return 1;
}

function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > limit) return false;
    previous = current;
  }
  return (previous[b.length] ?? limit + 1) <= limit;
}

// A typo ("Khairum") matches its word; numbers, directions and short words must match exactly,
// since "Utara"/"Barat" or "SMA 1"/"SMA 2" are what tell institutions apart.
function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (QUALIFIER_WORDS.has(a) || QUALIFIER_WORDS.has(b) || /\d/.test(a + b)) return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  return editDistanceAtMost(a, b, shorter >= 9 ? 2 : 1);
}

// "BPS" against "Badan Pusat Statistik": a short word of one name spelling the initials of
// consecutive words of the other stands for those words.
function foldInitials(short: PartnerNameForm, long: PartnerNameForm): PartnerNameForm {
  for (const word of short.words) {
    if (word.length < 2 || word.length > 8 || long.words.includes(word)) continue;
    const sequence = long.initials;
    for (let start = 0; start + word.length <= sequence.length; start += 1) {
      const window = sequence.slice(start, start + word.length);
      if (window.map((item) => item[0]).join('') !== word) continue;
      const initials = [...sequence.slice(0, start), word, ...sequence.slice(start + word.length)];
      return { words: [...new Set(initials)], initials };
    }
  }
  return long;
}

type Comparison = { sharedWeight: number; matchWeight: number; onlyA: string[]; onlyB: string[] };

function compareWords(a: string[], b: string[]): Comparison {
  const unmatchedB = [...b];
  const onlyA: string[] = [];
  let sharedWeight = 0;
  let matchWeight = 0;
  for (const word of a) {
    const index = unmatchedB.findIndex((other) => wordsMatch(word, other));
    if (index < 0) {
      onlyA.push(word);
      continue;
    }
    const other = unmatchedB[index] ?? word;
    const weight = Math.max(weightOf(word), weightOf(other));
    sharedWeight += weight;
    // A word matched despite a typo is likely, not certain.
    matchWeight += other === word ? weight : weight * TYPO_FACTOR;
    unmatchedB.splice(index, 1);
  }
  return { sharedWeight, matchWeight, onlyA, onlyB: unmatchedB };
}

const isDistinguishing = (word: string) => !GENERIC_WORDS.has(word);

// 0 when the names name different institutions, else the weighted share of their words in common (0–1).
export function partnerNameScore(a: PartnerNameForm, b: PartnerNameForm): number {
  const left = foldInitials(b, a);
  const right = foldInitials(left, b);
  const { sharedWeight, matchWeight, onlyA, onlyB } = compareWords(left.words, right.words);
  // A word on each side that the other lacks ("Utara"/"Barat", "Negara"/"Rakyat", "Kota"/"Kabupaten").
  if (onlyA.some(isDistinguishing) && onlyB.some(isDistinguishing)) return 0;
  // "Provinsi Maluku" is not "Provinsi Maluku Utara"; "SMA Negeri" is not "SMA Negeri 1".
  if ([...onlyA, ...onlyB].some((word) => QUALIFIER_WORDS.has(word) || /\d/.test(word))) return 0;
  const extraWeight = [...onlyA, ...onlyB].reduce((sum, word) => sum + weightOf(word), 0);
  // Only generic words in common ("Universitas" and "Universitas Indonesia") is not a match.
  if (![...left.words].some((word) => isDistinguishing(word) && right.words.some((other) => wordsMatch(word, other)))) return 0;
  const total = sharedWeight + extraWeight;
  return total === 0 ? 0 : Math.round((matchWeight / total) * 1000) / 1000;
}

export function isLikelyDuplicate(a: string, b: string): boolean {
  return partnerNameScore(partnerNameForm(a), partnerNameForm(b)) >= DUPLICATE_SCORE;
}

// The likely duplicates among these partners, strongest first. Each name is prepared once; the pairs
// are compared in memory (a registry holds hundreds of partners, not millions).
export function findDuplicatePairs<T extends { id: string; name: string }>(items: T[], limit: number): { a: T; b: T; score: number }[] {
  const forms = items.map((item) => ({ item, form: partnerNameForm(item.name) }));
  const pairs: { a: T; b: T; score: number }[] = [];
  for (let i = 0; i < forms.length; i += 1) {
    for (let j = i + 1; j < forms.length; j += 1) {
      const left = forms[i];
      const right = forms[j];
      if (!left || !right) continue;
      const score = partnerNameScore(left.form, right.form);
      if (score >= DUPLICATE_SCORE) pairs.push({ a: left.item, b: right.item, score });
    }
  }
  return pairs.sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name)).slice(0, limit);
}
