import { ActionIcon, Alert, Button, Checkbox, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateMeetingSchema, MAX_MEETING_ITEMS, type MeetingView } from '../../../../shared/proposal-reviews';
import { apiFieldErrors, isStale, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useCreateMeeting, useMeetings, useUpdateMeeting } from '../api/proposal-process';
import { emptyFollowUp, emptyMeetingValues, meetingBodyFromValues, meetingValuesFromView, type FollowUpRow, type MeetingFormValues } from '../lib/meeting-form-values';
import { StaleAlert } from '../../../components/save-feedback';

type Props = { proposalId: string; meeting?: MeetingView | undefined; onDone?: (() => void) | undefined };

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

function FollowUpRows({ rows, errors, onChange }: { rows: FollowUpRow[]; errors: FieldErrors; onChange: (rows: FollowUpRow[]) => void }) {
  const { t } = useTranslation('proposals');
  const setRow = (index: number, patch: Partial<FollowUpRow>) => onChange(rows.map((row, position) => (position === index ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={600}>
        {t('meetings.followUps')}
      </Text>
      {rows.map((row, index) => (
        // Follow-ups have no id of their own; the position is their identity in this form.
        <Group key={index} gap="sm" align="flex-end" wrap="wrap">
          <TextInput label={t('meetings.followUpText', { n: index + 1 })} value={row.text} onChange={(event) => setRow(index, { text: event.currentTarget.value })} error={errors[`followUps.${index}.text`]} required style={{ flex: '2 1 240px' }} />
          <TextInput label={t('meetings.followUpOwner', { n: index + 1 })} value={row.owner} onChange={(event) => setRow(index, { owner: event.currentTarget.value })} error={errors[`followUps.${index}.owner`]} required style={{ flex: '1 1 180px' }} />
          <TextInput type="date" label={t('meetings.followUpDue', { n: index + 1 })} value={row.dueDate} onChange={(event) => setRow(index, { dueDate: event.currentTarget.value })} error={errors[`followUps.${index}.dueDate`]} style={{ flex: '1 1 150px' }} />
          <Group gap="sm" wrap="nowrap" align="center" mb={2}>
            <Checkbox label={t('meetings.followUpDone')} aria-label={t('meetings.followUpDoneN', { n: index + 1 })} checked={row.done} onChange={(event) => setRow(index, { done: event.currentTarget.checked })} />
            <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={t('meetings.removeFollowUp', { n: index + 1 })} onClick={() => onChange(rows.filter((_, position) => position !== index))}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
      ))}
      {rows.length < MAX_MEETING_ITEMS ? (
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, emptyFollowUp()])} style={{ alignSelf: 'flex-start' }}>
          {t('meetings.addFollowUp')}
        </Button>
      ) : null}
    </Stack>
  );
}

// The key of the first rejected entry of a list typed one per line, and its position.
function firstListError(errors: FieldErrors, field: string): { n: number; message: string } | null {
  const key = Object.keys(errors).find((candidate) => candidate.startsWith(`${field}.`));
  return key ? { n: Number(key.split('.')[1]) + 1, message: errors[key] ?? '' } : null;
}

// Recording a new meeting, or editing one (meeting given) with the version it was opened at.
export function MeetingForm({ proposalId, meeting, onDone }: Props) {
  const { t } = useTranslation('proposals');
  const create = useCreateMeeting(proposalId);
  const update = useUpdateMeeting(proposalId);
  const meetings = useMeetings(proposalId);
  const mutation = meeting ? update : create;
  const [values, setValues] = useState<MeetingFormValues>(() => (meeting ? meetingValuesFromView(meeting) : emptyMeetingValues()));
  const [version, setVersion] = useState(meeting?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<MeetingFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const listError = (field: 'attendees' | 'decisions') => {
    const entry = firstListError(errors, field);
    return errors[field] ?? (entry ? t('meetings.entryError', entry) : undefined);
  };
  const onError = (error: unknown) => {
    setErrors(apiFieldErrors(error));
    focusFirstError();
  };

  const save = () => {
    const body = meetingBodyFromValues(values, meeting?.attendees);
    const parsed = CreateMeetingSchema.safeParse(body);
    mutation.reset();
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      focusFirstError();
      return;
    }
    setErrors({});
    if (meeting) {
      const onSuccess = () => {
        notifySuccess(t('meetings.updated'));
        onDone?.();
      };
      update.mutate({ meetingId: meeting.id, input: { ...body, version } }, { onError, onSuccess });
      return;
    }
    const onSuccess = () => {
      notifySuccess(t('meetings.saved'));
      setValues(emptyMeetingValues());
    };
    create.mutate(body, { onError, onSuccess });
  };
  const reload = async () => {
    const fresh = (await meetings.refetch()).data?.items.find((item) => item.id === meeting?.id);
    update.reset();
    setErrors({});
    if (!fresh) return;
    setVersion(fresh.version);
    setValues(meetingValuesFromView(fresh));
  };

  const headingId = meeting ? `meeting-edit-${meeting.id}` : 'meeting-new';
  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={3} fz="sm" id={headingId}>
        {meeting ? t('meetings.editTitle') : t('meetings.new')}
      </Title>
      <Group gap="sm" wrap="wrap" align="flex-start">
        <TextInput type="datetime-local" label={t('meetings.heldAt')} value={values.heldAt} onChange={(event) => set({ heldAt: event.currentTarget.value })} error={errors.heldAt} required w={{ base: '100%', xs: 240 }} />
        <TextInput label={t('meetings.place')} value={values.place} onChange={(event) => set({ place: event.currentTarget.value })} error={errors.place} style={{ flex: '1 1 200px' }} />
        <TextInput label={t('meetings.link')} value={values.link} onChange={(event) => set({ link: event.currentTarget.value })} error={errors.link} style={{ flex: '1 1 200px' }} />
      </Group>
      <Textarea label={t('meetings.attendees')} description={t('meetings.onePerLine')} value={values.attendees} onChange={(event) => set({ attendees: event.currentTarget.value })} error={listError('attendees')} autosize minRows={2} required />
      <Textarea label={t('meetings.minutes')} value={values.minutes} onChange={(event) => set({ minutes: event.currentTarget.value })} error={errors.minutes} autosize minRows={3} />
      <Textarea label={t('meetings.decisions')} description={t('meetings.onePerLine')} value={values.decisions} onChange={(event) => set({ decisions: event.currentTarget.value })} error={listError('decisions')} autosize minRows={2} />
      <FollowUpRows rows={values.followUps} errors={errors} onChange={(followUps) => set({ followUps })} />
      {isStale(mutation.error) ? <StaleAlert namespace="proposals" onReload={() => void reload()} isReloading={meetings.isFetching} /> : null}
      {!isStale(mutation.error) && (mutation.isError || hasFieldErrors) ? (
        <Alert color="red" variant="light" role="alert">
          {hasFieldErrors ? t('form.checkFields') : errorMessage(mutation.error)}
        </Alert>
      ) : null}
      <Group gap="sm" wrap="wrap">
        <Button onClick={save} loading={mutation.isPending}>
          {meeting ? t('meetings.saveChanges') : t('meetings.save')}
        </Button>
        {onDone ? (
          <Button variant="subtle" onClick={onDone} disabled={mutation.isPending}>
            {t('form.cancel')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
