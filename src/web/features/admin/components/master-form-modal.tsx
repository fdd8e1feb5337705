import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveFeedback } from '../../../components/save-feedback';
import { notifySuccess } from '../../../lib/notify';
import { useMasterWrite, useRefetchMaster } from '../api/use-master-admin';
import { apiFieldError, zodFieldErrors, type FieldErrors } from '../lib/form-errors';
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
  const [values, setValues] = useState(() => initialValues(entity, initialRow));
  const [errors, setErrors] = useState<FieldErrors>({});
  const names = entity.fields.map((field) => field.name);

  const reload = async () => {
    const fresh = masterEntity(entity.id, await refetch()).rows.find((candidate) => candidate.key === row?.key) ?? null;
    setRow(fresh);
    setValues(initialValues(entity, fresh));
    setErrors({});
    write.reset();
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const body = bodyOf(entity, values, row);
    const parsed = (row ? entity.updateSchema : entity.createSchema).safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    write.mutate(
      { method: row ? 'PATCH' : 'POST', path: row ? entity.updatePath(row) : entity.createPath, body },
      {
        onSuccess: () => {
          notifySuccess(t('master.saved', { name: String(values.name ?? '').trim() }));
          onClose();
        },
        onError: (error) => {
          const fieldError = apiFieldError(error, names);
          if (fieldError) setErrors({ [fieldError.field]: fieldError.message });
        },
      },
    );
  };

  const title = row ? t(`master.${entity.id}.editTitle`, { name: row.display.name }) : t(`master.${entity.id}.add`);
  return (
    <Modal opened onClose={onClose} title={title} fullScreen={isPhone} size="lg" styles={MODAL_STYLES} closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SaveFeedback error={write.error} isFieldError={Object.values(errors).some(Boolean)} onReload={() => void reload()} />
          {entity.fields.map((field) => (
            <MasterField
              key={field.name}
              field={field}
              entity={entity}
              value={values[field.name] ?? null}
              error={errors[field.name]}
              isLocked={row !== null && field.isCreateOnly === true}
              onChange={(value) => {
                setValues((current) => ({ ...current, [field.name]: value }));
                setErrors((current) => ({ ...current, [field.name]: undefined }));
              }}
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
