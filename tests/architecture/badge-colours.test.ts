import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/web/components/badge-tones';

// Badges must stay readable (WCAG AA, 4.5:1): every background/text pair written in the web app's
// source, and no light badge that Mantine would paint with a saturated fill (the tones themselves:
// src/web/components/badge-tones.test.ts).

const WEB = join(import.meta.dirname, '../../src/web');
const AA = 4.5;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(WEB).map((path) => ({ path: path.slice(WEB.length + 1), text: readFileSync(path, 'utf8') }));

// The opening tag of each <Badge …>, read up to the ">" outside any {…}.
function badgeTags(text: string): string[] {
  const tags: string[] = [];
  for (let start = text.indexOf('<Badge'); start >= 0; start = text.indexOf('<Badge', start + 1)) {
    let depth = 0;
    let end = start;
    for (; end < text.length; end += 1) {
      const char = text[end];
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      else if (char === '>' && depth === 0) break;
    }
    tags.push(text.slice(start, end + 1));
  }
  return tags;
}

describe('badge colours in the web app', () => {
  it('keeps every background and text pair written in the web app at 4.5:1 or more', () => {
    const pairs = files.flatMap(({ path, text }) =>
      [...text.matchAll(/background:\s*'(#[0-9a-f]{6})',\s*color:\s*'(#[0-9a-f]{6})'/gi)].map((match) => ({ path, background: match[1] ?? '', color: match[2] ?? '' })),
    );
    expect(pairs.length).toBeGreaterThan(20);
    const weak = pairs.filter((pair) => contrastRatio(pair.background, pair.color) < AA).map((pair) => `${pair.path}: ${pair.color} on ${pair.background}`);
    expect(weak).toEqual([]);
  });

  // A light badge of a plain theme colour ("orange") is a tint behind dark text (theme.ts); with a
  // shade ("orange.9"), written in the tag or in a map the file computes it from, it is not.
  it('writes no light badge with a shaded colour (Mantine fills those with the saturated shade)', () => {
    const offending = files.flatMap(({ path, text }) => {
      const hasShadedLiteral = /['"][a-z]+\.\d['"]/.test(text);
      return badgeTags(text)
        .filter((tag) => {
          if (!/variant="light"/.test(tag)) return false;
          const color = /color=(?:"([^"]*)"|\{([^}]*)\})/.exec(tag);
          const written = color?.[1] ?? color?.[2] ?? '';
          return /[a-z]+\.\d/.test(written) || (/\w\[/.test(written) && hasShadedLiteral);
        })
        .map((tag) => `${path}: ${tag.replace(/\s+/g, ' ')}`);
    });
    expect(offending).toEqual([]);
  });
});
