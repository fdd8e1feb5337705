import { Button, Group, Stack, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReturnReportSchema, type ReportView } from '../../../../shared/realisation';
import { AppModal } from '../../../components/app-modal';
import { SaveFeedback } from '../../../components/save-feedback';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useReportStep } from '../api/realisation-api';

function ReturnModal({ report, opened, onClose, onReload }: { report: ReportView; opened: boolean; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation('realisation');
  const step = useReportStep(report.id);
  const [isFieldError, setFieldError] = useState(false);
  // The reason is required: the OPD must know what to correct.
  const form = useSchemaForm({ schema: ReturnReportSchema, defaultValues: { reason: '' }, toBody: (values: { reason: string }) => ({ reason: values.reason, version: report.version }) });
  const submit = form.submit((body) =>
    step.mutate(
      { step: 'return', ...body },
      {
        onSuccess: () => {
          notifySuccess(t('review.returnedDone'));
          onClose();
        },
        onError: (failure) => setFieldError(form.showServerErrors(failure)),
      },
    ),
  );
  return (
    <AppModal opened={opened} onClose={onClose} title={t('review.returnTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('review.reason')}
            description={t('review.reasonHelp')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={form.values.reason}
            onChange={(event) => form.set('reason', event.currentTarget.value)}
            error={form.error('reason')}
            data-autofocus
          />
          <SaveFeedback error={step.error} isFieldError={isFieldError} onReload={onReload} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel', { ns: 'common' })}
            </Button>
            <Button type="submit" color="red.9" loading={step.isPending}>
              {t('review.returnConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

// The division's decision on a submitted report; shown only when the server's abilities allow it.
export function ReviewActions({ report, onReload }: { report: ReportView; onReload: () => void }) {
  const { t } = useTranslation('realisation');
  const step = useReportStep(report.id);
  const [isReturning, setReturning] = useState(false);
  if (!report.abilities.canVerify) return null;
  const verify = () => step.mutate({ step: 'verify', version: report.version }, { onSuccess: () => notifySuccess(t('review.verified')), onError: notifyError });
  return (
    <>
      <Group gap="xs">
        <Button color="teal.9" leftSection={<IconCircleCheck size={18} aria-hidden />} loading={step.isPending} onClick={verify}>
          {t('review.verify')}
        </Button>
        <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={() => setReturning(true)}>
          {t('review.return')}
        </Button>
      </Group>
      <ReturnModal report={report} opened={isReturning} onClose={() => setReturning(false)} onReload={onReload} />
    </>
  );
}
