import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeriodChoice } from '../lib/periods';

type Props = { choices: PeriodChoice[]; value: string | null; onChange: (period: string | null) => void; placeholder?: string };

// Semesters, newest first, each saying whether reports for it may still be written.
export function PeriodSelect({ choices, value, onChange, placeholder }: Props) {
  const { t } = useTranslation('realisation');
  const data = choices.map((choice) => ({ value: choice.period, label: t(choice.isOpen ? 'period.open' : 'period.closed', { period: choice.period }) }));
  if (value && !choices.some((choice) => choice.period === value)) data.push({ value, label: value });
  return (
    <Select
      label={t('period.label')}
      data={data}
      value={value}
      onChange={onChange}
      clearable={placeholder !== undefined}
      allowDeselect={placeholder !== undefined}
      placeholder={placeholder}
      w={{ base: '100%', xs: 220 }}
    />
  );
}
