import { createTheme, type CSSVariablesResolver, type MantineColor } from '@mantine/core';

// Shades are chosen so that text on every badge, button and link keeps a 4.5:1 contrast (WCAG AA).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  autoContrast: true,
  luminanceThreshold: 0.4,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
    // Mantine's grey-6 description under a title is below 4.5:1 on white.
    Notification: { styles: { description: { color: 'var(--mantine-color-gray-8)' } } },
  },
});

const TEXT_COLORS: MantineColor[] = ['dark', 'gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'];

const DARKER_TEXT: Record<string, string> = {
  '--mantine-color-orange-light-color': '#9a3412',
  '--mantine-color-yellow-light-color': '#7a4b00',
  '--mantine-color-green-light-color': '#1b5e20',
  '--mantine-color-lime-light-color': '#3d6308',
  '--mantine-color-teal-light-color': '#06694b',
  '--mantine-color-red-light-color': '#a51111',
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    ...Object.fromEntries(TEXT_COLORS.map((color) => [`--mantine-color-${color}-light-color`, `var(--mantine-color-${color}-9)`])),
    // Shade 9 of these is still too light on their pale backgrounds.
    ...DARKER_TEXT,
  },
  dark: {},
});
