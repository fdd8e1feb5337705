import { Alert, Button, FileInput, Group, Stack, Textarea } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObligationView } from '../../../../shared/obligations';
import { apiFieldErrors } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useRecordOccurrence } from '../api/obligations-api';

type Props = { obligation: ObligationView; dueOn: string | null; status: 'met' | 'waived'; onDone: () => void };

// Marks one occurrence met (with its evidence file, required when the obligation says so) or
// waived with a reason. The server checks the file's content; its message goes under the field.
export function OccurrenceForm({ obligation, dueOn, status, onDone }: Props) {
  const { t } = useTranslation('obligations');
  const record = useRecordOccurrence(obligation.id);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const fieldErrors = record.isError ? apiFieldErrors(record.error) : {};
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const input = status === 'met' ? { dueOn, status, note: text.trim(), file } : { dueOn, status, waiverReason: text.trim() };
    record.mutate(input, { onSuccess: () => { notifySuccess(t(status === 'met' ? 'occurrence.metDone' : 'occurrence.waivedDone')); onDone(); } });
  };
  const fileError = fieldErrors.file;
  const textError = fieldErrors.waiverReason ?? fieldErrors.note;
  const otherError = record.isError && !fileError && !textError ? errorMessage(record.error) : null;
  return (
    <Stack gap="sm" component="form" onSubmit={submit} aria-label={t(status === 'met' ? 'occurrence.metTitle' : 'occurrence.waiveTitle')}>
      {otherError ? <Alert color="red">{otherError}</Alert> : null}
      {status === 'met' ? (
        <FileInput
          label={t('occurrence.file')}
          description={t('occurrence.fileHint')}
          required={obligation.evidenceRequired}
          accept="application/pdf,image/jpeg,image/png"
          value={file}
          onChange={setFile}
          clearable
          error={fileError}
        />
      ) : null}
      <Textarea
        label={t(status === 'met' ? 'occurrence.note' : 'occurrence.reason')}
        required={status === 'waived'}
        autosize
        minRows={2}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={textError}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" loading={record.isPending} color={status === 'waived' ? 'orange.9' : undefined}>
          {t(status === 'met' ? 'occurrence.markMet' : 'occurrence.waive')}
        </Button>
      </Group>
    </Stack>
  );
}
