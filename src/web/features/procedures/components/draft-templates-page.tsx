import { ActionIcon, Badge, Button, Group, List, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_TYPES, UpdateDraftTemplateSchema, type DraftTemplateSection, type DraftTemplateView, type DraftType } from '../../../../shared/proposal-signing';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { ErrorAlert, SaveFeedback } from '../../../components/save-feedback';
import { SaveFooter } from '../../../components/save-footer';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useDraftTemplate, useUpdateDraftTemplate } from '../api/use-procedures';

type Draft = { title: string; sections: DraftTemplateSection[] };

const draftOf = (template: DraftTemplateView): Draft => ({ title: template.title, sections: template.sections });

function TemplateForm({ type, template, onReload }: { type: DraftType; template: DraftTemplateView; onReload: () => Promise<void> }) {
  const { t, i18n } = useTranslation('procedures');
  const english = i18n.language.startsWith('en');
  const save = useUpdateDraftTemplate(type);
  const form = useSchemaForm({
    schema: UpdateDraftTemplateSchema,
    defaultValues: draftOf(template),
    toBody: (draft) => ({ ...draft, version: template.version }),
  });
  const draft = form.values;
  const setSections = (sections: DraftTemplateSection[]) => form.set('sections', sections);
  // A refusal (an unknown placeholder, a missing PKS section) comes back as one message that names it.
  const submit = form.submit((input) => save.mutate(input, { onSuccess: () => notifySuccess(t('templates.saved')) }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={960}>
        <SaveFeedback error={save.error} isFieldError={false} onReload={() => void onReload()} />
        <Paper withBorder radius="md" p="sm">
          <Title order={2} fz="h5" mb="xs">
            {t('templates.placeholders')}
          </Title>
          <Group gap={6} wrap="wrap">
            {template.placeholders.map((placeholder) => (
              <Badge key={placeholder.name} variant="light" tt="none" title={english ? placeholder.labelEn : placeholder.label}>
                {`{{${placeholder.name}}}`}
              </Badge>
            ))}
          </Group>
          {template.requiredSections.length > 0 ? (
            <>
              <Text fz="sm" mt="sm">
                {t('templates.required')}
              </Text>
              <List size="sm">
                {template.requiredSections.map((section) => (
                  <List.Item key={section.heading}>{english ? section.headingEn : section.heading}</List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Paper>
        <TextInput label={t('templates.title_')} value={draft.title} required error={form.error('title')} onChange={(event) => form.set('title', event.currentTarget.value)} />
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('templates.sections')}>
          {draft.sections.map((section, index) => (
            <Paper key={index} component="li" withBorder radius="md" p="sm">
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('templates.heading', { n: index + 1 })}
                  value={section.heading}
                  error={form.error(`sections.${String(index)}.heading`)}
                  onChange={(event) => setSections(draft.sections.map((current, at) => (at === index ? { ...current, heading: event.currentTarget.value } : current)))}
                />
                <ActionIcon variant="default" size="lg" onClick={() => setSections(draft.sections.filter((_, at) => at !== index))} disabled={draft.sections.length <= 1} aria-label={t('templates.remove', { n: index + 1 })}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              <Textarea
                mt="xs"
                label={t('templates.body', { n: index + 1 })}
                autosize
                minRows={3}
                value={section.body}
                error={form.error(`sections.${String(index)}.body`)}
                onChange={(event) => setSections(draft.sections.map((current, at) => (at === index ? { ...current, body: event.currentTarget.value } : current)))}
              />
            </Paper>
          ))}
        </Stack>
        <SaveFooter namespace="procedures" updatedAt={template.updatedAt} version={template.version} isSaving={save.isPending}>
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setSections([...draft.sections, { heading: t('templates.newHeading'), body: '' }])}>
            {t('templates.add')}
          </Button>
        </SaveFooter>
      </Stack>
    </form>
  );
}

// The wording Jalin puts into the editable DOCX drafts of a KB, a PKS or an NK.
export function DraftTemplatesPage() {
  const { t } = useTranslation('procedures');
  const [type, setType] = useState<DraftType>('kb');
  const template = useDraftTemplate(type);
  return (
    <>
      <PageHeader title={t('templates.pageTitle')} description={t('templates.intro', { example: '{{judul}}' })} />
      <SegmentedControl mb="md" value={type} onChange={(value) => setType(value)} data={DRAFT_TYPES.map((value) => ({ value, label: value.toUpperCase() }))} aria-label={t('templates.type')} />
      {template.isPending ? <PageLoader /> : null}
      <ErrorAlert error={template.error} />
      {template.data ? (
        <TemplateForm key={`${type}-${String(template.data.version)}`} type={type} template={template.data} onReload={async () => {
            await template.refetch();
          }} />
      ) : null}
    </>
  );
}
