import { Button, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROCEDURE_DOC_TYPE_LABELS, PROCEDURE_DOC_TYPES, type ProcedureDocType } from '../../../../shared/procedures';
import { PdfDropzone, PdfUploadProgress } from '../../../components/pdf-dropzone';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useFileUpload } from '../../../lib/use-file-upload';
import { useUploadProposalDocument } from '../api/proposal-mutations';

export function docTypeLabel(type: ProcedureDocType, language: string): string {
  return PROCEDURE_DOC_TYPE_LABELS[type][language.startsWith('en') ? 'en' : 'id'];
}

// PDF only; the server checks the content again and keeps every earlier version.
export function ProposalDocumentUpload({ proposalId, suggested }: { proposalId: string; suggested: ProcedureDocType | undefined }) {
  const { t, i18n } = useTranslation('proposals');
  const upload = useUploadProposalDocument(proposalId);
  const { file, setFile, progress, onProgress, maxBytes, begin, clear } = useFileUpload();
  const [docType, setDocType] = useState<ProcedureDocType>(suggested ?? 'kak');
  const [note, setNote] = useState('');

  const submit = () => {
    const chosen = begin();
    if (!chosen) return;
    upload.mutate(
      { file: chosen, docType, note, onProgress },
      {
        onSuccess: (document) => {
          notifySuccess(t('documents.uploaded', { name: document.fileName }));
          clear();
          setNote('');
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="proposal-upload-heading">
      <Title order={2} fz="md" mb="sm" id="proposal-upload-heading">
        {t('documents.uploadTitle')}
      </Title>
      <Stack gap="sm">
        <Select
          label={t('documents.docType')}
          data={PROCEDURE_DOC_TYPES.map((value) => ({ value, label: docTypeLabel(value, i18n.language) }))}
          value={docType}
          onChange={(value) => {
            const type = PROCEDURE_DOC_TYPES.find((candidate) => candidate === value);
            if (type) setDocType(type);
          }}
          allowDeselect={false}
          searchable
        />
        <PdfDropzone namespace="proposals" file={file} onFileChange={setFile} maxBytes={maxBytes} disabled={upload.isPending} isCompact />
        <TextInput label={t('documents.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={4000} />
        <Button onClick={submit} disabled={!file} loading={upload.isPending} leftSection={<IconUpload size={16} aria-hidden />} style={{ alignSelf: 'flex-start' }}>
          {t('documents.upload')}
        </Button>
        <PdfUploadProgress namespace="proposals" isUploading={upload.isPending} progress={progress} />
      </Stack>
    </Paper>
  );
}
