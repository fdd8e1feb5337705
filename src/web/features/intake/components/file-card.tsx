import { Anchor, Group, Paper, Progress, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IntakeFileView } from '../../../../shared/intake';
import { FailedFile } from './failed-file';
import { FileReviewForm } from './file-review-form';
import { FileStateBadge } from './file-state-badge';
import { MatchLine } from './match-line';

function FileBody({ batchId, file }: { batchId: string; file: IntakeFileView }) {
  const { t } = useTranslation('intake');
  switch (file.state) {
    case 'queued':
      return null;
    case 'reading':
      return file.page !== null && file.pageCount ? (
        <Progress value={Math.round((100 * (file.page - 1)) / file.pageCount)} size="sm" aria-label={t('state.readingPage', { page: file.page, count: file.pageCount })} />
      ) : null;
    case 'failed':
      return <FailedFile batchId={batchId} file={file} />;
    case 'ready':
      return <FileReviewForm batchId={batchId} file={file} />;
    case 'accepted':
      return (
        <Group gap="sm">
          <Text fz="sm">{t('file.acceptedNote')}</Text>
          {file.acceptedAgreementId ? (
            <Anchor component={Link} to={`/agreements/${file.acceptedAgreementId}`} fz="sm" fw={600}>
              {t('file.agreementLink')}
            </Anchor>
          ) : null}
        </Group>
      );
    case 'rejected':
      return (
        <Text fz="sm" c="dimmed">
          {t('file.rejectedNote')}
        </Text>
      );
  }
}

// One scan of the batch: its name and where it came from, how far its reading is, what it matched.
export function FileCard({ batchId, file }: { batchId: string; file: IntakeFileView }) {
  const { t } = useTranslation('intake');
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={t('file.label', { name: file.fileName })}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Title order={3} fz="h4" style={{ overflowWrap: 'anywhere' }}>
            {file.fileName}
          </Title>
          {file.source ? (
            <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('review.fromZip', { zip: file.source })}
            </Text>
          ) : null}
        </div>
        <FileStateBadge file={file} />
      </Group>
      {file.state === 'ready' || file.state === 'accepted' ? <MatchLine file={file} /> : null}
      <FileBody batchId={batchId} file={file} />
    </Paper>
  );
}
