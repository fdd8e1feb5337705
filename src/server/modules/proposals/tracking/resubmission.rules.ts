// The public form is sent again by people who did not see the first answer, or who reworded a
// word or two: the same sender with the same proposal within a few weeks is one proposal.

export const RESUBMISSION_WINDOW_DAYS = 30;
// Character-bigram likeness of two titles; 0.85 takes "bagi" → "untuk" as the same title but not
// "Benteng Oranje" → "Benteng Tolukko" (two proposals about two forts).
export const SIMILAR_TITLE = 0.85;

export type ProposalContent = { title: string; latarBelakang: string | null; maksudTujuan: string | null; ruangLingkup: string | null; manfaat: string | null };

export function normalizedText(value: string | null): string {
  return (value ?? '')
    .toLocaleLowerCase('id-ID')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function bigrams(value: string): Map<string, number> {
  const counts = new Map<string, number>();
  const text = value.replace(/ /g, '');
  for (let index = 0; index < text.length - 1; index += 1) {
    const pair = text.slice(index, index + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

// Sørensen–Dice coefficient over character bigrams of the normalised titles.
export function titleLikeness(a: string, b: string): number {
  const [left, right] = [bigrams(normalizedText(a)), bigrams(normalizedText(b))];
  const size = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);
  const total = size(left) + size(right);
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  return (2 * shared) / total;
}

function bodyOf(content: ProposalContent): string {
  return [content.latarBelakang, content.maksudTujuan, content.ruangLingkup, content.manfaat].map(normalizedText).join('|');
}

export function isSameProposal(earlier: ProposalContent, sent: ProposalContent): boolean {
  return titleLikeness(earlier.title, sent.title) >= SIMILAR_TITLE || bodyOf(earlier) === bodyOf(sent);
}
