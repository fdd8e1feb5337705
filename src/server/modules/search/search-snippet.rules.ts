// ts_headline marks matches with characters from Unicode's private use area instead of tags;
// the text around them is then escaped, so that only the <mark> tags Jalin adds are markup.
const START = '\uE000';
const STOP = '\uE001';

export const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

// Balanced even if the source text itself held one of the marker characters.
export function headlineToHtml(headline: string): string {
  let open = false;
  let html = '';
  for (const piece of headline.split(/([\uE000\uE001])/u)) {
    if (piece === START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (piece === STOP) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(piece);
    }
  }
  return (open ? `${html}</mark>` : html).replace(/\s+/g, ' ').trim();
}
