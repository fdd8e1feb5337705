import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveFeedback } from '../../../components/save-feedback';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useMasterWrite, useRefetchMaster } from '../api/use-master-admin';
import { adminIssueMessage, adminServerErrors } from '../lib/form-errors';
import { MODAL_STYLES } from './modal-styles';
import { bodyOf, masterEntity, useFieldLabel, type FieldSpec, type FieldValue, type MasterEntity, type MasterRow } from './master-entities';

type FieldProps = { field: FieldSpec; entity: MasterEntity; value: FieldValue; error: string | undefined; isLocked: boolean; onChange: (value: FieldValue) => void };

function MasterField({ field, entity, value, error, isLocked, onChange }: FieldProps) {
  const { t } = useTranslation('admin');
  const label = useFieldLabel(entity.id)(field.name);
  const common = { label, error, required: field.isRequired, disabled: isLocked };
  switch (field.kind) {
    case 'number':
      return <NumberInput {...common} description={t('master.sortHint')} min={0} max={1000} allowDecimal={false} value={value ?? ''} onChange={(next) => onChange(next === '' ? null : Number(next))} />;
    case 'select':
      return <Select {...common} data={field.options ?? []} value={typeof value === 'string' ? value : null} onChange={onChange} allowDeselect={false} />;
    case 'code':
      return <TextInput {...common} description={isLocked ? t('master.codeLocked') : t('master.codeHint')} autoComplete="off" value={String(value ?? '')} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'text':
      return <TextInput {...common} autoComplete="off" value={String(value ?? '')} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
}

function initialValues(entity: MasterEntity, row: MasterRow | null): Record<string, FieldValue> {
  if (row) return { ...row.values };
  return Object.fromEntries(entity.fields.map((field) => [field.name, field.kind === 'number' ? null : field.kind === 'select' ? (field.options?.[0]?.value ?? null) : '']));
}

type Props = { entity: MasterEntity; row: MasterRow | null; onClose: () => void };

// Add (row null) or edit one OPD, sector, partner group or partner category, checked by the shared schema first.
export function MasterFormModal({ entity, row: initialRow, onClose }: Props) {
  const { t } = useTranslation('admin');
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const write = useMasterWrite();
  const refetch = useRefetchMaster();
  const [row, setRow] = useState(initialRow);
  const form = useSchemaForm({
    schema: row ? entity.updateSchema : entity.createSchema,
    defaultValues: initialValues(entity, initialRow),
    toBody: (values) => bodyOf(entity, values, row),
    messageOf: adminIssueMessage,
    serverErrorsOf: adminServerErrors(entity.fields.map((field) => field.name)),
  });

  const reload = async () => {
    const fresh = masterEntity(entity.id, await refetch()).rows.find((candidate) => candidate.key === row?.key) ?? null;
    setRow(fresh);
    form.reset(initialValues(entity, fresh));
    write.reset();
  };

  // The body is sent as bodyOf made it (the schema only checks it).
  const submit = form.submit((_checked, values) => {
    write.mutate(
      { method: row ? 'PATCH' : 'POST', path: row ? entity.updatePath(row) : entity.createPath, body: bodyOf(entity, values, row) },
      {
        onSuccess: () => {
          notifySuccess(t('master.saved', { name: String(values.name ?? '').trim() }));
          onClose();
        },
        onError: form.showServerErrors,
      },
    );
  });

  const title = row ? t(`master.${entity.id}.editTitle`, { name: row.display.name }) : t(`master.${entity.id}.add`);
  return (
    <Modal opened onClose={onClose} title={title} fullScreen={isPhone} size="lg" styles={MODAL_STYLES} closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SaveFeedback error={write.error} isFieldError={form.hasErrors} onReload={() => void reload()} />
          {entity.fields.map((field) => (
            <MasterField
              key={field.name}
              field={field}
              entity={entity}
              value={form.values[field.name] ?? null}
              error={form.error(field.name)}
              isLocked={row !== null && field.isCreateOnly === true}
              onChange={(value) => form.set(field.name, value)}
            />
          ))}
          <Group justify="flex-end" gap="xs" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
