import { Alert, Button, Paper, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COOPERATION_KINDS, type CooperationKind } from '../../../../shared/agreement-codes';
import { systemStageUse, UpdateProcedureSchema, type ProcedureStage, type ProcedureView, type SystemStageUse } from '../../../../shared/procedures';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { moveItem } from '../../../lib/lists';
import { ErrorAlert, SaveFeedback } from '../../../components/save-feedback';
import { SaveFooter } from '../../../components/save-footer';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useProcedure, useUpdateProcedure } from '../api/use-procedures';
import { StageEditor } from './stage-editor';

// systemUse is fixed when the procedure loads, so a new stage given such a code stays editable.
type DraftStage = ProcedureStage & { systemUse: SystemStageUse | null };
type Draft = { name: string; description: string | null; stages: DraftStage[] };

const draftOf = (procedure: ProcedureView): Draft => ({
  name: procedure.name,
  description: procedure.description,
  stages: procedure.stages.map((stage) => ({ ...stage, systemUse: systemStageUse(procedure.kind, stage.code) })),
});

function ProcedureForm({ kind, procedure, onReload }: { kind: CooperationKind; procedure: ProcedureView; onReload: () => Promise<void> }) {
  const { t } = useTranslation('procedures');
  const save = useUpdateProcedure(kind);
  // The stage schema strips systemUse.
  const form = useSchemaForm({ schema: UpdateProcedureSchema, defaultValues: draftOf(procedure), toBody: (draft: Draft) => ({ ...draft, version: procedure.version }) });
  const draft = form.values;
  const setStages = (stages: DraftStage[]) => form.set('stages', stages);
  const submit = form.submit((input) =>
    save.mutate(input, {
      onSuccess: (saved) => {
        form.reset(draftOf(saved));
        notifySuccess(t('saved', { kind }));
      },
      onError: form.showServerErrors,
    }),
  );
  const addStage = () =>
    setStages([
      ...draft.stages.slice(0, -1),
      { code: `tahap_${String(draft.stages.length + 1)}`, name: t('stage.newName'), description: null, requiredDocTypes: { opd: [], external: [] }, targetDays: 14, isDprdApproval: false, systemUse: null },
      ...draft.stages.slice(-1),
    ]);
  const fieldErrors = form.hasErrors;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={960}>
        <SaveFeedback error={save.error} isFieldError={fieldErrors} onReload={() => void onReload()} />
        {fieldErrors ? (
          <Alert color="red" variant="light" role="alert">
            {form.errorMessages().join(' · ')}
          </Alert>
        ) : null}
        <Paper withBorder radius="md" p="sm">
          <Stack gap="xs">
            <TextInput label={t('name')} value={draft.name} required error={form.error('name')} onChange={(event) => form.set('name', event.currentTarget.value)} />
            <Textarea label={t('description')} autosize minRows={2} value={draft.description ?? ''} onChange={(event) => form.set('description', event.currentTarget.value || null)} />
          </Stack>
        </Paper>
        <Text fz="sm" c="dimmed">
          {t('stagesHint')}
        </Text>
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('stagesLabel')}>
          {draft.stages.map((stage, index) => (
            <StageEditor
              key={index}
              stage={stage}
              systemUse={stage.systemUse}
              index={index}
              count={draft.stages.length}
              error={form.error}
              onChange={(next) => setStages(draft.stages.map((current, at) => (at === index ? { ...next, systemUse: current.systemUse } : current)))}
              onMove={(offset) => setStages(moveItem(draft.stages, index, index + offset))}
              onRemove={() => setStages(draft.stages.filter((_, at) => at !== index))}
            />
          ))}
        </Stack>
        <SaveFooter namespace="procedures" updatedAt={procedure.updatedAt} version={procedure.version} isSaving={save.isPending}>
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={addStage}>
            {t('addStage')}
          </Button>
        </SaveFooter>
      </Stack>
    </form>
  );
}

// The procedure of each kind of cooperation is data: the division edits it here, and the public
// guide and the proposal screens follow it.
export function ProceduresPage() {
  const { t } = useTranslation('procedures');
  const [kind, setKind] = useState<CooperationKind>('KSDD');
  const procedure = useProcedure(kind);
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <SegmentedControl mb="md" value={kind} onChange={(value) => setKind(value)} data={[...COOPERATION_KINDS]} aria-label={t('kind')} />
      {procedure.isPending ? <PageLoader /> : null}
      <ErrorAlert error={procedure.error} />
      {procedure.data ? (
        // Keyed by kind and version: switching kind or reloading after a conflict starts from the saved values.
        <ProcedureForm key={`${kind}-${String(procedure.data.version)}`} kind={kind} procedure={procedure.data} onReload={async () => {
            await procedure.refetch();
          }} />
      ) : null}
    </>
  );
}
