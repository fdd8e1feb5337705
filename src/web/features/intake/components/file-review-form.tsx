import { Alert, Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeFileView } from '../../../../shared/intake';
import { apiFieldErrors } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useAcceptIntakeFile, useRejectIntakeFile } from '../api/use-intake';
import { acceptInput, initialReviewValues, missingDraftInputs, REVIEW_FIELDS, reviewFieldOfColumn, reviewInputOf, type DraftInput, type ReviewValues } from '../lib/review-form';
import { ConflictList } from './conflict-list';
import { DraftInputs } from './draft-inputs';
import { PartiesList } from './parties-list';
import { RejectButton } from './reject-button';
import { ReviewFieldInput } from './review-field-input';

const WIDE = { gridColumn: '1 / -1' };

// The server's complaint under the input it names (a field it does not name stays in the alert).
function inputErrors(error: unknown): Partial<Record<keyof ReviewValues, string>> {
  const errors: Partial<Record<keyof ReviewValues, string>> = {};
  for (const [field, message] of Object.entries(apiFieldErrors(error))) {
    const input = reviewInputOf(field);
    if (input) errors[input] ??= message;
  }
  return errors;
}

// A ready scan: its proposed fields to correct, its conflicts with the register, and for a scan
// without a match what the new draft needs; then accept (with the corrections) or reject.
export function FileReviewForm({ batchId, file }: { batchId: string; file: IntakeFileView }) {
  const { t } = useTranslation('intake');
  const [values, setValues] = useState(() => initialReviewValues(file));
  const [missing, setMissing] = useState<DraftInput[]>([]);
  const accept = useAcceptIntakeFile(batchId);
  const reject = useRejectIntakeFile(batchId);
  const hasMatch = file.match !== null;
  const fromServer = inputErrors(accept.error);
  const errorOf = (input: keyof ReviewValues) => (missing.some((name) => name === input) ? t('draft.required') : fromServer[input]);
  const set = (input: keyof ReviewValues, value: string) => {
    setValues((previous) => ({ ...previous, [input]: value }));
    setMissing((previous) => previous.filter((name) => name !== input));
  };
  const acceptedText = (filled: string[]) => {
    if (filled.length === 0) return t('file.acceptedToast', { name: file.fileName });
    const fields = filled.map((column) => {
      const field = reviewFieldOfColumn(column);
      return field ? t(`fields.${field}`) : column;
    });
    return t('file.acceptedFilled', { name: file.fileName, fields: fields.join(', ') });
  };
  const setPartner = (partner: Pick<ReviewValues, 'partnerId' | 'partnerName' | 'partnerCategoryCode'>) => {
    setValues((previous) => ({ ...previous, ...partner }));
    setMissing((previous) => previous.filter((name) => name !== 'partnerName' && (name !== 'partnerCategoryCode' || partner.partnerCategoryCode === '')));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const empty = missingDraftInputs(values, hasMatch);
    setMissing(empty);
    if (empty.length > 0) return;
    accept.mutate({ fileId: file.id, input: acceptInput(values, hasMatch) }, { onSuccess: ({ filled }) => notifySuccess(acceptedText(filled)) });
  };
  const rejectFile = () => reject.mutate(file.id, { onSuccess: () => notifySuccess(t('file.rejectedToast', { name: file.fileName })) });
  const failure = accept.error ?? reject.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ConflictList conflicts={file.conflicts} />
        <Title order={4} fz="h5">
          {t('fields.heading')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {REVIEW_FIELDS.map((name) => (
            <div key={name} style={name === 'title' || name === 'scope' ? WIDE : undefined}>
              <ReviewFieldInput name={name} value={values[name]} onChange={(value) => set(name, value)} error={errorOf(name)} reading={file} />
            </div>
          ))}
          <div style={WIDE}>
            <PartiesList parties={file.fields?.parties ?? []} reading={file} />
          </div>
        </SimpleGrid>
        {hasMatch ? null : <DraftInputs values={values} set={set} setPartner={setPartner} error={errorOf} />}
        {failure ? (
          <Alert color="red" variant="light" title={accept.error ? t('file.acceptFailed') : undefined} icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(failure)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <RejectButton fileName={file.fileName} isRejecting={reject.isPending} onReject={rejectFile} />
          <Button type="submit" leftSection={<IconCheck size={18} aria-hidden />} loading={accept.isPending} disabled={reject.isPending}>
            {t('file.accept')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
