import type { FileWithPath } from '@mantine/dropzone';
import { IconScan } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeBatchView } from '../../../../shared/intake';
import { UploadPanel } from '../../../components/upload-panel';
import { useUploadScans } from '../../../lib/intake-queries';

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
  const drop = (files: FileWithPath[]) => {
    setCount(files.length);
    setProgress(0);
    upload.mutate({ files, onProgress: setProgress }, { onSuccess: onUploaded });
  };
  return (
    <UploadPanel
      texts={{ title: t('upload.title'), dropLabel: t('upload.dropLabel'), drop: t('upload.drop'), hint: t('upload.hint'), uploading: t('upload.uploading', { count }), rejected: t('upload.reject'), failed: t('upload.failed') }}
      icon={IconScan}
      accept={ACCEPT}
      multiple
      isUploading={upload.isPending}
      progress={progress}
      error={upload.error}
      onDrop={drop}
    />
  );
}
