import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('keeps the marked words apart from the plain text', () => {
    expect(parseSnippet('program <mark>beasiswa</mark> taruna')).toEqual([
      { text: 'program ', isMark: false },
      { text: 'beasiswa', isMark: true },
      { text: ' taruna', isMark: false },
    ]);
  });

  it('turns escaped characters back into text for React to escape again', () => {
    expect(parseSnippet('PT A &amp; B &lt;Tbk&gt; &#39;x&#39;')).toEqual([{ text: "PT A & B <Tbk> 'x'", isMark: false }]);
  });

  it('never yields markup other than mark: any other tag stays visible text', () => {
    const parts = parseSnippet('<img src=x onerror=alert(1)><mark>kata</mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)>', isMark: false },
      { text: 'kata', isMark: true },
    ]);
  });
});
