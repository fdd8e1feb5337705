import { Button, Checkbox, Group, Paper, Select, Stack, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/agreement-codes';
import { PdfDropzone, PdfUploadProgress } from '../../../components/pdf-dropzone';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useUploadDocument } from '../api/agreement-mutations';
import { useSettings } from '../../../lib/settings-queries';

function isDocumentKind(value: string | null): value is DocumentKind {
  return value !== null && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

// PDF only; the server checks the content again (not just the name) and extracts its text.
export function DocumentUpload({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation('agreements');
  const settings = useSettings();
  const upload = useUploadDocument(agreementId);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind>('naskah_ttd');
  const [isPublic, setPublic] = useState(false);
  const [progress, setProgress] = useState(0);
  const maxBytes = (settings.data?.maxUploadMb ?? 25) * 1024 * 1024;

  const submit = () => {
    if (!file) return;
    setProgress(0);
    upload.mutate(
      { file, kind, isPublic, onProgress: setProgress },
      {
        onSuccess: (document) => {
          notifySuccess(document.needsOcr ? t('documents.uploadedNeedsOcr', { name: document.fileName }) : t('documents.uploaded', { name: document.fileName }));
          setFile(null);
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="upload-heading">
      <Title order={2} fz="md" mb="sm" id="upload-heading">
        {t('documents.uploadTitle')}
      </Title>
      <Stack gap="sm">
        <PdfDropzone namespace="agreements" file={file} onFileChange={setFile} maxBytes={maxBytes} disabled={upload.isPending} />
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('documents.kind')}
            data={DOCUMENT_KINDS.map((value) => ({ value, label: t(`codes.documentKind.${value}`, { ns: 'common' }) }))}
            value={kind}
            onChange={(value) => isDocumentKind(value) && setKind(value)}
            allowDeselect={false}
            w={{ base: '100%', xs: 240 }}
          />
          <Checkbox label={t('documents.isPublic')} checked={isPublic} onChange={(event) => setPublic(event.currentTarget.checked)} mb={8} />
          <Button onClick={submit} disabled={!file} loading={upload.isPending} leftSection={<IconUpload size={16} aria-hidden />}>
            {t('documents.upload')}
          </Button>
        </Group>
        <PdfUploadProgress namespace="agreements" isUploading={upload.isPending} progress={progress} />
      </Stack>
    </Paper>
  );
}
