import { ActionIcon, Alert, Button, Checkbox, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateMeetingSchema, MAX_MEETING_ITEMS, type MeetingView } from '../../../../shared/proposal-reviews';
import { StaleAlert } from '../../../components/save-feedback';
import { isStale } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useSchemaForm, type ErrorOf } from '../../../lib/use-schema-form';
import { useCreateMeeting, useMeetings, useUpdateMeeting } from '../api/proposal-process';
import { emptyFollowUp, emptyMeetingValues, meetingBodyFromValues, meetingValuesFromView, type FollowUpRow, type MeetingFormValues } from '../lib/meeting-form-values';

type Props = { proposalId: string; meeting?: MeetingView | undefined; onDone?: (() => void) | undefined };

function FollowUpRows({ rows, error, onChange }: { rows: FollowUpRow[]; error: ErrorOf; onChange: (rows: FollowUpRow[]) => void }) {
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
          <TextInput label={t('meetings.followUpText', { n: index + 1 })} value={row.text} onChange={(event) => setRow(index, { text: event.currentTarget.value })} error={error(`followUps.${index}.text`)} required style={{ flex: '2 1 240px' }} />
          <TextInput label={t('meetings.followUpOwner', { n: index + 1 })} value={row.owner} onChange={(event) => setRow(index, { owner: event.currentTarget.value })} error={error(`followUps.${index}.owner`)} required style={{ flex: '1 1 180px' }} />
          <TextInput type="date" label={t('meetings.followUpDue', { n: index + 1 })} value={row.dueDate} onChange={(event) => setRow(index, { dueDate: event.currentTarget.value })} error={error(`followUps.${index}.dueDate`)} style={{ flex: '1 1 150px' }} />
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

// Recording a new meeting, or editing one (meeting given) with the version it was opened at.
export function MeetingForm({ proposalId, meeting, onDone }: Props) {
  const { t } = useTranslation('proposals');
  const create = useCreateMeeting(proposalId);
  const update = useUpdateMeeting(proposalId);
  const meetings = useMeetings(proposalId);
  const mutation = meeting ? update : create;
  const [version, setVersion] = useState(meeting?.version ?? 0);
  const form = useSchemaForm({
    schema: CreateMeetingSchema,
    defaultValues: meeting ? meetingValuesFromView(meeting) : emptyMeetingValues(),
    toBody: (values: MeetingFormValues) => meetingBodyFromValues(values, meeting?.attendees),
    focusOnError: true,
  });
  const { values, set, error } = form;
  // A list typed one per line: its own message, or the first rejected line's.
  const listError = (field: 'attendees' | 'decisions') => {
    const entry = form.firstItemError(field);
    return error(field) ?? (entry ? t('meetings.entryError', entry) : undefined);
  };

  // The body goes as the form made it; the schema only checked it.
  const submit = form.submit((_checked, current) => {
    const body = meetingBodyFromValues(current, meeting?.attendees);
    if (meeting) {
      const onSuccess = () => {
        notifySuccess(t('meetings.updated'));
        onDone?.();
      };
      update.mutate({ meetingId: meeting.id, input: { ...body, version } }, { onError: form.showServerErrors, onSuccess });
      return;
    }
    const onSuccess = () => {
      notifySuccess(t('meetings.saved'));
      form.reset(emptyMeetingValues());
    };
    create.mutate(body, { onError: form.showServerErrors, onSuccess });
  });
  const save = () => {
    mutation.reset();
    submit();
  };
  const reload = async () => {
    const fresh = (await meetings.refetch()).data?.items.find((item) => item.id === meeting?.id);
    update.reset();
    form.clearErrors();
    if (!fresh) return;
    setVersion(fresh.version);
    form.reset(meetingValuesFromView(fresh));
  };

  const headingId = meeting ? `meeting-edit-${meeting.id}` : 'meeting-new';
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={3} fz="sm" id={headingId}>
        {meeting ? t('meetings.editTitle') : t('meetings.new')}
      </Title>
      <Group gap="sm" wrap="wrap" align="flex-start">
        <TextInput type="datetime-local" label={t('meetings.heldAt')} value={values.heldAt} onChange={(event) => set('heldAt', event.currentTarget.value)} error={error('heldAt')} required w={{ base: '100%', xs: 240 }} />
        <TextInput label={t('meetings.place')} value={values.place} onChange={(event) => set('place', event.currentTarget.value)} error={error('place')} style={{ flex: '1 1 200px' }} />
        <TextInput label={t('meetings.link')} value={values.link} onChange={(event) => set('link', event.currentTarget.value)} error={error('link')} style={{ flex: '1 1 200px' }} />
      </Group>
      <Textarea label={t('meetings.attendees')} description={t('meetings.onePerLine')} value={values.attendees} onChange={(event) => set('attendees', event.currentTarget.value)} error={listError('attendees')} autosize minRows={2} required />
      <Textarea label={t('meetings.minutes')} value={values.minutes} onChange={(event) => set('minutes', event.currentTarget.value)} error={error('minutes')} autosize minRows={3} />
      <Textarea label={t('meetings.decisions')} description={t('meetings.onePerLine')} value={values.decisions} onChange={(event) => set('decisions', event.currentTarget.value)} error={listError('decisions')} autosize minRows={2} />
      <FollowUpRows rows={values.followUps} error={error} onChange={(followUps) => set('followUps', followUps)} />
      {isStale(mutation.error) ? <StaleAlert namespace="proposals" onReload={() => void reload()} isReloading={meetings.isFetching} /> : null}
      {!isStale(mutation.error) && (mutation.isError || form.hasErrors) ? (
        <Alert color="red" variant="light" role="alert">
          {form.hasErrors ? t('form.checkFields') : errorMessage(mutation.error)}
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
