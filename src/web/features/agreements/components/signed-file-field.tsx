import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PdfDropzone, PdfUploadProgress } from '../../../components/pdf-dropzone';
import { FormSection } from './form-section';

type Props = { file: File | null; onFileChange: (file: File | null) => void; maxBytes: number; isUploading: boolean; progress: number };

// The signed PDF chosen with the new agreement: sent as its signed document (naskah_ttd, not public)
// right after the agreement is saved, through the same upload as the Dokumen tab.
export function SignedFileField({ file, onFileChange, maxBytes, isUploading, progress }: Props) {
  const { t } = useTranslation('agreements');
  return (
    <FormSection title={t('signedFile.title')}>
      <Stack gap="xs">
        <Text fz="sm" c="dimmed">
          {t('signedFile.hint')}
        </Text>
        <PdfDropzone namespace="agreements" keyPrefix="signedFile" file={file} onFileChange={onFileChange} maxBytes={maxBytes} disabled={isUploading} isCompact />
        <PdfUploadProgress namespace="agreements" keyPrefix="signedFile" isUploading={isUploading} progress={progress} />
      </Stack>
    </FormSection>
  );
}
