import { describe, expect, it } from 'vitest';
import { BADGE_TONES, contrastRatio } from './badge-tones';

const AA = 4.5;

describe('badge tones', () => {
  it.each(Object.entries(BADGE_TONES))('keeps the %s tone at 4.5:1 or more (WCAG AA)', (_tone, { background, color }) => {
    expect(contrastRatio(background, color)).toBeGreaterThanOrEqual(AA);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // What "Belum direncanakan" was: orange-9 behind the dark orange text.
    expect(contrastRatio('#d9480f', '#9a3412')).toBeLessThan(2);
  });
});
