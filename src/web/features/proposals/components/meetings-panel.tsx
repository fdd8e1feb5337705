import { Alert, Box, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateMeetingSchema, type CreateMeetingInput } from '../../../../shared/proposal-reviews';
import { formatDateTime } from '../../../lib/format';
import { pickLanguage } from '../../../lib/form-errors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useCreateMeeting, useMeetings } from '../api/proposal-process';

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

// A local date-time typed in Ternate (WIT, UTC+9) as an instant.
function heldAtOf(local: string): string {
  return local ? `${local}:00+09:00` : '';
}

function MeetingForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('proposals');
  const create = useCreateMeeting(proposalId);
  const [form, setForm] = useState({ heldAt: '', place: '', link: '', attendees: '', minutes: '', decisions: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const save = () => {
    const body: CreateMeetingInput = {
      heldAt: heldAtOf(form.heldAt),
      place: form.place.trim() || null,
      link: form.link.trim() || null,
      attendees: lines(form.attendees).map((name) => ({ name })),
      minutes: form.minutes.trim() || null,
      decisions: lines(form.decisions),
    };
    const parsed = CreateMeetingSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(issue ? `${issue.path.join('.')}: ${pickLanguage(issue.message)}` : null);
      return;
    }
    setProblem(null);
    create.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('meetings.saved'));
        setForm({ heldAt: '', place: '', link: '', attendees: '', minutes: '', decisions: '' });
      },
    });
  };
  return (
    <Stack gap="sm">
      <Title order={3} fz="sm">
        {t('meetings.new')}
      </Title>
      <Group gap="sm" wrap="wrap" align="flex-start">
        <TextInput type="datetime-local" label={t('meetings.heldAt')} value={form.heldAt} onChange={(event) => set({ heldAt: event.currentTarget.value })} required w={{ base: '100%', xs: 240 }} />
        <TextInput label={t('meetings.place')} value={form.place} onChange={(event) => set({ place: event.currentTarget.value })} style={{ flex: '1 1 200px' }} />
        <TextInput label={t('meetings.link')} value={form.link} onChange={(event) => set({ link: event.currentTarget.value })} style={{ flex: '1 1 200px' }} />
      </Group>
      <Textarea label={t('meetings.attendees')} description={t('meetings.onePerLine')} value={form.attendees} onChange={(event) => set({ attendees: event.currentTarget.value })} autosize minRows={2} required />
      <Textarea label={t('meetings.minutes')} value={form.minutes} onChange={(event) => set({ minutes: event.currentTarget.value })} autosize minRows={3} />
      <Textarea label={t('meetings.decisions')} description={t('meetings.onePerLine')} value={form.decisions} onChange={(event) => set({ decisions: event.currentTarget.value })} autosize minRows={2} />
      {problem || create.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problem ?? errorMessage(create.error)}
        </Alert>
      ) : null}
      <Button onClick={save} loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('meetings.save')}
      </Button>
    </Stack>
  );
}

// Discussion meetings (rapat pembahasan) with the initiator and the TKKSD.
export function MeetingsPanel({ proposalId, canRecord }: { proposalId: string; canRecord: boolean }) {
  const { t, i18n } = useTranslation('proposals');
  const meetings = useMeetings(proposalId);
  const items = meetings.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="meetings-heading">
      <Title order={2} fz="md" mb="sm" id="meetings-heading">
        {t('meetings.title')}
      </Title>
      {meetings.isError ? <Text c="dimmed">{errorMessage(meetings.error)}</Text> : null}
      {meetings.isSuccess && items.length === 0 ? <Text c="dimmed">{t('meetings.empty')}</Text> : null}
      <Stack gap="md" mb={canRecord ? 'lg' : 0}>
        {items.map((meeting) => (
          <Box key={meeting.id} style={{ borderLeft: '3px solid #dee2e6', paddingLeft: 10 }}>
            <Text fw={600} fz="sm">
              {formatDateTime(meeting.heldAt, i18n.language)} · {meeting.place ?? meeting.link}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('meetings.attendees')}: {meeting.attendees.map((attendee) => attendee.name).join(', ')}
            </Text>
            {meeting.minutes ? (
              <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {meeting.minutes}
              </Text>
            ) : null}
            {meeting.decisions.length > 0 ? (
              <Box component="ul" m={0} mt={4} pl="md">
                {meeting.decisions.map((decision) => (
                  <li key={decision}>
                    <Text fz="sm">{decision}</Text>
                  </li>
                ))}
              </Box>
            ) : null}
          </Box>
        ))}
      </Stack>
      {canRecord ? <MeetingForm proposalId={proposalId} /> : null}
    </Paper>
  );
}
