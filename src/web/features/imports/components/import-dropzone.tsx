import { Alert, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Dropzone, type FileRejection, type FileWithPath } from '@mantine/dropzone';
import { IconAlertCircle, IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES } from '../../../../shared/imports';
import { errorMessage } from '../../../lib/notify';
import { MAX_IMPORT_MB } from './import-format-help';

// The server decides by content; the browser's list only keeps obvious non-spreadsheets out.
const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

type Props = {
  onFile: (file: File) => void;
  isUploading: boolean;
  progress: number;
  fileName: string | null;
  error: unknown;
};

export function ImportDropzone({ onFile, isUploading, progress, fileName, error }: Props) {
  const { t } = useTranslation('imports');
  const [rejected, setRejected] = useState(false);
  const drop = (files: FileWithPath[]) => {
    const [file] = files;
    if (!file) return;
    setRejected(false);
    onFile(file);
  };
  const reject = (_rejections: FileRejection[]) => setRejected(true);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="sm">
        {t('upload.title')}
      </Title>
      <Stack gap="sm">
        <Dropzone
          onDrop={drop}
          onReject={reject}
          accept={ACCEPT}
          maxSize={MAX_IMPORT_BYTES}
          multiple={false}
          loading={isUploading}
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
              <IconFileSpreadsheet size={44} stroke={1.5} style={{ flexShrink: 0 }} aria-hidden />
            </Dropzone.Idle>
            <div>
              <Text fz="lg" fw={600}>
                {t('upload.drop')}
              </Text>
              <Text fz="sm" c="dimmed" mt={4}>
                CSV · XLSX — {t('upload.limit', { mb: MAX_IMPORT_MB })}
              </Text>
            </div>
          </Group>
        </Dropzone>
        {isUploading ? (
          <Stack gap={4} role="status">
            <Text fz="sm">{t('upload.uploading', { name: fileName ?? '' })}</Text>
            <Progress.Root size="md">
              <Progress.Section value={Math.round(progress * 100)} aria-label={t('upload.uploading', { name: fileName ?? '' })} />
            </Progress.Root>
          </Stack>
        ) : null}
        {rejected ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {t('upload.reject', { mb: MAX_IMPORT_MB })}
          </Alert>
        ) : null}
        {error && !isUploading ? (
          <Alert color="red" variant="light" title={t('upload.failed')} icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
