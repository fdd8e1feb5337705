import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeFileView } from '../../../../shared/intake';
import { PdfDropzone, PdfUploadProgress } from '../../../components/pdf-dropzone';
import { isBeingRead, useIntakeBatch, useUploadScans } from '../../../lib/intake-queries';
import { errorMessage } from '../../../lib/notify';
import { useFileUpload } from '../../../lib/use-file-upload';

function ReadingState({ file }: { file: IntakeFileView }) {
  const { t } = useTranslation('agreements');
  if (file.state === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title={t('scan.failed')}>
        {file.error}
      </Alert>
    );
  }
  const reading = file.state === 'reading' && file.page !== null && file.pageCount !== null;
  return (
    <Text fz="sm" role="status">
      {reading ? t('scan.readingPage', { page: file.page, total: file.pageCount }) : t('scan.queued')}
    </Text>
  );
}

// "Kerja sama baru" may start from the signed PDF: it is sent to be read (OCR and field
// extraction) and, once read, handed to the form to prefill. Nothing is saved until the form is.
export function ScanStart({ onRead }: { onRead: (file: IntakeFileView) => void }) {
  const { t } = useTranslation('agreements');
  const upload = useUploadScans();
  const { file, setFile, progress, onProgress, maxBytes, begin } = useFileUpload();
  const [batchId, setBatchId] = useState<string | null>(null);
  const batch = useIntakeBatch(batchId);
  const scan = batch.data?.files[0] ?? null;

  useEffect(() => {
    if (scan?.state === 'ready') onRead(scan);
  }, [scan, onRead]);

  const send = () => {
    const chosen = begin();
    if (chosen) upload.mutate({ files: [chosen], onProgress }, { onSuccess: (created) => setBatchId(created.id) });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="scan-start-heading">
      <Title order={2} fz="md" id="scan-start-heading">
        {t('scan.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('scan.hint')}
      </Text>
      <Stack gap="sm">
        <PdfDropzone namespace="agreements" file={file} onFileChange={setFile} maxBytes={maxBytes} disabled={upload.isPending || batchId !== null} isCompact />
        {batchId === null ? (
          <Group>
            <Button onClick={send} disabled={!file} loading={upload.isPending}>
              {t('scan.read')}
            </Button>
          </Group>
        ) : null}
        <PdfUploadProgress namespace="agreements" isUploading={upload.isPending} progress={progress} />
        {upload.error ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(upload.error)}
          </Alert>
        ) : null}
        {scan && (isBeingRead(scan) || scan.state === 'failed') ? <ReadingState file={scan} /> : null}
        {scan?.state === 'failed' ? (
          <Group>
            <Button variant="default" onClick={() => setBatchId(null)}>
              {t('scan.another')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
