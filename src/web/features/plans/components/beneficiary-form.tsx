import { Button, Group, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreateBeneficiaryInput } from '../../../../shared/plans';
import { rupiahDigits } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { serverChecked, useSchemaForm } from '../../../lib/use-schema-form';
import { useCreateBeneficiary } from '../api/plans-api';

type Values = { kind: string; count: number | ''; amount: string; reachedOn: string };
const EMPTY: Values = { kind: '', count: '', amount: '', reachedOn: '' };

// Beneficiaries an OPD reached through the agreement (students sent, UMKM financed…).
export function BeneficiaryForm({ agreementId, onDone }: { agreementId: string; onDone: () => void }) {
  const { t } = useTranslation('plans');
  const create = useCreateBeneficiary();
  const form = useSchemaForm({
    schema: serverChecked<CreateBeneficiaryInput>(),
    defaultValues: EMPTY,
    toBody: ({ kind, count, amount, reachedOn }: Values): CreateBeneficiaryInput => ({
      agreementId,
      kind,
      count: count === '' ? 0 : count,
      amountIdr: amount.trim() ? rupiahDigits(amount) : null,
      reachedOn,
    }),
  });
  const { values, set, error } = form;
  const submit = form.submit((input) =>
    create.mutate(input, {
      onSuccess: () => {
        notifySuccess(t('beneficiary.saved'));
        onDone();
      },
      onError: (failure) => {
        form.showServerErrors(failure);
        notifyError(failure);
      },
    }),
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="xs">
      <TextInput label={t('beneficiary.kind')} placeholder={t('beneficiary.kindPlaceholder')} value={values.kind} onChange={(event) => set('kind', event.currentTarget.value)} error={error('kind')} required />
      <NumberInput label={t('beneficiary.count')} min={0} value={values.count} onChange={(value) => set('count', typeof value === 'number' ? value : '')} error={error('count')} required />
      <TextInput label={t('beneficiary.amount')} inputMode="numeric" value={values.amount} onChange={(event) => set('amount', event.currentTarget.value)} error={error('amountIdr')} />
      <TextInput type="date" label={t('beneficiary.reachedOn')} value={values.reachedOn} onChange={(event) => set('reachedOn', event.currentTarget.value)} error={error('reachedOn')} required />
      <Group align="flex-end">
        <Button onClick={submit} loading={create.isPending}>
          {t('beneficiary.save')}
        </Button>
      </Group>
    </SimpleGrid>
  );
}
