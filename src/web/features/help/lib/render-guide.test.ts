import { describe, expect, it } from 'vitest';
import { renderGuide } from './render-guide';

describe('renderGuide', () => {
  it('gives each heading the anchor written after it and takes the first line as the title', () => {
    const guide = renderGuide('# Panduan\n\n## Beranda — Tugas saya {#home}\nTeks **tebal**.\n');
    expect(guide.title).toBe('Panduan');
    expect(guide.html).toContain('<h2 id="home">Beranda — Tugas saya</h2>');
    expect(guide.html).toContain('<strong>tebal</strong>');
  });

  it('escapes HTML and drops script links written in the guide', () => {
    const { html } = renderGuide('# T\n\n<img src=x onerror="alert(1)">\n\n[klik](javascript:alert(1))\n');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).not.toContain('href="javascript:');
  });
});
