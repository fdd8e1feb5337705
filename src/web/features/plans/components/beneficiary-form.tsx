import { Button, Group, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldErrors } from '../../../lib/form-errors';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCreateBeneficiary } from '../api/plans-api';

// Beneficiaries an OPD reached through the agreement (students sent, UMKM financed…).
export function BeneficiaryForm({ agreementId, onDone }: { agreementId: string; onDone: () => void }) {
  const { t } = useTranslation('plans');
  const create = useCreateBeneficiary();
  const [kind, setKind] = useState('');
  const [count, setCount] = useState<number | ''>('');
  const [amount, setAmount] = useState('');
  const [reachedOn, setReachedOn] = useState('');
  const errors = create.error ? apiFieldErrors(create.error) : {};
  const submit = () =>
    create.mutate(
      { agreementId, kind, count: count === '' ? 0 : count, amountIdr: amount.trim() ? amount.replace(/[.\s]/g, '') : null, reachedOn },
      {
        onSuccess: () => {
          notifySuccess(t('beneficiary.saved'));
          onDone();
        },
        onError: notifyError,
      },
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="xs">
      <TextInput label={t('beneficiary.kind')} placeholder={t('beneficiary.kindPlaceholder')} value={kind} onChange={(event) => setKind(event.currentTarget.value)} error={errors.kind} required />
      <NumberInput label={t('beneficiary.count')} min={0} value={count} onChange={(value) => setCount(typeof value === 'number' ? value : '')} error={errors.count} required />
      <TextInput label={t('beneficiary.amount')} inputMode="numeric" value={amount} onChange={(event) => setAmount(event.currentTarget.value)} error={errors.amountIdr} />
      <TextInput type="date" label={t('beneficiary.reachedOn')} value={reachedOn} onChange={(event) => setReachedOn(event.currentTarget.value)} error={errors.reachedOn} required />
      <Group align="flex-end">
        <Button onClick={submit} loading={create.isPending}>
          {t('beneficiary.save')}
        </Button>
      </Group>
    </SimpleGrid>
  );
}
