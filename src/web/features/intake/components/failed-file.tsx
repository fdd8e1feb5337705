import { Alert, Group, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IntakeFileView } from '../../../../shared/intake';
import { pickLanguage } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useRejectIntakeFile } from '../api/use-intake';
import { RejectButton } from './reject-button';

// A file that could not be read says why; rejecting it clears it from the batch's open work.
export function FailedFile({ batchId, file }: { batchId: string; file: IntakeFileView }) {
  const { t } = useTranslation('intake');
  const reject = useRejectIntakeFile(batchId);
  const rejectFile = () => reject.mutate(file.id, { onSuccess: () => notifySuccess(t('file.rejectedToast', { name: file.fileName })) });
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" title={t('file.failedTitle')} icon={<IconAlertCircle aria-hidden />}>
        {file.error ? pickLanguage(file.error) : null}
      </Alert>
      {reject.error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(reject.error)}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <RejectButton fileName={file.fileName} isRejecting={reject.isPending} onReject={rejectFile} />
      </Group>
    </Stack>
  );
}
