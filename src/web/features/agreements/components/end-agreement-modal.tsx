import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { END_REASONS, type EndReason } from '../../../../shared/agreement-codes';
import { EndAgreementSchema, type AgreementView, type EndAgreementInput } from '../../../../shared/agreements';
import { MAX_TEXT_LENGTH } from '../../../../shared/limits';
import { AppModal } from '../../../components/app-modal';
import { StaleAlert } from '../../../components/save-feedback';
import { formatDate, todayInTernate } from '../../../lib/format';
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
  const { t, i18n } = useTranslation('agreements');
  const end = useEndAgreement(view.id);
  const reloadAgreement = useReloadAgreement(view.id);
  const form = useSchemaForm({
    schema: EndAgreementSchema,
    defaultValues: initialValues(),
    toBody: (values) => ({ ...values, note: values.note.trim() || null, version: view.version }),
  });
  const { values, set, error } = form;

  // Checked first, then confirmed with its consequences stated: an ending cannot be undone here.
  const [confirming, setConfirming] = useState<EndAgreementInput | null>(null);
  const check = form.submit((input) => setConfirming(input));
  const confirm = () => {
    if (!confirming) return;
    end.mutate(confirming, {
      onSuccess: () => {
        notifySuccess(t('end.done'));
        setConfirming(null);
        onClose();
      },
      onError: (failure) => {
        setConfirming(null);
        form.showServerErrors(failure);
      },
    });
  };
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
          {confirming ? null : (
            <Button color="red.9" onClick={check}>
              {t('end.submit')}
            </Button>
          )}
        </Group>
        {confirming ? (
          <Alert color="red" title={t('end.confirmTitle')} role="alert">
            <Stack gap="sm">
              <Text fz="sm">
                {t('end.consequence', { kind: t(`codes.endKind.${confirming.kind}`, { ns: 'common' }).toLowerCase(), date: formatDate(confirming.endedOn, i18n.language) })}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(null)}>
                  {t('end.back')}
                </Button>
                <Button color="red.9" loading={end.isPending} onClick={confirm}>
                  {t('end.confirm')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </AppModal>
  );
}
