import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BENEFICIARY_GROUPS, LIMITS, type BeneficiaryGroup } from '../../../../shared/realisation';
import type { ErrorOf } from '../../../lib/use-schema-form';
import type { BeneficiaryDraft } from '../lib/report-draft';

type Props = { rows: BeneficiaryDraft[]; onChange: (rows: BeneficiaryDraft[]) => void; error: ErrorOf };

// One row per group and place: how many UMKM, traders, students … the activity reached, and where.
export function BeneficiaryRows({ rows, onChange, error }: Props) {
  const { t } = useTranslation('realisation');
  const groups = BENEFICIARY_GROUPS.map((group) => ({ value: group, label: t(`groups.${group}`) }));
  const change = (index: number, patch: Partial<BeneficiaryDraft>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('form.beneficiariesNone')}
        </Text>
      ) : null}
      {rows.map((row, index) => (
        <Group key={index} align="flex-start" gap="xs" wrap="wrap" data-testid={`beneficiary-${index}`}>
          <Select
            label={t('form.group')}
            data={groups}
            value={row.group}
            onChange={(group) => change(index, { group: BENEFICIARY_GROUPS.find((candidate) => candidate === group) ?? ('lainnya' satisfies BeneficiaryGroup) })}
            allowDeselect={false}
            error={error(`beneficiaries.${index}.group`)}
            style={{ flex: '1 1 160px' }}
          />
          <NumberInput
            label={t('form.count')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            value={row.count}
            onChange={(count) => change(index, { count: typeof count === 'number' ? count : '' })}
            error={error(`beneficiaries.${index}.count`)}
            style={{ flex: '0 1 110px' }}
          />
          <TextInput
            label={t('form.place')}
            maxLength={LIMITS.place}
            value={row.place}
            onChange={(event) => change(index, { place: event.currentTarget.value })}
            error={error(`beneficiaries.${index}.place`)}
            style={{ flex: '2 1 180px' }}
          />
          <ActionIcon variant="subtle" color="red.9" mt={28} size="lg" aria-label={t('form.removeBeneficiary', { n: index + 1 })} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {error('beneficiaries') ? (
        <Text size="sm" c="red.9" role="alert">
          {error('beneficiaries')}
        </Text>
      ) : null}
      <Group>
        <Button variant="light" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...rows, { group: 'umkm', count: '', place: '' }])} disabled={rows.length >= LIMITS.beneficiaries}>
          {t('form.addBeneficiary')}
        </Button>
      </Group>
    </Stack>
  );
}
