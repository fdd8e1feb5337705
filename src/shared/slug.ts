// The public address of an agreement: readable words of its title, then the first 8 hex characters
// of its id, so the link stays short, survives a title edit and still finds one agreement.

const MAX_WORDS_LENGTH = 60;

export function agreementSlug(id: string, title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  let head = '';
  for (const word of words) {
    const next = head === '' ? word : `${head}-${word}`;
    if (next.length > MAX_WORDS_LENGTH) break;
    head = next;
  }
  // A single word longer than the limit is cut rather than dropped.
  const first = words[0];
  if (head === '' && first !== undefined) head = first.slice(0, MAX_WORDS_LENGTH);
  const prefix = id.replace(/-/g, '').slice(0, 8).toLowerCase();
  return head === '' ? prefix : `${head}-${prefix}`;
}

// The 8-hex id prefix at the end of a slug, or null when the slug does not end with one.
export function agreementIdPrefixFromSlug(slug: string): string | null {
  const match = /(?:^|-)([0-9a-f]{8})$/.exec(slug.toLowerCase());
  return match?.[1] ?? null;
}
