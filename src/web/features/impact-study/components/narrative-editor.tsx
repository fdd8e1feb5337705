import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPACT_NARRATIVE_LENGTH, type ImpactStudyView } from '../../../../shared/impact-study';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useResetNarrative, useSaveNarrative } from '../api/use-impact-study';

// The narrative as it will be exported: the writer's saved edit, else the one generated from the
// figures. Readers without the right to edit see the text only.
export function NarrativeEditor({ study }: { study: ImpactStudyView }) {
  const { t, i18n } = useTranslation('impact-study');
  const current = study.narrative.edited ?? study.narrative.generated;
  const [text, setText] = useState(current);
  const save = useSaveNarrative();
  const reset = useResetNarrative();
  // A saved, reset or refreshed narrative replaces what the field shows (adjusted while rendering).
  const [shownFor, setShownFor] = useState(current);
  if (shownFor !== current) {
    setShownFor(current);
    setText(current);
  }
  const range = { from: study.from, to: study.to };
  const isEdited = study.narrative.edited !== null;
  const isDirty = text !== current;
  const onSave = () => save.mutate({ ...range, narrative: text }, { onSuccess: () => notifySuccess(t('narrative.saved')), onError: notifyError });
  const onReset = () => reset.mutate({ ...range, narrative: null }, { onSuccess: () => notifySuccess(t('narrative.resetDone')), onError: notifyError });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="impact-narrative">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4" id="impact-narrative">
          {t('narrative.title')}
        </Title>
        <Badge variant="light" color={isEdited ? 'grape' : 'gray'}>
          {isEdited ? t('narrative.edited') : t('narrative.generated')}
        </Badge>
      </Group>
      {isEdited && study.narrative.updatedAt ? (
        <Text fz="sm" c="dimmed" mb="xs">
          {t('narrative.editedBy', { name: study.narrative.updatedByName ?? '–', at: formatDateTime(study.narrative.updatedAt, i18n.language) })}
        </Text>
      ) : null}
      {study.canEdit ? (
        <Stack gap="sm">
          <Textarea
            label={t('narrative.label')}
            description={t('narrative.help')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={24}
            maxLength={MAX_IMPACT_NARRATIVE_LENGTH}
          />
          <Group gap="sm">
            <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={onSave} loading={save.isPending} disabled={!isDirty || text.trim().length === 0}>
              {t('narrative.save')}
            </Button>
            <Button variant="default" leftSection={<IconRestore size={18} aria-hidden />} onClick={onReset} loading={reset.isPending} disabled={!isEdited}>
              {t('narrative.reset')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="xs">
          {current.split(/\n\s*\n/).map((paragraph, index) => (
            <Text key={index}>{paragraph}</Text>
          ))}
          <Alert variant="light" color="gray">
            {t('narrative.readOnly')}
          </Alert>
        </Stack>
      )}
    </Paper>
  );
}
