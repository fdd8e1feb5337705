import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNumber } from '../../../lib/use-number';

// The change from the previous period, in words for screen readers and as an arrow for the eye.
// Dark shades keep a 4.5:1 contrast on white. Positioned, so that the hidden words stay inside a
// table's own sideways scroll instead of widening the page.
export function Delta({ count, previous, format }: { count: number; previous: number; format?: (value: number) => string }) {
  const { t } = useTranslation('leadership');
  const number = useNumber();
  const shown = format ?? number;
  const change = count - previous;
  const label = t(change > 0 ? 'delta.up' : change < 0 ? 'delta.down' : 'delta.same', { change: shown(Math.abs(change)), previous: shown(previous) });
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '=';
  return (
    <Text component="span" fz="sm" c={change > 0 ? 'teal.9' : change < 0 ? 'red.9' : 'gray.7'} title={label} pos="relative" style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden>
        {arrow} {change === 0 ? '' : shown(Math.abs(change))}
      </span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Text>
  );
}
