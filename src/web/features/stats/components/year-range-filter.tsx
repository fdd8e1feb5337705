import { Group, Paper, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { yearOptions } from '../lib/stats-view';

type Props = {
  from: number | undefined;
  to: number | undefined;
  currentYear: number;
  errors: { from?: string; to?: string };
  onChange: (range: { from: number; to: number }) => void;
};

export function YearRangeFilter({ from, to, currentYear, errors, onChange }: Props) {
  const { t } = useTranslation('stats');
  const shown = from !== undefined && to !== undefined ? { from, to } : undefined;
  const data = yearOptions(shown, currentYear).map((year) => String(year));
  const change = (which: 'from' | 'to', value: string | null) => {
    if (!value || from === undefined || to === undefined) return;
    onChange(which === 'from' ? { from: Number(value), to } : { from, to: Number(value) });
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('range.title')}>
      <Group gap="md" align="flex-start" wrap="wrap">
        <Select
          label={t('range.from')}
          data={data}
          value={from === undefined ? null : String(from)}
          onChange={(value) => change('from', value)}
          allowDeselect={false}
          w={{ base: 'calc(50% - var(--mantine-spacing-md) / 2)', xs: 160 }}
          error={errors.from}
          disabled={from === undefined}
        />
        <Select
          label={t('range.to')}
          data={data}
          value={to === undefined ? null : String(to)}
          onChange={(value) => change('to', value)}
          allowDeselect={false}
          w={{ base: 'calc(50% - var(--mantine-spacing-md) / 2)', xs: 160 }}
          error={errors.to}
          disabled={to === undefined}
        />
      </Group>
    </Paper>
  );
}
