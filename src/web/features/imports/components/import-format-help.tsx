import { Accordion, Badge, Code, Group, List, Paper, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COOPERATION_KINDS, DOC_TYPES, KSDD_MODES } from '../../../../shared/agreement-codes';
import { IMPORT_COLUMNS, IMPORT_EXTRA_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, REQUIRED_IMPORT_COLUMNS, type ImportColumn } from '../../../../shared/imports';
import { useMasterData } from '../../../lib/master-data';
import { useNumber } from '../../../lib/use-number';
import classes from './import-format-help.module.css';

const REQUIRED = new Set<string>(REQUIRED_IMPORT_COLUMNS);
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

function useAcceptedValues(): Partial<Record<ImportColumn, readonly string[]>> {
  const { data } = useMasterData();
  return {
    jenis_dokumen: DOC_TYPES,
    jenis_kerja_sama: COOPERATION_KINDS,
    jenis_ksdd: KSDD_MODES,
    kategori_mitra: data?.partnerCategories.map((category) => category.code) ?? [],
    bidang: data?.sectors.filter((sector) => sector.isActive).map((sector) => sector.code) ?? [],
  };
}

function ColumnItem({ column, values }: { column: ImportColumn; values: readonly string[] | undefined }) {
  const { t } = useTranslation('imports');
  const isRequired = REQUIRED.has(column);
  return (
    <div className={classes.item}>
      <dt className={classes.term}>
        <Code fz="sm">{column}</Code>
        <Badge variant={isRequired ? 'filled' : 'outline'} color={isRequired ? 'blue.8' : 'gray.8'} size="sm">
          {isRequired ? t('columns.requiredYes') : t('columns.requiredNo')}
        </Badge>
      </dt>
      <dd className={classes.description}>
        <Text fz="sm">{t(`columns.${column}`)}</Text>
        {values && values.length > 0 ? (
          <Text fz="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
            {t('columns.accepted', { values: values.join(', ') })}
          </Text>
        ) : null}
      </dd>
    </div>
  );
}

// A definition list rather than a table: it reads the same on a phone as on a desk.
function ColumnList({ columns, title }: { columns: readonly ImportColumn[]; title?: string }) {
  const accepted = useAcceptedValues();
  return (
    <>
      {title ? (
        <Title order={3} fz="h5" mt="md" mb="xs">
          {title}
        </Title>
      ) : null}
      <dl className={classes.list}>
        {columns.map((column) => (
          <ColumnItem key={column} column={column} values={accepted[column]} />
        ))}
      </dl>
    </>
  );
}

export function ImportRules() {
  const { t } = useTranslation('imports');
  const number = useNumber();
  const rules = [
    t('rules.file', { mb: MAX_IMPORT_MB, rows: number(MAX_IMPORT_ROWS) }),
    t('rules.header'),
    t('rules.list'),
    t('rules.dates'),
    t('rules.allOrNothing'),
    t('rules.idempotent'),
  ];
  return (
    <Paper withBorder p="md" radius="md" h="100%">
      <Group gap="xs" mb="sm" wrap="nowrap">
        <IconInfoCircle size={20} aria-hidden />
        <Title order={2} fz="h4">
          {t('rules.title')}
        </Title>
      </Group>
      <List spacing="xs" fz="sm">
        {rules.map((rule) => (
          <List.Item key={rule}>{rule}</List.Item>
        ))}
      </List>
    </Paper>
  );
}

export function ImportColumnsHelp({ defaultOpen }: { defaultOpen: boolean }) {
  const { t } = useTranslation('imports');
  return (
    <Paper withBorder radius="md">
      <Accordion defaultValue={defaultOpen ? 'columns' : null} chevronPosition="right">
        <Accordion.Item value="columns" style={{ borderBottom: 0 }}>
          <Accordion.Control>
            <Text component="span" fw={650}>
              {t('columns.title', { count: IMPORT_COLUMNS.length })}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <ColumnList columns={IMPORT_COLUMNS} />
            <ColumnList columns={IMPORT_EXTRA_COLUMNS} title={t('columns.optionalTitle')} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Paper>
  );
}
