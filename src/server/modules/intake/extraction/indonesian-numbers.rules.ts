// Indonesian number words as agreements write them beside (or instead of) digits: "dua ribu dua
// puluh satu", "24 (dua puluh empat) bulan". OCR splits and joins words at random ("dua  puluh",
// "duapuluh", a line break inside), so the words are read as a stream of known pieces, not by spaces.

const UNITS: Record<string, number> = {
  nol: 0, kosong: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9,
};
// Words that stand for a whole value on their own ("se-" is "one").
const WHOLE: Record<string, number> = { sepuluh: 10, sebelas: 11, seratus: 100 };
const SCALES: Record<string, number> = { ribu: 1_000, juta: 1_000_000 };
const SE_SCALES: Record<string, number> = { seribu: 1_000, sejuta: 1_000_000 };

// Longest first, so that "sebelas" is not read as "se" + "belas" and "sembilan" stays whole.
const PIECES = ['sembilan', 'delapan', 'sepuluh', 'sebelas', 'seratus', 'seribu', 'sejuta', 'kosong', 'empat', 'tujuh', 'satu', 'tiga', 'lima', 'enam', 'dua', 'nol', 'belas', 'puluh', 'ratus', 'ribu', 'juta'];
const PIECE = new RegExp(PIECES.join('|'), 'y');

// A run of number words inside longer text, for the date and term patterns.
// OCR specks between the words ("dua.ribu") are tolerated: the words are read by letters only.
export const NUMBER_WORDS_PATTERN = `(?:(?:${PIECES.join('|')})[\\s.-]*)+`;

function tokens(phrase: string): string[] | null {
  const letters = phrase.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return null;
  const found: string[] = [];
  PIECE.lastIndex = 0;
  while (PIECE.lastIndex < letters.length) {
    const match = PIECE.exec(letters);
    if (!match) return null;
    found.push(match[0]);
  }
  return found;
}

type State = { total: number; group: number; pending: number | null };

// One word applied to the running value; false when the words cannot form a number.
function apply(state: State, word: string): boolean {
  const unit = UNITS[word];
  if (unit !== undefined) {
    if (state.pending !== null) return false;
    state.pending = unit;
    return true;
  }
  const whole = WHOLE[word] ?? SE_SCALES[word];
  if (whole !== undefined) {
    if (state.pending !== null) return false;
    if (SE_SCALES[word] !== undefined) state.total += whole;
    else state.group += whole;
    return true;
  }
  const scale = SCALES[word];
  if (scale !== undefined) {
    const multiplier = state.group + (state.pending ?? 0);
    if (multiplier === 0) return false;
    state.total += multiplier * scale;
    state.group = 0;
    state.pending = null;
    return true;
  }
  if (state.pending === null) return false;
  const factor = word === 'belas' ? 1 : word === 'puluh' ? 10 : 100;
  state.group += word === 'belas' ? 10 + state.pending : state.pending * factor;
  state.pending = null;
  return true;
}

// "dua ribu dua puluh satu" → 2021; null when the phrase is not made only of number words.
export function parseIndonesianNumber(phrase: string): number | null {
  const words = tokens(phrase);
  if (!words) return null;
  const state: State = { total: 0, group: 0, pending: null };
  for (const word of words) {
    if (!apply(state, word)) return null;
  }
  return state.total + state.group + (state.pending ?? 0);
}

const UNIT_WORDS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

function spellBelowThousand(value: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(UNIT_WORDS[hundreds] ?? '', 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(UNIT_WORDS[rest - 10] ?? '', 'belas');
  else {
    if (rest >= 20) words.push(UNIT_WORDS[Math.floor(rest / 10)] ?? '', 'puluh');
    if (rest % 10 > 0) words.push(UNIT_WORDS[rest % 10] ?? '');
  }
  return words;
}

// The inverse, as a drafter writes it: 2021 → "dua ribu dua puluh satu" (0 ≤ value < 1,000,000).
export function spellIndonesianNumber(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 1_000_000) throw new RangeError(`Cannot spell ${value}`);
  if (value === 0) return 'nol';
  const thousands = Math.floor(value / 1000);
  const words = thousands === 1 ? ['seribu'] : thousands > 1 ? [...spellBelowThousand(thousands), 'ribu'] : [];
  return [...words, ...spellBelowThousand(value % 1000)].join(' ');
}
