import { Alert, Button, Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreateObligationSchema, OBLIGATION_KINDS, OBLIGATION_PARTIES, type ObligationKind, type ObligationParty, type ObligationView } from '../../../../shared/obligations';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useCreateObligation, useUpdateObligation } from '../api/obligations-api';

export type UnitOption = { id: string; name: string };
type Props = { agreementId: string; units: UnitOption[]; obligation?: ObligationView; onDone: () => void };
type Values = { party: ObligationParty; unitId: string | null; clause: string; description: string; kind: ObligationKind; dueOn: string; everyMonths: number | string; triggerText: string; evidenceRequired: boolean };

function valuesOf(obligation: ObligationView | undefined): Values {
  return {
    party: obligation?.party ?? 'city',
    unitId: obligation?.unitId ?? null,
    clause: obligation?.clause ?? '',
    description: obligation?.description ?? '',
    kind: obligation?.kind ?? 'once',
    dueOn: obligation?.dueOn ?? '',
    everyMonths: obligation?.everyMonths ?? '',
    triggerText: obligation?.triggerText ?? '',
    evidenceRequired: obligation?.evidenceRequired ?? false,
  };
}

// The body only carries what the kind and party use, so a schedule left over from another kind
// is never sent.
function bodyOf(values: Values) {
  return {
    party: values.party,
    unitId: values.party === 'city' ? values.unitId : null,
    clause: values.clause.trim() || null,
    description: values.description,
    kind: values.kind,
    dueOn: values.kind === 'trigger' ? null : values.dueOn || null,
    everyMonths: values.kind === 'recurring' && values.everyMonths !== '' ? Number(values.everyMonths) : null,
    triggerText: values.kind === 'trigger' ? values.triggerText.trim() || null : null,
    evidenceRequired: values.evidenceRequired,
  };
}

// The division enters an obligation (at registration or later) and corrects it; a change to a
// confirmed partner obligation asks the lead OPD to confirm it again (the server clears it).
export function ObligationForm({ agreementId, units, obligation, onDone }: Props) {
  const { t } = useTranslation('obligations');
  const create = useCreateObligation(agreementId);
  const update = useUpdateObligation(obligation?.id ?? '');
  const mutation = obligation ? update : create;
  const form = useSchemaForm({ schema: CreateObligationSchema, defaultValues: valuesOf(obligation), toBody: bodyOf });
  const { values, set, error } = form;
  const submit = form.submit((body) => {
    const done = { onSuccess: () => { notifySuccess(t('form.saved')); onDone(); }, onError: form.showServerErrors };
    if (obligation) update.mutate({ ...body, version: obligation.version }, done);
    else create.mutate(body, done);
  });
  return (
    <Stack gap="sm" component="form" onSubmit={submit} aria-label={t(obligation ? 'form.editTitle' : 'form.addTitle')}>
      {mutation.isError && !form.hasErrors ? <Alert color="red">{errorMessage(mutation.error)}</Alert> : null}
      <Select label={t('form.party')} required data={OBLIGATION_PARTIES.map((value) => ({ value, label: t(`party.${value}`) }))} value={values.party} onChange={(value) => set('party', value === 'partner' ? 'partner' : 'city')} allowDeselect={false} />
      {values.party === 'city' ? (
        <Select label={t('form.unit')} required data={units.map((unit) => ({ value: unit.id, label: unit.name }))} value={values.unitId} onChange={(value) => set('unitId', value)} error={error('unitId')} />
      ) : null}
      <TextInput label={t('form.clause')} placeholder={t('form.clauseHint')} value={values.clause} onChange={(event) => set('clause', event.currentTarget.value)} error={error('clause')} />
      <Textarea label={t('form.description')} required autosize minRows={2} value={values.description} onChange={(event) => set('description', event.currentTarget.value)} error={error('description')} />
      <Select label={t('form.kind')} required data={OBLIGATION_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} value={values.kind} onChange={(value) => set('kind', OBLIGATION_KINDS.find((kind) => kind === value) ?? 'once')} allowDeselect={false} />
      {values.kind === 'trigger' ? (
        <TextInput label={t('form.triggerText')} required value={values.triggerText} onChange={(event) => set('triggerText', event.currentTarget.value)} error={error('triggerText')} />
      ) : (
        <Group grow align="flex-start" wrap="wrap">
          <TextInput type="date" label={t(values.kind === 'recurring' ? 'form.firstDueOn' : 'form.dueOn')} required value={values.dueOn} onChange={(event) => set('dueOn', event.currentTarget.value)} error={error('dueOn')} miw={160} />
          {values.kind === 'recurring' ? (
            <NumberInput label={t('form.everyMonths')} required min={1} max={60} value={values.everyMonths} onChange={(value) => set('everyMonths', value)} error={error('everyMonths')} miw={160} />
          ) : null}
        </Group>
      )}
      <Checkbox label={t('form.evidenceRequired')} checked={values.evidenceRequired} onChange={(event) => set('evidenceRequired', event.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" loading={mutation.isPending}>
          {t('form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
