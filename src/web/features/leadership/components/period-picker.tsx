import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardPeriod } from '../../../../shared/leadership';
import { formatDate } from '../../../lib/format';

type Props = { shown: DashboardPeriod | undefined; previous: DashboardPeriod | undefined; today: string; onChange: (period: { from: string; to: string }) => void };

// Two dates and the common choices (the page remounts it when the shown period changes); the comparison period is named so a reader knows what the
// arrows compare with.
export function PeriodPicker({ shown, previous, today, onChange }: Props) {
  const { t, i18n } = useTranslation('leadership');
  const [from, setFrom] = useState(shown?.from ?? '');
  const [to, setTo] = useState(shown?.to ?? '');
  const isValid = from !== '' && to !== '' && from <= to;
  const year = Number(today.slice(0, 4));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('period.title')}>
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput type="date" label={t('period.from')} value={from} onChange={(event) => setFrom(event.currentTarget.value)} w={170} />
        <TextInput type="date" label={t('period.to')} value={to} onChange={(event) => setTo(event.currentTarget.value)} w={170} error={from && to && from > to ? t('period.fromAfterTo') : undefined} />
        <Button onClick={() => onChange({ from, to })} disabled={!isValid}>
          {t('period.apply')}
        </Button>
        <Button variant="default" onClick={() => onChange({ from: `${String(year)}-01-01`, to: today })}>
          {t('period.thisYear')}
        </Button>
        <Button variant="default" onClick={() => onChange({ from: `${String(year - 1)}-01-01`, to: `${String(year - 1)}-12-31` })}>
          {t('period.lastYear')}
        </Button>
      </Group>
      {shown && previous ? (
        <Text fz="sm" c="gray.7" mt="sm">
          {t('period.comparing', {
            from: formatDate(shown.from, i18n.language),
            to: formatDate(shown.to, i18n.language),
            previousFrom: formatDate(previous.from, i18n.language),
            previousTo: formatDate(previous.to, i18n.language),
          })}
        </Text>
      ) : null}
    </Paper>
  );
}
