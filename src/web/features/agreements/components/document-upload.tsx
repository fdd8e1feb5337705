import { Button, Checkbox, Group, Paper, Select, Stack, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/agreement-codes';
import { PdfDropzone, PdfUploadProgress } from '../../../components/pdf-dropzone';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useUploadDocument } from '../api/agreement-mutations';
import { useFileUpload } from '../../../lib/use-file-upload';

function isDocumentKind(value: string | null): value is DocumentKind {
  return value !== null && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

// PDF only; the server checks the content again (not just the name) and extracts its text.
export function DocumentUpload({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation('agreements');
  const upload = useUploadDocument(agreementId);
  const { file, setFile, progress, onProgress, maxBytes, begin, clear } = useFileUpload();
  const [kind, setKind] = useState<DocumentKind>('naskah_ttd');
  const [isPublic, setPublic] = useState(false);

  const submit = () => {
    const chosen = begin();
    if (!chosen) return;
    upload.mutate(
      { file: chosen, kind, isPublic, onProgress },
      {
        onSuccess: (document) => {
          notifySuccess(document.needsOcr ? t('documents.uploadedNeedsOcr', { name: document.fileName }) : t('documents.uploaded', { name: document.fileName }));
          clear();
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
