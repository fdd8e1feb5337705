import { ActionIcon, Group, MultiSelect, NumberInput, Paper, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_TARGET_DAYS, PROCEDURE_DOC_TYPES, PROCEDURE_DOC_TYPE_LABELS, type ProcedureStage, type SystemStageUse } from '../../../../shared/procedures';
import type { ErrorOf } from '../../../lib/use-schema-form';

type Props = {
  stage: ProcedureStage;
  // Set when the review or the signing finds this stage by its code: the code stays, the stage too.
  systemUse: SystemStageUse | null;
  index: number;
  count: number;
  error: ErrorOf;
  onChange: (stage: ProcedureStage) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
};

// One stage of a procedure: its name, target days, the papers it needs and whether it is the DPRD stage.
export function StageEditor({ stage, systemUse, index, count, error, onChange, onMove, onRemove }: Props) {
  const { t, i18n } = useTranslation('procedures');
  const docOptions = PROCEDURE_DOC_TYPES.map((type) => ({ value: type, label: i18n.language.startsWith('en') ? PROCEDURE_DOC_TYPE_LABELS[type].en : PROCEDURE_DOC_TYPE_LABELS[type].id }));
  const at = (field: string) => error(`stages.${String(index)}.${field}`);
  const position = index + 1;
  return (
    <Paper withBorder radius="md" p="sm" component="li" aria-label={t('stage.label', { n: position, name: stage.name })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{t('stage.heading', { n: position })}</Text>
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="default" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('stage.up', { n: position })}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t('stage.down', { n: position })}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" color="red" onClick={onRemove} disabled={count <= 2 || systemUse !== null} aria-label={t('stage.remove', { n: position })}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label={t('stage.name')} value={stage.name} required error={at('name')} onChange={(event) => onChange({ ...stage, name: event.currentTarget.value })} miw={220} />
          <TextInput
            label={t('stage.code')}
            description={systemUse ? t(`stage.codeLocked.${systemUse}`) : t('stage.codeHint')}
            value={stage.code}
            required
            readOnly={systemUse !== null}
            error={at('code')}
            onChange={(event) => onChange({ ...stage, code: event.currentTarget.value })}
            miw={180}
          />
          <NumberInput
            label={t('stage.targetDays')}
            value={stage.targetDays}
            min={0}
            max={MAX_TARGET_DAYS}
            allowDecimal={false}
            allowNegative={false}
            error={at('targetDays')}
            onChange={(value) => onChange({ ...stage, targetDays: value === '' ? 0 : Number(value) })}
            maw={160}
          />
        </Group>
        <Textarea label={t('stage.description')} autosize minRows={1} value={stage.description ?? ''} onChange={(event) => onChange({ ...stage, description: event.currentTarget.value || null })} />
        <MultiSelect
          label={t('stage.docsOpd')}
          data={docOptions}
          value={stage.requiredDocTypes.opd}
          error={at('requiredDocTypes.opd')}
          onChange={(value) => onChange({ ...stage, requiredDocTypes: { ...stage.requiredDocTypes, opd: value } })}
          clearable
        />
        <MultiSelect
          label={t('stage.docsExternal')}
          data={docOptions}
          value={stage.requiredDocTypes.external}
          error={at('requiredDocTypes.external')}
          onChange={(value) => onChange({ ...stage, requiredDocTypes: { ...stage.requiredDocTypes, external: value } })}
          clearable
        />
        <Switch
          label={t('stage.dprd')}
          description={t('stage.dprdHint')}
          checked={stage.isDprdApproval}
          error={at('isDprdApproval')}
          onChange={(event) => onChange({ ...stage, isDprdApproval: event.currentTarget.checked })}
        />
      </Stack>
    </Paper>
  );
}
