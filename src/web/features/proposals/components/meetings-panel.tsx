import { Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../../shared/proposal-reviews';
import { formatDate, formatDateTime } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useMeetings } from '../api/proposal-process';
import { MeetingForm } from './meeting-form';

function MeetingItem({ meeting, onEdit }: { meeting: MeetingView; onEdit: (() => void) | undefined }) {
  const { t, i18n } = useTranslation('proposals');
  const when = formatDateTime(meeting.heldAt, i18n.language);
  return (
    <Box style={{ borderLeft: '3px solid #dee2e6', paddingLeft: 10 }}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text fw={600} fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {when} · {meeting.place ?? meeting.link}
        </Text>
        {onEdit ? (
          <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit} aria-label={t('meetings.editLabel', { when })} style={{ flexShrink: 0 }}>
            {t('meetings.edit')}
          </Button>
        ) : null}
      </Group>
      <Text fz="xs" c="dimmed">
        {t('meetings.attendees')}: {meeting.attendees.map((attendee) => attendee.name).join(', ')}
      </Text>
      {meeting.minutes ? (
        <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
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
      {meeting.followUps.length > 0 ? (
        <>
          <Text fz="xs" fw={600} mt={6}>
            {t('meetings.followUps')}
          </Text>
          <Box component="ul" m={0} pl="md">
            {meeting.followUps.map((item, index) => (
              // Follow-ups have no id; their position within the meeting identifies them.
              <li key={index}>
                <Text fz="sm">
                  {item.text} — {item.owner}
                  {item.dueDate ? ` · ${t('meetings.dueOn', { date: formatDate(item.dueDate, i18n.language) })}` : ''} · {item.done ? t('meetings.followUpDone') : t('meetings.followUpOpen')}
                </Text>
              </li>
            ))}
          </Box>
        </>
      ) : null}
    </Box>
  );
}

// Discussion meetings (rapat pembahasan) with the initiator and the TKKSD. Who may record and edit
// them (the division, the reviewers assigned to the proposal) is the server's answer.
export function MeetingsPanel({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('proposals');
  const meetings = useMeetings(proposalId);
  const [editingId, setEditingId] = useState<string | null>(null);
  const items = meetings.data?.items ?? [];
  const canRecord = meetings.data?.canRecord ?? false;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="meetings-heading">
      <Title order={2} fz="md" mb="sm" id="meetings-heading">
        {t('meetings.title')}
      </Title>
      {meetings.isError ? <Text c="dimmed">{errorMessage(meetings.error)}</Text> : null}
      {meetings.isSuccess && items.length === 0 ? <Text c="dimmed">{t('meetings.empty')}</Text> : null}
      <Stack gap="md" mb={canRecord ? 'lg' : 0}>
        {items.map((meeting) =>
          canRecord && editingId === meeting.id ? (
            <Box key={meeting.id} style={{ borderLeft: '3px solid var(--mantine-primary-color-filled)', paddingLeft: 10 }}>
              <MeetingForm proposalId={proposalId} meeting={meeting} onDone={() => setEditingId(null)} />
            </Box>
          ) : (
            <MeetingItem key={meeting.id} meeting={meeting} onEdit={canRecord ? () => setEditingId(meeting.id) : undefined} />
          ),
        )}
      </Stack>
      {canRecord && editingId === null ? <MeetingForm proposalId={proposalId} /> : null}
    </Paper>
  );
}
