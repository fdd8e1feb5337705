import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { END_REASONS, type EndReason } from '../../../../shared/agreement-codes';
import { EndAgreementSchema, type AgreementView } from '../../../../shared/agreements';
import { MAX_TEXT_LENGTH } from '../../../../shared/limits';
import { todayInTernate } from '../../../lib/format';
import { apiFieldErrors, isStale, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useEndAgreement } from '../api/agreement-mutations';
import { agreementKeys } from '../api/agreement-queries';
import { StaleAlert } from '../../../components/save-feedback';
import { AppModal } from '../../../components/app-modal';

type Props = { view: AgreementView; opened: boolean; onClose: () => void };

// PP 28/2018 Ps 9 and Ps 22: an agreement ends early only for one of the reasons the law lists.
export function EndAgreementModal({ view, opened, onClose }: Props) {
  const { t } = useTranslation('agreements');
  const queryClient = useQueryClient();
  const end = useEndAgreement(view.id);
  const [kind, setKind] = useState<'diakhiri' | 'dicabut'>('diakhiri');
  const [endedOn, setEndedOn] = useState(todayInTernate());
  const [reason, setReason] = useState<EndReason | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = () => {
    const parsed = EndAgreementSchema.safeParse({ kind, endedOn, reason, note: note.trim() || null, version: view.version });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    end.mutate(parsed.data, {
      onSuccess: () => {
        notifySuccess(t('end.done'));
        onClose();
      },
      onError: (error) => setErrors(apiFieldErrors(error)),
    });
  };
  const reload = () => {
    end.reset();
    void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(view.id) });
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={t('end.title')} size="lg">
      <Stack gap="md">
        <Text fz="sm">{t('end.intro', { title: view.title })}</Text>
        {isStale(end.error) ? <StaleAlert namespace="agreements" onReload={reload} /> : null}
        {end.isError && !isStale(end.error) && Object.keys(errors).length === 0 ? <Alert color="red">{errorMessage(end.error)}</Alert> : null}
        <SegmentedControl
          aria-label={t('end.kind')}
          value={kind}
          onChange={(value) => setKind(value === 'dicabut' ? 'dicabut' : 'diakhiri')}
          data={[
            { value: 'diakhiri', label: t('codes.endKind.diakhiri', { ns: 'common' }) },
            { value: 'dicabut', label: t('codes.endKind.dicabut', { ns: 'common' }) },
          ]}
        />
        <TextInput type="date" label={t('end.endedOn')} required value={endedOn} onChange={(event) => setEndedOn(event.currentTarget.value)} error={errors.endedOn} />
        <Select
          label={t('end.reason')}
          required
          placeholder={t('end.reasonPlaceholder')}
          data={END_REASONS.map((value) => ({ value, label: t(`codes.endReason.${value}`, { ns: 'common' }) }))}
          value={reason}
          onChange={(value) => setReason((value) ?? null)}
          error={errors.reason}
        />
        <Textarea label={t('end.note')} autosize minRows={3} maxLength={MAX_TEXT_LENGTH} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={errors.note} />
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
