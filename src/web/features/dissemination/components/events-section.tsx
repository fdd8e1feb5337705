import { Anchor, Button, Card, FileInput, Group, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPhoto, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventInput } from '../../../../shared/dissemination';
import { formatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { serverChecked, useSchemaForm } from '../../../lib/use-schema-form';
import { useCreateEvent, useEvents } from '../api/dissemination-api';

type Values = EventInput & { photos: File[] };
const EMPTY: Values = { heldOn: '', place: '', audience: null, attendees: null, minutes: null, photos: [] };

// The event is saved first, then its photos one by one; the server checks both.
function EventForm({ agreementId, onDone }: { agreementId: string; onDone: () => void }) {
  const { t } = useTranslation('dissemination');
  const create = useCreateEvent(agreementId);
  const form = useSchemaForm({
    schema: serverChecked<{ input: EventInput; photos: File[] }>(),
    defaultValues: EMPTY,
    toBody: ({ photos, ...input }: Values) => ({ input, photos }),
  });
  const { values: value, set, error } = form;
  const submit = form.submit((body) =>
    create.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('events.saved'));
        onDone();
      },
      onError: (failure) => {
        form.showServerErrors(failure);
        notifyError(failure);
      },
    }),
  );
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput type="date" label={t('events.heldOn')} required value={value.heldOn} onChange={(event) => set('heldOn', event.currentTarget.value)} error={error('heldOn')} />
        <TextInput label={t('events.place')} required value={value.place} onChange={(event) => set('place', event.currentTarget.value)} error={error('place')} />
        <NumberInput label={t('events.attendees')} min={0} value={value.attendees ?? ''} onChange={(count) => set('attendees', typeof count === 'number' ? count : null)} error={error('attendees')} />
      </SimpleGrid>
      <TextInput label={t('events.audience')} value={value.audience ?? ''} onChange={(event) => set('audience', event.currentTarget.value || null)} />
      <Textarea label={t('events.minutes')} value={value.minutes ?? ''} onChange={(event) => set('minutes', event.currentTarget.value || null)} autosize minRows={2} />
      <FileInput label={t('events.photos')} multiple accept="image/jpeg,image/png" value={value.photos} onChange={(photos) => set('photos', photos)} leftSection={<IconPhoto size={16} aria-hidden />} error={error('file')} clearable />
      <Group>
        <Button onClick={submit} loading={create.isPending}>
          {t('events.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function EventsSection({ agreementId, canRecord }: { agreementId: string; canRecord: boolean }) {
  const { t, i18n } = useTranslation('dissemination');
  const events = useEvents(agreementId);
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('events.title')}
        </Title>
        {canRecord && !adding ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('events.add')}
          </Button>
        ) : null}
      </Group>
      {adding ? <EventForm agreementId={agreementId} onDone={() => setAdding(false)} /> : null}
      {(events.data ?? []).length === 0 && !adding ? <Text c="dimmed">{t('events.none')}</Text> : null}
      <Stack gap="sm" mt={adding ? 'md' : 0}>
        {(events.data ?? []).map((event) => (
          <div key={event.id}>
            <Text fw={600}>
              {formatDate(event.heldOn, i18n.language)} · {event.place}
            </Text>
            <Text size="sm" c="dimmed">
              {[event.audience, event.attendees !== null && event.attendees !== undefined ? t('events.attendeesCount', { count: event.attendees }) : null].filter(Boolean).join(' · ')}
            </Text>
            {event.minutes ? <Text size="sm">{event.minutes}</Text> : null}
            <Group gap="xs">
              {event.photos.map((photo) => (
                <Anchor key={photo.id} href={`/api/dissemination-photos/${photo.id}`} target="_blank" size="sm">
                  {photo.fileName}
                </Anchor>
              ))}
            </Group>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
