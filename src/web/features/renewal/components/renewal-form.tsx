import { Alert, Button, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { END_REASONS, type EndReason } from '../../../../shared/agreement-codes';
import { RENEWAL_DECISIONS, RecordRenewalSchema, type RenewalDecisionKind, type RenewalView } from '../../../../shared/renewal';
import { todayInTernate } from '../../../lib/format';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useRecordRenewal } from '../api/renewal-api';

type Props = { view: RenewalView; agreementVersion: number };
type Values = { decision: RenewalDecisionKind; reason: string; endReason: EndReason | null; endedOn: string; overrideReason: string };

function initialValues(): Values {
  return { decision: 'extend', reason: '', endReason: null, endedOn: todayInTernate(), overrideReason: '' };
}

// The division records extend, end early (PP 28/2018 reason) or let lapse. An extension without the
// OPD's and the partner's evaluations of the last 12 months is refused unless an override reason is
// written: the refusal's message goes under the override field.
export function RenewalForm({ view, agreementVersion }: Props) {
  const { t } = useTranslation('renewal');
  const record = useRecordRenewal(view.agreementId);
  const form = useSchemaForm({
    schema: RecordRenewalSchema,
    defaultValues: initialValues(),
    toBody: (values) => ({
      decision: values.decision,
      reason: values.reason,
      endReason: values.decision === 'end_early' ? values.endReason : null,
      endedOn: values.decision === 'end_early' ? values.endedOn : null,
      overrideReason: values.decision === 'extend' ? values.overrideReason.trim() || null : null,
      version: agreementVersion,
    }),
  });
  const { values, set, error } = form;
  const submit = form.submit((input) => record.mutate(input, { onSuccess: () => notifySuccess(t('form.done')), onError: form.showServerErrors }));
  const asksOverride = values.decision === 'extend' && (!view.evaluationsComplete || error('overrideReason') !== undefined);

  return (
    <Stack gap="sm" component="form" onSubmit={submit} aria-label={t('form.title')}>
      {record.isError && !form.hasErrors ? <Alert color="red">{errorMessage(record.error)}</Alert> : null}
      <Radio.Group label={t('form.decision')} required value={values.decision} onChange={(value) => set('decision', RENEWAL_DECISIONS.find((kind) => kind === value) ?? 'extend')} error={error('decision')}>
        <Stack gap="xs" mt="xs">
          {RENEWAL_DECISIONS.map((kind) => (
            <Radio key={kind} value={kind} label={t(`decision.${kind}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {values.decision === 'end_early' ? (
        <>
          <Select
            label={t('form.endReason')}
            required
            data={END_REASONS.map((value) => ({ value, label: t(`codes.endReason.${value}`, { ns: 'common' }) }))}
            value={values.endReason}
            onChange={(value) => set('endReason', END_REASONS.find((reason) => reason === value) ?? null)}
            error={error('endReason')}
          />
          <TextInput type="date" label={t('form.endedOn')} required value={values.endedOn} onChange={(event) => set('endedOn', event.currentTarget.value)} error={error('endedOn')} />
        </>
      ) : null}
      <Textarea label={t('form.reason')} required autosize minRows={2} maxLength={2000} value={values.reason} onChange={(event) => set('reason', event.currentTarget.value)} error={error('reason')} />
      {asksOverride ? (
        <Textarea
          label={t('form.overrideReason')}
          description={t('form.overrideHint')}
          autosize
          minRows={2}
          maxLength={2000}
          value={values.overrideReason}
          onChange={(event) => set('overrideReason', event.currentTarget.value)}
          error={error('overrideReason')}
        />
      ) : null}
      <Group justify="flex-end">
        <Button type="submit" loading={record.isPending}>
          {t('form.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
