import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IntakeBatchView } from '../../../../shared/intake';
import { pickLanguage } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useAcceptAgreeing } from '../api/use-intake';

// Matched scans that disagree with nothing need no one to read them twice: one click takes them all.
export function AcceptAgreeingButton({ batch }: { batch: IntakeBatchView }) {
  const { t } = useTranslation('intake');
  const accept = useAcceptAgreeing(batch.id);
  const count = batch.files.filter((file) => file.agrees && file.state === 'ready').length;
  const nameOf = (fileId: string) => batch.files.find((file) => file.id === fileId)?.fileName ?? fileId;
  const run = () => accept.mutate(undefined, { onSuccess: (result) => notifySuccess(t('review.acceptedAgreeing', { count: result.accepted })) });
  return (
    <Stack gap={4}>
      <Group gap="sm" wrap="wrap">
        <Button leftSection={<IconChecks size={18} aria-hidden />} disabled={count === 0} loading={accept.isPending} onClick={run}>
          {t('review.acceptAgreeing', { count })}
        </Button>
        <Text fz="sm" c="dimmed" style={{ flex: '1 1 240px' }}>
          {t('review.acceptAgreeingHint')}
        </Text>
      </Group>
      {accept.error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(accept.error)}
        </Alert>
      ) : null}
      {accept.data && accept.data.failed.length > 0 ? (
        <Alert color="red" variant="light" role="alert">
          {accept.data.failed.map((failure) => (
            <Text key={failure.fileId} fz="sm">
              {t('review.acceptAgreeingFailed', { name: nameOf(failure.fileId), message: pickLanguage(failure.message) })}
            </Text>
          ))}
        </Alert>
      ) : null}
    </Stack>
  );
}
