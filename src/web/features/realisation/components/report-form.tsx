import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetSource } from '../../../../shared/plans';
import { COMPLETIONS, CreateReportSchema, LIMITS, UpdateReportSchema, type CreateReportInput, type ReportView, type UpdateReportInput } from '../../../../shared/realisation';
import { SaveFeedback } from '../../../components/save-feedback';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useSaveReport, type SaveReportRequest } from '../api/realisation-api';
import { createBodyOf, draftOf, emptyDraft, updateBodyOf, type ReportDraft } from '../lib/report-draft';
import { BeneficiaryRows } from './beneficiary-rows';
import { FundRows } from './fund-rows';

// A new report for a plan and period, or the changes to a draft or returned one.
export type ReportTarget = { kind: 'create'; planId: string; period: string } | { kind: 'update'; report: ReportView };

type Props = {
  target: ReportTarget;
  planned: { amount: string; source: BudgetSource };
  onSaved: (report: ReportView) => void;
  onReload: () => void;
  // The evidence, shown last before the buttons: on a phone the liaison uploads, then sends.
  evidence: ReactNode;
};

type Body = CreateReportInput | UpdateReportInput;

function requestOf(target: ReportTarget, body: Body, submit: boolean): SaveReportRequest {
  if (target.kind === 'create') return { kind: 'create', planId: target.planId, body: body as CreateReportInput, submit };
  return { kind: 'update', reportId: target.report.id, body: body as UpdateReportInput, submit };
}

// The shared schema checks the form in the browser as the server will (decision 0013); what needs
// the database (the period's window, a source listed twice) comes back from the server under its field.
function useReportForm(target: ReportTarget, planned: { source: BudgetSource }) {
  return useSchemaForm<ReportDraft, Body>({
    schema: { safeParse: (value) => (target.kind === 'create' ? CreateReportSchema.safeParse(value) : UpdateReportSchema.safeParse(value)) },
    defaultValues: target.kind === 'create' ? emptyDraft(planned.source) : draftOf(target.report),
    values: target.kind === 'update' ? draftOf(target.report) : undefined,
    toBody: (draft) => (target.kind === 'create' ? createBodyOf(draft, target.period) : updateBodyOf(draft, target.report.version)),
    focusOnError: true,
  });
}

export function ReportForm({ target, planned, onSaved, onReload, evidence }: Props) {
  const { t } = useTranslation('realisation');
  const save = useSaveReport();
  const [isFieldError, setFieldError] = useState(false);
  const form = useReportForm(target, planned);
  const { values: draft, set, error } = form;
  const run = (submit: boolean) =>
    form.submit((body) => {
      setFieldError(false);
      save.mutate(requestOf(target, body, submit), {
        onSuccess: (report) => {
          notifySuccess(t(submit ? 'form.submitted' : 'form.saved'));
          onSaved(report);
        },
        onError: (failure) => setFieldError(form.showServerErrors(failure)),
      });
    });
  const text = (name: 'location' | 'startedOn' | 'endedOn', extra: { type?: string; maxLength?: number } = {}) => (
    <TextInput label={t(`form.${name}`)} value={draft[name]} onChange={(event) => set(name, event.currentTarget.value)} error={error(name)} {...extra} />
  );
  const longText = (name: 'summary' | 'outputs' | 'obstaclesInternal' | 'obstaclesExternal' | 'followUp', required = false) => (
    <Textarea label={t(`form.${name}`)} required={required} autosize minRows={2} maxLength={LIMITS.longText} value={draft[name]} onChange={(event) => set(name, event.currentTarget.value)} error={error(name)} />
  );
  return (
    <form onSubmit={run(false)} noValidate>
      <Stack gap="md">
        <Fieldset legend={t('form.activity')}>
          <Stack gap="xs">
            {longText('summary', true)}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {text('startedOn', { type: 'date' })}
              {text('endedOn', { type: 'date' })}
            </SimpleGrid>
            {text('location', { maxLength: LIMITS.location })}
            {longText('outputs')}
            <Select
              label={t('form.completion')}
              data={COMPLETIONS.map((completion) => ({ value: completion, label: t(`completion.${completion}`) }))}
              value={draft.completion}
              onChange={(completion) => set('completion', COMPLETIONS.find((candidate) => candidate === completion) ?? draft.completion)}
              allowDeselect={false}
              error={error('completion')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('form.beneficiaries')}>
          <BeneficiaryRows rows={draft.beneficiaries} onChange={(rows) => set('beneficiaries', rows)} error={error} />
        </Fieldset>
        <Fieldset legend={t('form.funds')}>
          <FundRows rows={draft.funds} onChange={(rows) => set('funds', rows)} error={error} planned={planned} />
        </Fieldset>
        <Fieldset legend={t('form.obstacles')}>
          <Stack gap="xs">
            {longText('obstaclesInternal')}
            {longText('obstaclesExternal')}
            {longText('followUp')}
          </Stack>
        </Fieldset>
        {evidence}
        <SaveFeedback error={save.error} isFieldError={isFieldError} onReload={onReload} />
        <Group gap="xs">
          <Button type="submit" variant="default" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={save.isPending && !save.variables.submit}>
            {t('form.saveDraft')}
          </Button>
          <Button onClick={run(true)} leftSection={<IconSend size={18} aria-hidden />} loading={save.isPending && save.variables.submit}>
            {t('form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
