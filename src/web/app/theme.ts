import { createTheme, type CSSVariablesResolver, type MantineColor } from '@mantine/core';

// Shades are chosen so that text on every badge, button and link keeps a 4.5:1 contrast (WCAG AA).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  autoContrast: true,
  // Fades and slides (notifications, modals) are skipped for people who ask their system for less motion.
  respectReducedMotion: true,
  luminanceThreshold: 0.4,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Sentence case: a badge in capitals ("BELUM DIRENCANAKAN") is slower to read. A badge is never
    // cut to "Berj…": in a table column sized to its content it keeps its whole word.
    Badge: { defaultProps: { radius: 'sm' }, styles: { root: { textTransform: 'none', minWidth: 'max-content' } } },
    // Mantine's grey-6 description under a title is below 4.5:1 on white.
    Notification: { styles: { description: { color: 'var(--mantine-color-gray-8)' } } },
  },
});

const TEXT_COLORS: MantineColor[] = ['dark', 'gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'];

// The light and subtle variants (Button, ActionIcon, the active NavLink) write
// --mantine-color-<color>-light-color on --mantine-color-<color>-light (shade 1) at rest, on
// transparent for subtle, and on --mantine-color-<color>-light-hover (shade 2) under the pointer.
// Shade 9 falls under 4.5:1 on shade 2 in these ten colours (blue 4.02, cyan 4.07, indigo 4.13,
// violet 4.26, the warm ones and greens lower still), so they get a darker text of the same hue:
// 4.7:1 or more on shade 2, more at rest. Pink, grape and dark keep shade 9 (4.64 to 4.79 on
// shade 2); gray is far above. The hover background stays Mantine's, so hover still shows.
const DARKER_TEXT: Record<string, string> = {
  '--mantine-color-orange-light-color': '#9a3412',
  '--mantine-color-yellow-light-color': '#7a4b00',
  '--mantine-color-green-light-color': '#1b5e20',
  '--mantine-color-lime-light-color': '#3d6308',
  '--mantine-color-teal-light-color': '#06694b',
  '--mantine-color-red-light-color': '#a51111',
  '--mantine-color-blue-light-color': '#155998',
  '--mantine-color-cyan-light-color': '#0a6778',
  '--mantine-color-indigo-light-color': '#3147b3',
  '--mantine-color-violet-light-color': '#5839b6',
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    ...Object.fromEntries(TEXT_COLORS.map((color) => [`--mantine-color-${color}-light-color`, `var(--mantine-color-${color}-9)`])),
    ...DARKER_TEXT,
  },
  dark: {},
});
