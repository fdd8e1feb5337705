import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { END_REASONS, type EndReason } from '../../../../shared/agreement-codes';
import { EndAgreementSchema, type AgreementView } from '../../../../shared/agreements';
import { MAX_TEXT_LENGTH } from '../../../../shared/limits';
import { AppModal } from '../../../components/app-modal';
import { StaleAlert } from '../../../components/save-feedback';
import { todayInTernate } from '../../../lib/format';
import { isStale } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useEndAgreement } from '../api/agreement-mutations';
import { useReloadAgreement } from '../api/agreement-queries';

type Props = { view: AgreementView; opened: boolean; onClose: () => void };
type Values = { kind: 'diakhiri' | 'dicabut'; endedOn: string; reason: EndReason | null; note: string };

function initialValues(): Values {
  return { kind: 'diakhiri', endedOn: todayInTernate(), reason: null, note: '' };
}

// PP 28/2018 Ps 9 and Ps 22: an agreement ends early only for one of the reasons the law lists.
export function EndAgreementModal({ view, opened, onClose }: Props) {
  const { t } = useTranslation('agreements');
  const end = useEndAgreement(view.id);
  const reloadAgreement = useReloadAgreement(view.id);
  const form = useSchemaForm({
    schema: EndAgreementSchema,
    defaultValues: initialValues(),
    toBody: (values) => ({ ...values, note: values.note.trim() || null, version: view.version }),
  });
  const { values, set, error } = form;

  const submit = form.submit((input) =>
    end.mutate(input, {
      onSuccess: () => {
        notifySuccess(t('end.done'));
        onClose();
      },
      onError: form.showServerErrors,
    }),
  );
  const reload = () => {
    end.reset();
    void reloadAgreement();
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={t('end.title')} size="lg">
      <Stack gap="md">
        <Text fz="sm">{t('end.intro', { title: view.title })}</Text>
        {isStale(end.error) ? <StaleAlert namespace="agreements" onReload={reload} /> : null}
        {end.isError && !isStale(end.error) && !form.hasErrors ? <Alert color="red">{errorMessage(end.error)}</Alert> : null}
        <SegmentedControl
          aria-label={t('end.kind')}
          value={values.kind}
          onChange={(value) => set('kind', value === 'dicabut' ? 'dicabut' : 'diakhiri')}
          data={[
            { value: 'diakhiri', label: t('codes.endKind.diakhiri', { ns: 'common' }) },
            { value: 'dicabut', label: t('codes.endKind.dicabut', { ns: 'common' }) },
          ]}
        />
        <TextInput type="date" label={t('end.endedOn')} required value={values.endedOn} onChange={(event) => set('endedOn', event.currentTarget.value)} error={error('endedOn')} />
        <Select
          label={t('end.reason')}
          required
          placeholder={t('end.reasonPlaceholder')}
          data={END_REASONS.map((value) => ({ value, label: t(`codes.endReason.${value}`, { ns: 'common' }) }))}
          value={values.reason}
          onChange={(value) => set('reason', END_REASONS.find((reason) => reason === value) ?? null)}
          error={error('reason')}
        />
        <Textarea label={t('end.note')} autosize minRows={3} maxLength={MAX_TEXT_LENGTH} value={values.note} onChange={(event) => set('note', event.currentTarget.value)} error={error('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button color="red.9" loading={end.isPending} onClick={submit}>
            {t('end.submit')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
