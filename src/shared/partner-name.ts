// One institution, however its name is typed: "PT. Bank X, Tbk" and "PT Bank X Tbk" are the same.
// Case, punctuation and repeated spaces are ignored; letters of any script and digits are kept.
export function normalizePartnerName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
