// One agreement number, however it is typed: "VAR-1/A", "var-1/a", "VAR-1 / A", a zero-width space
// inside it, or a Cyrillic "А" pasted from another document all name the same agreement. The key
// is what uniqueness and every lookup by number (form, API, import, parent) compare; the number
// itself is stored as typed.

// Cyrillic and Greek letters that look like Latin ones (after lower-casing), folded to the Latin letter.
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', ζ: 'z', η: 'h', ι: 'i', κ: 'k', μ: 'm', ν: 'n', ο: 'o', ρ: 'p', τ: 't', υ: 'y', χ: 'x', ϲ: 'c', ϳ: 'j',
};
const LOOK_ALIKE_PATTERN = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

// Hyphens and dashes that a word processor substitutes for "-".
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/gu;
// Format characters (zero-width space and joiners, soft hyphen, direction marks, BOM) are invisible.
const INVISIBLE = /\p{Cf}/gu;
const SPACES_AROUND_SEPARATORS = /\s*([/\-.:])\s*/gu;

export function agreementNumberKey(number: string | null | undefined): string | null {
  if (number === null || number === undefined) return null;
  const key = number
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(LOOK_ALIKE_PATTERN, (letter) => LOOK_ALIKES[letter] ?? letter)
    .replace(DASHES, '-')
    .replace(/\s+/gu, ' ')
    .replace(SPACES_AROUND_SEPARATORS, '$1')
    .trim();
  return key === '' ? null : key;
}

// Two numbers name the same agreement.
export function isSameAgreementNumber(a: string | null | undefined, b: string | null | undefined): boolean {
  const key = agreementNumberKey(a);
  return key !== null && key === agreementNumberKey(b);
}
