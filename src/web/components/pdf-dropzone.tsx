import { Group, Progress, Text } from '@mantine/core';
import { Dropzone, PDF_MIME_TYPE } from '@mantine/dropzone';
import { IconFileTypePdf, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../lib/format';
import { notifyError } from '../lib/notify';

// The screen's own namespace supplies the wording: documents.dropzone, chooseFile, dropHint, limit,
// rejected and progress, so each screen keeps the words its users know. A screen with two drop
// areas names the second one's words under another prefix (keyPrefix), so each has its own label.
type Props = {
  namespace: string;
  keyPrefix?: string;
  file: File | null;
  onFileChange: (file: File | null) => void;
  maxBytes: number;
  disabled: boolean;
  isCompact?: boolean;
};

// One PDF at a time, no larger than the upload limit; the server checks the content again.
export function PdfDropzone({ namespace, keyPrefix = 'documents', file, onFileChange, maxBytes, disabled, isCompact = false }: Props) {
  const { t } = useTranslation(namespace, { keyPrefix });
  const iconSize = isCompact ? 32 : 36;
  return (
    <Dropzone
      onDrop={(files) => onFileChange(files[0] ?? null)}
      onReject={() => notifyError(new Error(t('rejected', { size: formatBytes(maxBytes) })))}
      accept={PDF_MIME_TYPE}
      maxSize={maxBytes}
      multiple={false}
      disabled={disabled}
      aria-label={t('dropzone')}
      inputProps={{ 'aria-label': t('chooseFile') }}
    >
      <Group justify="center" gap="md" mih={isCompact ? 80 : 90} style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <IconUpload size={iconSize} aria-hidden />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={iconSize} aria-hidden />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFileTypePdf size={iconSize} aria-hidden />
        </Dropzone.Idle>
        <div>
          <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {file ? file.name : t('dropHint')}
          </Text>
          <Text fz="xs" c="dimmed">
            {file ? formatBytes(file.size) : t('limit', { size: formatBytes(maxBytes) })}
          </Text>
        </div>
      </Group>
    </Dropzone>
  );
}

// Shown only while the upload runs; progress is the share sent, from 0 to 1.
export function PdfUploadProgress({ namespace, keyPrefix = 'documents', isUploading, progress }: { namespace: string; keyPrefix?: string; isUploading: boolean; progress: number }) {
  const { t } = useTranslation(namespace, { keyPrefix });
  if (!isUploading) return null;
  return <Progress value={Math.round(progress * 100)} aria-label={t('progress')} animated striped />;
}
