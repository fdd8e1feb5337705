import type { FileWithPath } from '@mantine/dropzone';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES } from '../../../../shared/imports';
import { UploadPanel } from '../../../components/upload-panel';
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
  const drop = (files: FileWithPath[]) => {
    const [file] = files;
    if (file) onFile(file);
  };
  return (
    <UploadPanel
      texts={{
        title: t('upload.title'),
        dropLabel: t('upload.dropLabel'),
        drop: t('upload.drop'),
        hint: `CSV · XLSX — ${t('upload.limit', { mb: MAX_IMPORT_MB })}`,
        uploading: t('upload.uploading', { name: fileName ?? '' }),
        rejected: t('upload.reject', { mb: MAX_IMPORT_MB }),
        failed: t('upload.failed'),
      }}
      icon={IconFileSpreadsheet}
      accept={ACCEPT}
      multiple={false}
      maxSize={MAX_IMPORT_BYTES}
      isUploading={isUploading}
      progress={progress}
      error={error}
      onDrop={drop}
    />
  );
}
