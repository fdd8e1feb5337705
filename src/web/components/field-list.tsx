import { Box, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type Field = { label: string; value: ReactNode; isWide?: boolean };

// A definition list: label above value, two columns from tablet width up.
export function FieldList({ fields, cols = 2 }: { fields: Field[]; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: cols }} spacing="md" verticalSpacing="sm" m={0}>
      {fields.map((field) => (
        <Box key={field.label} style={field.isWide ? { gridColumn: '1 / -1' } : undefined}>
          <Text component="dt" fz="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.3 }}>
            {field.label}
          </Text>
          <Text component="dd" m={0} fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {field.value === null || field.value === undefined || field.value === '' ? '—' : field.value}
          </Text>
        </Box>
      ))}
    </SimpleGrid>
  );
}
