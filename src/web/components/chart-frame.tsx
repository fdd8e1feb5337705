import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// What every bar chart of the app shares: its colours, its legend order and its frame, a figure
// whose caption says the same figures are in the table beneath it.

// Dark shades: bars keep at least a 3:1 contrast against the white background (WCAG 1.4.11).
const PALETTE = ['blue.8', 'teal.8', 'orange.8', 'grape.8', 'red.8', 'cyan.9', 'indigo.6', 'lime.9'];
export const chartColor = (index: number) => PALETTE[index % PALETTE.length] ?? 'blue.8';
// Master-data order (Instansi Pemerintah first), not alphabetical.
export const LEGEND_IN_SERIES_ORDER = { itemSorter: null };

export function ChartFrame({ label, height, children }: { label: string; height: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box component="figure" m={0} mb="md" aria-label={label}>
      <Box h={height}>{children}</Box>
      <Text component="figcaption" fz="xs" c="dimmed" mt={4}>
        {label}. {t('charts.sameAsTable')}
      </Text>
    </Box>
  );
}
