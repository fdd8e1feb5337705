import { ZxcvbnFactory, type FeedbackType } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { INDONESIAN_PASSWORD_WORDS } from './password-words-id';
import { MIN_PASSWORD_SCORE, type PasswordUserData, type PasswordVerdict } from './password-rules';

// Heavy (about 1 MB of word lists): the web app loads this module only on the forms that set a
// password, never on the sign-in page.
const zxcvbn = new ZxcvbnFactory({
  graphs: adjacencyGraphs,
  dictionary: { ...dictionary, indonesian: [...INDONESIAN_PASSWORD_WORDS] },
});

type Bilingual = { id: string; en: string };

// zxcvbn's feedback keys (its default translations are the keys themselves).
const WARNINGS: Record<string, Bilingual> = {
  straightRow: { id: 'Deretan tombol keyboard mudah ditebak.', en: 'Straight rows of keys on your keyboard are easy to guess.' },
  keyPattern: { id: 'Pola keyboard pendek mudah ditebak.', en: 'Short keyboard patterns are easy to guess.' },
  simpleRepeat: { id: 'Karakter berulang seperti "aaa" mudah ditebak.', en: 'Repeated characters like "aaa" are easy to guess.' },
  extendedRepeat: { id: 'Pola berulang seperti "abcabcabc" mudah ditebak.', en: 'Repeated patterns like "abcabcabc" are easy to guess.' },
  sequences: { id: 'Urutan seperti "abc" atau "123" mudah ditebak.', en: 'Sequences like "abc" or "123" are easy to guess.' },
  recentYears: { id: 'Tahun-tahun terakhir mudah ditebak.', en: 'Recent years are easy to guess.' },
  dates: { id: 'Tanggal mudah ditebak.', en: 'Dates are easy to guess.' },
  topTen: { id: 'Ini termasuk 10 kata sandi paling umum.', en: 'This is a top-10 common password.' },
  topHundred: { id: 'Ini termasuk 100 kata sandi paling umum.', en: 'This is a top-100 common password.' },
  common: { id: 'Ini kata sandi yang umum dipakai.', en: 'This is a commonly used password.' },
  similarToCommon: { id: 'Ini mirip kata sandi yang umum dipakai.', en: 'This is similar to a commonly used password.' },
  wordByItself: { id: 'Satu kata saja mudah ditebak.', en: 'Single words are easy to guess.' },
  namesByThemselves: { id: 'Nama saja mudah ditebak.', en: 'Single names or surnames are easy to guess.' },
  commonNames: { id: 'Nama yang umum mudah ditebak.', en: 'Common names and surnames are easy to guess.' },
  userInputs: { id: 'Kata sandi memuat data akun ini sendiri (e-mail, nama atau OPD).', en: "The password contains this account's own data (e-mail, name or unit)." },
  pwned: { id: 'Kata sandi ini pernah bocor di internet.', en: 'This password was exposed in a data breach.' },
};

const SUGGESTIONS: Record<string, Bilingual> = {
  l33t: { id: 'Hindari penggantian huruf yang mudah ditebak seperti "@" untuk "a".', en: "Avoid predictable letter substitutions like '@' for 'a'." },
  reverseWords: { id: 'Hindari kata umum yang dieja terbalik.', en: 'Avoid reversed spellings of common words.' },
  allUppercase: { id: 'Besarkan sebagian huruf saja, jangan semuanya.', en: 'Capitalize some, but not all letters.' },
  capitalization: { id: 'Besarkan lebih dari huruf pertama.', en: 'Capitalize more than the first letter.' },
  dates: { id: 'Hindari tanggal dan tahun yang berkaitan dengan Anda.', en: 'Avoid dates and years that are associated with you.' },
  recentYears: { id: 'Hindari tahun-tahun terakhir.', en: 'Avoid recent years.' },
  associatedYears: { id: 'Hindari tahun yang berkaitan dengan Anda.', en: 'Avoid years that are associated with you.' },
  sequences: { id: 'Hindari urutan angka atau huruf.', en: 'Avoid common character sequences.' },
  repeated: { id: 'Hindari kata dan karakter yang berulang.', en: 'Avoid repeated words and characters.' },
  longerKeyboardPattern: { id: 'Pakai pola keyboard yang lebih panjang dan ubah arah ketikan.', en: 'Use longer keyboard patterns and change typing direction multiple times.' },
  anotherWord: { id: 'Tambahkan kata lain yang tidak umum.', en: 'Add more words that are less common.' },
  useWords: { id: 'Pakai beberapa kata acak, tanpa kalimat umum.', en: 'Use multiple words, but avoid common phrases.' },
  noNeed: { id: 'Cukup beberapa kata acak; simbol, angka atau huruf besar tidak wajib.', en: 'You can create strong passwords without using symbols, numbers, or uppercase letters.' },
  pwned: { id: 'Jika Anda memakai kata sandi ini di tempat lain, gantilah di sana.', en: 'If you use this password elsewhere, you should change it.' },
};

const GENERAL: Bilingual = { id: 'Kata sandi terlalu mudah ditebak.', en: 'The password is too easy to guess.' };
const ADVICE: Bilingual = { id: 'Pakai tiga atau empat kata acak yang tidak berhubungan, misalnya "perahu kelapa hujan jingga".', en: 'Use three or four unrelated random words, e.g. "perahu kelapa hujan jingga".' };

// The account's own data split into the pieces someone might reuse: the whole e-mail, its
// local part and its words, every word of the name and of the unit.
export function passwordUserInputs(data: PasswordUserData): string[] {
  const email = (data.email ?? '').trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  const texts = [local, data.name ?? '', data.unitName ?? ''].map((text) => text.toLowerCase());
  const words = texts.flatMap((text) => text.split(/[^\p{L}\p{N}]+/u));
  const joined = texts.map((text) => text.replace(/[^\p{L}\p{N}]+/gu, ''));
  return [...new Set([email, local, ...words, ...joined].filter((word) => word.length >= 3))];
}

function describe(feedback: FeedbackType): Bilingual {
  const warning = (feedback.warning && WARNINGS[feedback.warning]) || GENERAL;
  const suggestions = feedback.suggestions.map((key) => SUGGESTIONS[key]).filter((item): item is Bilingual => Boolean(item));
  const advice = [...suggestions, ADVICE];
  return { id: [warning.id, ...advice.map((item) => item.id)].join(' '), en: [warning.en, ...advice.map((item) => item.en)].join(' ') };
}

export function checkPasswordStrength(password: string, data: PasswordUserData): PasswordVerdict {
  const result = zxcvbn.check(password, passwordUserInputs(data));
  if (result.score >= MIN_PASSWORD_SCORE) return { isStrong: true, score: result.score, message: '', messageEn: '' };
  const text = describe(result.feedback);
  const score = `${String(result.score)}/4 < ${String(MIN_PASSWORD_SCORE)}`;
  return {
    isStrong: false,
    score: result.score,
    message: `Kata sandi terlalu lemah (${score}). ${text.id}`,
    messageEn: `The password is too weak (${score}). ${text.en}`,
  };
}
