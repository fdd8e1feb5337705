import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BUDGET_SOURCES, type BudgetSource, type CreatePlanInput, type InboxRow } from '../../../../shared/plans';
import { rupiahDigits } from '../../../lib/format';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { serverChecked, useSchemaForm } from '../../../lib/use-schema-form';
import { useCreatePlan } from '../api/plans-api';

type Draft = {
  title: string;
  taskId: string | null;
  budgetYear: number;
  programCode: string;
  kegiatanCode: string;
  subKegiatanCode: string;
  budgetAmount: string;
  budgetSource: BudgetSource;
  indicatorName: string;
  indicatorUnit: string;
  indicatorTarget: number | '';
  startMonth: string;
  endMonth: string;
};

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function initialDraft(row: InboxRow): Draft {
  return {
    title: '',
    taskId: row.tasks[0]?.id ?? null,
    budgetYear: new Date().getFullYear() + 1,
    programCode: '',
    kegiatanCode: '',
    subKegiatanCode: '',
    budgetAmount: '',
    budgetSource: 'APBD',
    indicatorName: '',
    indicatorUnit: '',
    indicatorTarget: '',
    startMonth: '',
    endMonth: '',
  };
}

function inputOf(row: InboxRow, draft: Draft): CreatePlanInput {
  return {
    agreementId: row.agreementId,
    taskId: draft.taskId,
    title: draft.title,
    budgetYear: draft.budgetYear,
    programCode: orNull(draft.programCode),
    kegiatanCode: orNull(draft.kegiatanCode),
    subKegiatanCode: orNull(draft.subKegiatanCode),
    budgetAmount: rupiahDigits(draft.budgetAmount),
    budgetSource: draft.budgetSource,
    indicators: draft.indicatorName.trim() ? [{ name: draft.indicatorName, unit: draft.indicatorUnit || '-', target: draft.indicatorTarget === '' ? 0 : draft.indicatorTarget }] : [],
    startMonth: orNull(draft.startMonth),
    endMonth: orNull(draft.endMonth),
  };
}

// A plan made from one agreement; its OPD is the user's own (the server decides, never the form).
export function PlanForm({ row, onDone }: { row: InboxRow; onDone: () => void }) {
  const { t } = useTranslation('plans');
  const create = useCreatePlan();
  const form = useSchemaForm({ schema: serverChecked<CreatePlanInput>(), defaultValues: initialDraft(row), toBody: (draft: Draft) => inputOf(row, draft) });
  const { values: draft, set, error } = form;
  const submit = form.submit((input) =>
    create.mutate(input, {
      onSuccess: () => {
        notifySuccess(t('plan.saved'));
        onDone();
      },
      onError: form.showServerErrors,
    }),
  );
  return (
    <Stack gap="xs">
      <TextInput label={t('plan.name')} required value={draft.title} onChange={(event) => set('title', event.currentTarget.value)} error={error('title')} />
      {row.tasks.length > 0 ? (
        <Select
          label={t('plan.task')}
          data={[{ value: '', label: t('plan.noTask') }, ...row.tasks.map((task) => ({ value: task.id, label: task.commitment }))]}
          value={draft.taskId ?? ''}
          onChange={(taskId) => set('taskId', taskId || null)}
          allowDeselect={false}
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <NumberInput label={t('plan.budgetYear')} required min={2000} max={2100} value={draft.budgetYear} onChange={(year) => set('budgetYear', typeof year === 'number' ? year : draft.budgetYear)} error={error('budgetYear')} />
        <TextInput label={t('plan.budgetAmount')} required inputMode="numeric" value={draft.budgetAmount} onChange={(event) => set('budgetAmount', event.currentTarget.value)} error={error('budgetAmount')} />
        <Select label={t('plan.budgetSource')} data={BUDGET_SOURCES.map((source) => ({ value: source, label: t(`plan.sources.${source}`) }))} value={draft.budgetSource} onChange={(source) => set('budgetSource', BUDGET_SOURCES.find((budgetSource) => budgetSource === source) ?? 'APBD')} allowDeselect={false} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput label={t('plan.programCode')} value={draft.programCode} onChange={(event) => set('programCode', event.currentTarget.value)} />
        <TextInput label={t('plan.kegiatanCode')} value={draft.kegiatanCode} onChange={(event) => set('kegiatanCode', event.currentTarget.value)} />
        <TextInput label={t('plan.subKegiatanCode')} value={draft.subKegiatanCode} onChange={(event) => set('subKegiatanCode', event.currentTarget.value)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput label={t('plan.indicator')} value={draft.indicatorName} onChange={(event) => set('indicatorName', event.currentTarget.value)} error={error('indicators.0.name')} />
        <TextInput label={t('plan.indicatorUnit')} value={draft.indicatorUnit} onChange={(event) => set('indicatorUnit', event.currentTarget.value)} />
        <NumberInput label={t('plan.indicatorTarget')} min={0} value={draft.indicatorTarget} onChange={(target) => set('indicatorTarget', typeof target === 'number' ? target : '')} error={error('indicators.0.target')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput type="month" label={t('plan.startMonth')} value={draft.startMonth} onChange={(event) => set('startMonth', event.currentTarget.value)} error={error('startMonth')} />
        <TextInput type="month" label={t('plan.endMonth')} value={draft.endMonth} onChange={(event) => set('endMonth', event.currentTarget.value)} error={error('endMonth')} />
      </SimpleGrid>
      {create.error ? (
        <Alert color="red" role="alert">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={submit} loading={create.isPending}>
          {t('plan.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('plan.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
