import { normalizePartnerName } from '../../../shared/partner-name';
import { ABBREVIATIONS, ACRONYMS, CONNECTIVES, GENERIC_WORDS, LEGAL_FORMS, PLACE_WORDS, QUALIFIER_WORDS, WHOLE_NAMES } from './partner-vocabulary';

// Whether two partner names are likely one institution. Letter similarity alone offered
// "Kabupaten Halmahera Utara" / "… Barat" and BNI / BRI as duplicates and missed "BNI" /
// "PT Bank Negara Indonesia (Persero) Tbk": names of Indonesian institutions share most of their
// letters and differ in the one word that matters. So names are compared as words after expanding
// abbreviations and acronyms, and a word that tells two institutions apart vetoes the pair.

// words: each once, for comparing; initials: all in order, for acronyms (initialLetters: their first letters).
export type PartnerNameForm = { words: string[]; initials: string[]; initialLetters: string };

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
  const initials = expanded.filter((word) => !CONNECTIVES.has(word));
  return { words: [...new Set(initials)], initials, initialLetters: initials.map((word) => word[0] ?? '').join('') };
}

function weightOf(word: string): number {
  if (GENERIC_WORDS.has(word)) return GENERIC_WEIGHT;
  if (PLACE_WORDS.has(word)) return PLACE_WEIGHT;
  return 1;
}

// Two rows reused by every call: the duplicate check compares many thousands of word pairs.
const previousRow = new Uint16Array(64);
const currentRow = new Uint16Array(64);

function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  if (a.length >= previousRow.length || b.length >= previousRow.length) return false;
  for (let j = 0; j <= b.length; j += 1) previousRow[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    currentRow[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previousRow[j] ?? 0) + 1, (currentRow[j - 1] ?? 0) + 1, (previousRow[j - 1] ?? 0) + cost);
      currentRow[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return false;
    previousRow.set(currentRow.subarray(0, b.length + 1));
  }
  return (previousRow[b.length] ?? limit + 1) <= limit;
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
    const start = long.initialLetters.indexOf(word);
    if (start < 0) continue;
    const initials = [...long.initials.slice(0, start), word, ...long.initials.slice(start + word.length)];
    return { words: [...new Set(initials)], initials, initialLetters: initials.map((item) => item[0] ?? '').join('') };
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

type Keys = { words: string[]; acronyms: string[]; spelled: string[] };

// What a name can be paired by: the first letters of its telling words (a typo rarely hits them), the
// short words that may be acronyms, and the acronyms its words spell. Names are compared only when they
// share a word key, or when one holds an acronym the other spells.
function blockingKeys(form: PartnerNameForm): Keys {
  const telling = form.words.filter((word) => !GENERIC_WORDS.has(word) && !PLACE_WORDS.has(word));
  const words = [...new Set((telling.length > 0 ? telling : form.words).map((word) => word.slice(0, 3)))];
  const acronyms = form.words.filter((word) => word.length >= 2 && word.length <= 8);
  const letters = form.initialLetters;
  const spelled = new Set<string>();
  for (let start = 0; start < letters.length; start += 1) {
    for (let end = start + 2; end <= Math.min(letters.length, start + 8); end += 1) spelled.add(letters.slice(start, end));
  }
  return { words, acronyms, spelled: [...spelled] };
}

function indexBy(keysOf: (index: number) => string[], count: number): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let item = 0; item < count; item += 1) {
    for (const key of keysOf(item)) {
      const list = index.get(key);
      if (list) list.push(item);
      else index.set(key, [item]);
    }
  }
  return index;
}

function candidatePairs(keys: Keys[]): [number, number][] {
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const add = (x: number, y: number) => {
    const [low, high] = x < y ? [x, y] : [y, x];
    if (low === high || seen.has(low * keys.length + high)) return;
    seen.add(low * keys.length + high);
    pairs.push([low, high]);
  };
  for (const group of indexBy((item) => keys[item]?.words ?? [], keys.length).values()) {
    group.forEach((x, i) => group.slice(i + 1).forEach((y) => add(x, y)));
  }
  const spelledBy = indexBy((item) => keys[item]?.spelled ?? [], keys.length);
  for (const [acronym, holders] of indexBy((item) => keys[item]?.acronyms ?? [], keys.length)) {
    for (const x of holders) for (const y of spelledBy.get(acronym) ?? []) add(x, y);
  }
  return pairs;
}

// The likely duplicates among these partners, strongest first. Each name is prepared once.
export function findDuplicatePairs<T extends { id: string; name: string }>(items: T[], limit: number): { a: T; b: T; score: number }[] {
  const forms = items.map((item) => ({ item, form: partnerNameForm(item.name) }));
  const pairs: { a: T; b: T; score: number }[] = [];
  for (const [x, y] of candidatePairs(forms.map(({ form }) => blockingKeys(form)))) {
    const left = forms[x];
    const right = forms[y];
    if (!left || !right) continue;
    const score = partnerNameScore(left.form, right.form);
    if (score >= DUPLICATE_SCORE) pairs.push({ a: left.item, b: right.item, score });
  }
  return pairs.sort((p, q) => q.score - p.score || p.a.name.localeCompare(q.a.name) || p.b.name.localeCompare(q.b.name)).slice(0, limit);
}
