export type SnippetPart = { text: string; isMark: boolean };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

// The API sends escaped text with <mark> around matched words. We never hand it to innerHTML:
// it is cut into plain-text parts and marked parts, and React escapes every one of them.
// Any other tag that might slip through is shown as text, not obeyed.
export function parseSnippet(html: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let isMark = false;
  for (const token of html.split(/(<mark>|<\/mark>)/i)) {
    if (/^<mark>$/i.test(token)) {
      isMark = true;
    } else if (/^<\/mark>$/i.test(token)) {
      isMark = false;
    } else if (token) {
      parts.push({ text: decodeEntities(token), isMark });
    }
  }
  return parts;
}
