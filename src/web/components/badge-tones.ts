// The badges' colours: a light tint behind dark text of the same hue, or white on a dark fill,
// each pair at 4.5:1 or more (WCAG AA; badge-contrast.test.ts measures them). Mantine's light
// variant with a shaded colour ("orange.9") paints the saturated shade behind dark text, which
// is what made "Belum direncanakan" hard to read; badges name a tone here instead.
export const BADGE_TONES = {
  gray: { background: '#f1f3f5', color: '#343a40' },
  blue: { background: '#d0ebff', color: '#0b4a80' },
  teal: { background: '#c3fae8', color: '#06694b' },
  green: { background: '#d3f9d8', color: '#1b5e20' },
  yellow: { background: '#fff3bf', color: '#7a4b00' },
  orange: { background: '#ffe8cc', color: '#8a3a0c' },
  red: { background: '#ffe3e3', color: '#a51111' },
  grape: { background: '#f3d9fa', color: '#6b1d80' },
  strong: { background: '#1864ab', color: '#ffffff' },
} as const satisfies Record<string, { background: string; color: string }>;

export type BadgeTone = keyof typeof BADGE_TONES;

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.03928 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

// Relative luminance of #rrggbb (WCAG 2.x).
export function luminance(hex: string): number {
  const digits = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((start) => channel(parseInt(digits.slice(start, start + 2), 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
