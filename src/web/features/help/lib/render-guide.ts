import MarkdownIt from 'markdown-it';
import { HEADING_ANCHOR } from '../../../lib/help-anchors';

// html: false escapes any HTML written in the guide instead of passing it through, and markdown-it
// refuses javascript:, vbscript: and file: links by itself: the output is safe to insert without a
// separate sanitiser (decision 0029).
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// `## Heading {#anchor}` becomes <h2 id="anchor">Heading</h2>: the same anchor in both languages.
markdown.core.ruler.push('heading_anchor', (state) => {
  state.tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const inline = state.tokens[index + 1];
    const anchor = inline ? HEADING_ANCHOR.exec(inline.content)?.[1] : undefined;
    if (!inline || !anchor) return;
    token.attrSet('id', anchor);
    inline.content = inline.content.replace(HEADING_ANCHOR, '');
    const last = inline.children?.at(-1);
    if (last?.type === 'text') last.content = last.content.replace(HEADING_ANCHOR, '');
  });
});

export type RenderedGuide = { title: string; html: string };

// The guide's own title (its first line, `# …`) becomes the page title; the rest is the body.
export function renderGuide(source: string): RenderedGuide {
  const [first = '', ...rest] = source.split('\n');
  const title = first.replace(/^#\s+/, '').trim();
  return { title, html: markdown.render(rest.join('\n')) };
}
