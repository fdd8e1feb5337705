import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { isBeingRead, useIntakeBatch } from '../../../lib/intake-queries';
import { errorMessage } from '../../../lib/notify';
import { AcceptAgreeingButton } from './accept-agreeing-button';
import { FileCard } from './file-card';

// One batch: its files as they are read, then each to accept, correct or reject.
export function BatchReview({ batchId, onBack }: { batchId: string; onBack: () => void }) {
  const { t, i18n } = useTranslation('intake');
  const batch = useIntakeBatch(batchId);
  const back = (
    <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} w="fit-content" px={0}>
      {t('review.back')}
    </Button>
  );
  if (batch.isPending) return <Loader aria-label={t('common:states.loading')} />;
  if (batch.isError) {
    return (
      <Stack gap="sm">
        {back}
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {errorMessage(batch.error)}
        </Alert>
      </Stack>
    );
  }
  const { files } = batch.data;
  const reading = files.filter(isBeingRead).length;
  return (
    <Stack gap="md">
      {back}
      <div>
        <Title order={2} fz="h3">
          {t('review.title', { when: formatDateTime(batch.data.createdAt, i18n.language) })}
        </Title>
        <Text c="dimmed">{t('review.summary', { count: files.length })}</Text>
      </div>
      <AcceptAgreeingButton batch={batch.data} />
      {reading > 0 ? (
        <Alert color="blue" variant="light" role="status">
          {t('review.reading', { count: reading })}
        </Alert>
      ) : null}
      {files.map((file) => (
        <FileCard key={file.id} batchId={batchId} file={file} />
      ))}
    </Stack>
  );
}
