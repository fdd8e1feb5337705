import { ActionIcon, Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconInfoCircle, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '../../../../shared/agreements';
import type { OpportunityInput, PackageView, SavePackageInput, TaskInput } from '../../../../shared/dissemination';
import { useMasterData } from '../../../lib/master-data';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useAgreementDocuments } from '../../../lib/shared-agreement-queries';
import { serverChecked, useSchemaForm } from '../../../lib/use-schema-form';
import { useSavePackage } from '../api/dissemination-api';
import { prefillSummary } from '../lib/prefill';
import { OpportunityFields } from './opportunity-fields';
import { PackageListSection, PackageSection } from './package-section';

function initialValue(pkg: PackageView | null): SavePackageInput {
  if (!pkg) return { summaryWhat: '', summaryWithWhom: '', summaryUntil: '', summaryWhy: '', tasks: [], opportunities: [], publicDocumentIds: [] };
  return {
    summaryWhat: pkg.summaryWhat ?? '',
    summaryWithWhom: pkg.summaryWithWhom ?? '',
    summaryUntil: pkg.summaryUntil ?? '',
    summaryWhy: pkg.summaryWhy ?? '',
    // Tasks keep their id, so that an edit after publication keeps the tasks OPDs acknowledged.
    tasks: pkg.tasks.map(({ id, unitId, commitment, dueOn }) => ({ id, unitId, commitment, dueOn })),
    opportunities: pkg.opportunities.map(({ applyClicks: _clicks, ...opportunity }) => opportunity),
    publicDocumentIds: pkg.publicDocumentIds,
    version: pkg.version,
  };
}

const blankOpportunity = (): OpportunityInput => ({ type: 'pembiayaan', title: '', sectorCodes: [] });
const orNull = (text: string | null | undefined) => (text && text.trim() !== '' ? text : null);

function bodyOf(value: SavePackageInput): SavePackageInput {
  return {
    ...value,
    summaryWhat: orNull(value.summaryWhat),
    summaryWithWhom: orNull(value.summaryWithWhom),
    summaryUntil: orNull(value.summaryUntil),
    summaryWhy: orNull(value.summaryWhy),
    tasks: value.tasks.map((task) => ({ ...task, dueOn: orNull(task.dueOn) })),
  };
}

type PackageEditorProps = {
  agreementId: string;
  pkg: PackageView | null;
  // The register's partners and end date, to start an empty summary with.
  agreement?: Pick<AgreementView, 'partners' | 'endsOn'>;
  // Given when the package is published: the editor is opened on request and closed after saving.
  onClose?: () => void;
};

// The division's editor: the summary in plain words, tasks per OPD, opportunities, public documents.
// The same editor prepares a package and, for the admin, corrects it once published.
export function PackageEditor({ agreementId, pkg, agreement, onClose }: PackageEditorProps) {
  const { t, i18n } = useTranslation('dissemination');
  const master = useMasterData();
  const documents = useAgreementDocuments(agreementId);
  const save = useSavePackage(agreementId);
  // The checks need the agreement and its OPDs: the server makes them. A newer version from the
  // server (after a save or an action) replaces the form.
  // A package being prepared starts from what the register knows; a published one shows what went out.
  const startOf = (current: PackageView | null) => (current?.status === 'published' ? initialValue(current) : prefillSummary(initialValue(current), agreement, { language: i18n.language, untilWord: t('summary.untilWord') }));
  const form = useSchemaForm({ schema: serverChecked<SavePackageInput>(), defaultValues: startOf(pkg), values: pkg ? startOf(pkg) : undefined, toBody: bodyOf });
  const { values: value, set, error } = form;
  const isPublished = pkg?.status === 'published';
  const units = (master.data?.units ?? []).filter((unit) => unit.isActive).map((unit) => ({ value: unit.id, label: unit.name }));
  const setTask = (index: number, patch: Partial<TaskInput>) => set('tasks', value.tasks.map((task, i) => (i === index ? { ...task, ...patch } : task)));
  const submit = form.submit((body) =>
    save.mutate(body, {
      onSuccess: () => {
        notifySuccess(t(isPublished ? 'page.changed' : 'page.saved'));
        onClose?.();
      },
      onError: form.showServerErrors,
    }),
  );
  return (
    <Stack gap="md">
      {isPublished ? (
        <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('editor.publishedNote')}
        </Alert>
      ) : null}
      <PackageSection title={t('summary.title')}>
        <Stack gap="xs">
          <Textarea label={t('summary.what')} value={value.summaryWhat ?? ''} onChange={(event) => set('summaryWhat', event.currentTarget.value)} error={error('summaryWhat')} autosize minRows={2} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput label={t('summary.withWhom')} value={value.summaryWithWhom ?? ''} onChange={(event) => set('summaryWithWhom', event.currentTarget.value)} />
            <TextInput label={t('summary.until')} value={value.summaryUntil ?? ''} onChange={(event) => set('summaryUntil', event.currentTarget.value)} />
          </SimpleGrid>
          <Textarea label={t('summary.why')} value={value.summaryWhy ?? ''} onChange={(event) => set('summaryWhy', event.currentTarget.value)} autosize minRows={2} />
        </Stack>
      </PackageSection>

      <PackageListSection
        title={t('tasks.title')}
        isEmpty={value.tasks.length === 0}
        emptyText={t('tasks.none')}
        addLabel={t('tasks.add')}
        onAdd={() => set('tasks', [...value.tasks, { unitId: '', commitment: '', dueOn: null }])}
      >
        {value.tasks.map((task, index) => (
          <Group key={index} align="flex-end" gap="xs" wrap="wrap" data-testid={`task-${index}`}>
            <Select label={t('tasks.unit')} data={units} value={task.unitId || null} onChange={(unitId) => setTask(index, { unitId: unitId ?? '' })} searchable error={error(`tasks.${index}.unitId`)} style={{ flex: '1 1 220px' }} />
            <TextInput label={t('tasks.commitment')} value={task.commitment} onChange={(event) => setTask(index, { commitment: event.currentTarget.value })} error={error(`tasks.${index}.commitment`)} style={{ flex: '2 1 260px' }} />
            <TextInput type="date" label={t('tasks.dueOn')} value={task.dueOn ?? ''} onChange={(event) => setTask(index, { dueOn: event.currentTarget.value })} style={{ flex: '0 1 160px' }} />
            <ActionIcon variant="subtle" color="red" mb={4} aria-label={t('tasks.remove')} onClick={() => set('tasks', value.tasks.filter((_, i) => i !== index))}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </PackageListSection>

      <PackageListSection
        title={t('opportunities.title')}
        isEmpty={value.opportunities.length === 0}
        emptyText={t('opportunities.none')}
        addLabel={t('opportunities.add')}
        onAdd={() => set('opportunities', [...value.opportunities, blankOpportunity()])}
      >
        {value.opportunities.map((opportunity, index) => (
          <OpportunityFields
            key={opportunity.id ?? `new-${index}`}
            index={index}
            value={opportunity}
            error={error}
            onChange={(next) => set('opportunities', value.opportunities.map((item, i) => (i === index ? next : item)))}
            onRemove={() => set('opportunities', value.opportunities.filter((_, i) => i !== index))}
          />
        ))}
      </PackageListSection>

      <PackageSection title={t('documents.title')}>
        {(documents.data ?? []).length === 0 ? <Text c="dimmed">{t('documents.none')}</Text> : null}
        <Stack gap={4}>
          {(documents.data ?? []).map((document) => (
            <Checkbox
              key={document.id}
              label={document.fileName}
              checked={value.publicDocumentIds.includes(document.id)}
              onChange={(event) => {
                const ids = value.publicDocumentIds;
                set('publicDocumentIds', event.currentTarget.checked ? [...ids, document.id] : ids.filter((id) => id !== document.id));
              }}
            />
          ))}
        </Stack>
      </PackageSection>

      {save.error ? (
        <Alert color="red" role="alert">
          {errorMessage(save.error)}
        </Alert>
      ) : null}
      <Group>
        <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={submit} loading={save.isPending}>
          {isPublished ? t('editor.saveChanges') : pkg ? t('editor.save') : t('editor.create')}
        </Button>
        {onClose ? (
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('editor.cancel')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
