import { Alert, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Dropzone, type FileWithPath } from '@mantine/dropzone';
import { IconAlertCircle, IconScan, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeBatchView } from '../../../../shared/intake';
import { useUploadScans } from '../../../lib/intake-queries';
import { errorMessage } from '../../../lib/notify';

// The server decides by content; the browser's list only keeps obvious non-scans out.
const ACCEPT = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'application/zip': ['.zip'],
  'application/x-zip-compressed': ['.zip'],
};

export function ScanDropzone({ onUploaded }: { onUploaded: (batch: IntakeBatchView) => void }) {
  const { t } = useTranslation('intake');
  const upload = useUploadScans();
  const [progress, setProgress] = useState(0);
  const [count, setCount] = useState(0);
  const [isRejected, setRejected] = useState(false);
  const drop = (files: FileWithPath[]) => {
    if (files.length === 0) return;
    setRejected(false);
    setCount(files.length);
    setProgress(0);
    upload.mutate({ files, onProgress: setProgress }, { onSuccess: onUploaded });
  };
  const uploading = t('upload.uploading', { count });
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="sm">
        {t('upload.title')}
      </Title>
      <Stack gap="sm">
        <Dropzone
          onDrop={drop}
          onReject={() => setRejected(true)}
          accept={ACCEPT}
          multiple
          loading={upload.isPending}
          aria-label={t('upload.dropLabel')}
          inputProps={{ 'aria-label': t('upload.dropLabel') }}
        >
          <Group justify="center" gap="md" mih={140} style={{ pointerEvents: 'none' }} wrap="nowrap">
            <Dropzone.Accept>
              <IconUpload size={44} stroke={1.5} style={{ flexShrink: 0 }} aria-hidden />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX size={44} stroke={1.5} style={{ flexShrink: 0 }} aria-hidden />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconScan size={44} stroke={1.5} style={{ flexShrink: 0 }} aria-hidden />
            </Dropzone.Idle>
            <div>
              <Text fz="lg" fw={600}>
                {t('upload.drop')}
              </Text>
              <Text fz="sm" c="dimmed" mt={4}>
                {t('upload.hint')}
              </Text>
            </div>
          </Group>
        </Dropzone>
        {upload.isPending ? (
          <Stack gap={4} role="status">
            <Text fz="sm">{uploading}</Text>
            <Progress.Root size="md">
              <Progress.Section value={Math.round(progress * 100)} aria-label={uploading} />
            </Progress.Root>
          </Stack>
        ) : null}
        {isRejected ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {t('upload.reject')}
          </Alert>
        ) : null}
        {upload.error && !upload.isPending ? (
          <Alert color="red" variant="light" title={t('upload.failed')} icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(upload.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
