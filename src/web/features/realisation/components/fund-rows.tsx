import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FUND_SOURCES } from '../../../../shared/realisation';
import type { BudgetSource } from '../../../../shared/plans';
import { formatRupiah } from '../../../lib/format';
import type { ErrorOf } from '../../../lib/use-schema-form';
import { realisedTotal, type FundDraft } from '../lib/report-draft';

type Props = { rows: FundDraft[]; onChange: (rows: FundDraft[]) => void; error: ErrorOf; planned: { amount: string; source: BudgetSource } };

// Funds realised per source (APBD, partner, other), read beside the plan's own amount and source.
export function FundRows({ rows, onChange, error, planned }: Props) {
  const { t } = useTranslation('realisation');
  const sources = FUND_SOURCES.map((source) => ({ value: source, label: t(`sources.${source}`) }));
  const change = (index: number, patch: Partial<FundDraft>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const unused = FUND_SOURCES.find((source) => !rows.some((row) => row.source === source));
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="planned-funds">
        {t('report.planned', { amount: formatRupiah(planned.amount), source: t(`sources.${planned.source}`) })}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('form.fundsNone')}
        </Text>
      ) : null}
      {rows.map((row, index) => (
        <Group key={index} align="flex-start" gap="xs" wrap="wrap" data-testid={`fund-${index}`}>
          <Select
            label={t('form.source')}
            data={sources}
            value={row.source}
            onChange={(source) => change(index, { source: FUND_SOURCES.find((candidate) => candidate === source) ?? row.source })}
            allowDeselect={false}
            error={error(`funds.${index}.source`)}
            style={{ flex: '1 1 140px' }}
          />
          <TextInput
            label={t('form.realised')}
            inputMode="numeric"
            value={row.realised}
            onChange={(event) => change(index, { realised: event.currentTarget.value })}
            error={error(`funds.${index}.realised`)}
            style={{ flex: '2 1 180px' }}
          />
          <ActionIcon variant="subtle" color="red.9" mt={28} size="lg" aria-label={t('form.removeFund', { n: index + 1 })} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('form.total', { total: formatRupiah(realisedTotal(rows)), planned: formatRupiah(planned.amount) })}
      </Text>
      {unused ? (
        <Group>
          <Button variant="light" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...rows, { source: unused, realised: '' }])}>
            {t('form.addFund')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
