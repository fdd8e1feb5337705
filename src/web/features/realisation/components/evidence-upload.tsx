import { Button, FileInput, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_ACCEPT, EVIDENCE_KINDS, type EvidenceKind } from '../../../../shared/realisation';
import { ErrorAlert } from '../../../components/save-feedback';
import { formatBytes } from '../../../lib/format';
import { apiFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { notifySuccess } from '../../../lib/notify';
import { useFileUpload } from '../../../lib/use-file-upload';
import { useUploadEvidence } from '../api/realisation-api';

// A photo taken in the field or a scanned record: PDF, JPEG or PNG. The server reads the content
// (not the name) and names the field it refuses; the message goes under that input.
export function EvidenceUpload({ reportId }: { reportId: string }) {
  const { t } = useTranslation('realisation');
  const upload = useUploadEvidence(reportId);
  const { file, setFile, progress, onProgress, maxBytes, begin, clear } = useFileUpload();
  const [kind, setKind] = useState<EvidenceKind>('foto');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const tooLarge = file !== null && file.size > maxBytes;

  const submit = () => {
    const chosen = begin();
    if (!chosen || tooLarge) return;
    setErrors({});
    setFailure(null);
    upload.mutate(
      { file: chosen, kind, onProgress },
      {
        onSuccess: (evidence) => {
          notifySuccess(t('evidence.uploaded', { name: evidence.fileName }));
          clear();
        },
        onError: (error) => {
          const fields = apiFieldErrors(error);
          setErrors(fields);
          setFailure(Object.keys(fields).length > 0 ? null : error);
        },
      },
    );
  };

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('evidence.help', { size: formatBytes(maxBytes) })}
      </Text>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <Select
          label={t('evidence.kind')}
          data={EVIDENCE_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          value={kind}
          onChange={(value) => setKind(EVIDENCE_KINDS.find((candidate) => candidate === value) ?? kind)}
          allowDeselect={false}
          error={errors.kind}
          style={{ flex: '1 1 160px' }}
        />
        <FileInput
          label={t('evidence.file')}
          placeholder={t('evidence.choose')}
          // The theme's placeholder grey is too faint for a text that is the input's only prompt (WCAG AA).
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          accept={EVIDENCE_ACCEPT}
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setErrors({});
          }}
          clearable
          leftSection={<IconPaperclip size={16} aria-hidden />}
          error={tooLarge ? t('evidence.help', { size: formatBytes(maxBytes) }) : errors.file}
          style={{ flex: '2 1 220px', minWidth: 0 }}
        />
      </Group>
      <Group>
        <Button onClick={submit} disabled={!file || tooLarge} loading={upload.isPending} leftSection={<IconUpload size={16} aria-hidden />}>
          {t('evidence.upload')}
        </Button>
      </Group>
      {upload.isPending ? <Progress value={Math.round(progress * 100)} aria-label={t('evidence.progress')} animated striped /> : null}
      <ErrorAlert error={failure} />
    </Stack>
  );
}
