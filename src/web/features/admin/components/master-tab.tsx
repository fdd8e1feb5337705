import { Badge, Box, Button, Code, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconArrowMerge, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStale } from '../../../lib/form-errors';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useMasterWrite, useRefetchMaster } from '../api/use-master-admin';
import { MasterFormModal } from './master-form-modal';
import { UnitMergeModal } from './unit-merge-modal';
import { useFieldLabel, type MasterEntity, type MasterRow } from './master-entities';

const ACTIVE = { background: '#d3f9d8', color: '#1b5e20', flexShrink: 0 };
const INACTIVE = { background: '#e9ecef', color: '#495057', flexShrink: 0 };

function ActiveToggle({ entity, row }: { entity: MasterEntity; row: MasterRow }) {
  const { t } = useTranslation('admin');
  const write = useMasterWrite();
  const refetch = useRefetchMaster();
  const toggle = () => {
    const isActive = !row.isActive;
    write.mutate(
      { method: 'PATCH', path: entity.updatePath(row), body: { isActive, version: row.version } },
      {
        onSuccess: () => notifySuccess(t(isActive ? 'master.activated' : 'master.deactivated', { name: row.display.name })),
        onError: (error) => {
          notifyError(error);
          if (isStale(error)) void refetch();
        },
      },
    );
  };
  const label = row.isActive ? t('master.deactivate') : t('master.activate');
  return (
    <Button size="xs" variant="default" onClick={toggle} loading={write.isPending} aria-label={`${label}: ${row.display.name}`}>
      {label}
    </Button>
  );
}

function Cell({ column, row }: { column: string; row: MasterRow }) {
  const value = row.display[column] ?? '—';
  if (column === 'code') return <Code>{value}</Code>;
  if (column === 'name') return <Text fz="sm" fw={600}>{value}</Text>;
  return <>{value}</>;
}

function StatusBadge({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <Badge variant="filled" styles={{ root: isActive ? ACTIVE : INACTIVE }}>
      {isActive ? t('master.active') : t('master.inactive')}
    </Badge>
  );
}

type RowHandlers = { onEdit: () => void; onMerge: () => void };

// On a phone card the three buttons wrap rather than run off the screen.
function RowActions({ entity, row, onEdit, onMerge, canWrap = false }: { entity: MasterEntity; row: MasterRow; canWrap?: boolean } & RowHandlers) {
  const { t } = useTranslation('admin');
  return (
    <Group gap={6} justify="flex-end" wrap={canWrap ? 'wrap' : 'nowrap'}>
      <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit} aria-label={`${t('master.edit')}: ${row.display.name}`}>
        {t('master.edit')}
      </Button>
      {entity.hasActive ? <ActiveToggle entity={entity} row={row} /> : null}
      {entity.id === 'units' ? (
        <Button size="xs" variant="default" leftSection={<IconArrowMerge size={14} aria-hidden />} onClick={onMerge} aria-label={`${t('master.merge.action')}: ${row.display.name}`}>
          {t('master.merge.action')}
        </Button>
      ) : null}
    </Group>
  );
}

// On a phone each row is a card: the table's five columns would not fit.
function MasterCards({ entity, rows, onEdit, onMerge }: { entity: MasterEntity; rows: MasterRow[]; onEdit: (row: MasterRow) => void; onMerge: (row: MasterRow) => void }) {
  const { t } = useTranslation('admin');
  const label = useFieldLabel(entity.id);
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t(`master.${entity.id}.title`)}>
      {rows.map((row) => (
        <Paper component="li" key={row.key} withBorder radius="sm" p="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap" mb={4}>
            <Text fz="sm" fw={700}>
              {row.display.name}
            </Text>
            {row.isActive === null ? null : <StatusBadge isActive={row.isActive} />}
          </Group>
          {entity.columns
            .filter((column) => column !== 'name')
            .map((column) => (
              <Text key={column} fz="xs" c="dimmed">
                {label(column)}: <Cell column={column} row={row} />
              </Text>
            ))}
          <Group justify="flex-end" mt="xs">
            <RowActions entity={entity} row={row} onEdit={() => onEdit(row)} onMerge={() => onMerge(row)} canWrap />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function matches(row: MasterRow, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return needle === '' || Object.values(row.display).some((value) => value.toLowerCase().includes(needle));
}

// The list of one kind of master data with add, edit and (where the kind has one) the active switch.
export function MasterTab({ entity }: { entity: MasterEntity }) {
  const { t } = useTranslation('admin');
  const label = useFieldLabel(entity.id);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ row: MasterRow | null } | null>(null);
  const [merging, setMerging] = useState<MasterRow | null>(null);
  const rows = entity.rows.filter((row) => matches(row, text));
  const title = t(`master.${entity.id}.title`);
  return (
    <>
      <Group justify="space-between" align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput label={t(`master.${entity.id}.search`)} leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(event) => setText(event.currentTarget.value)} style={{ flex: '1 1 240px' }} maw={420} />
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ row: null })}>
          {t(`master.${entity.id}.add`)}
        </Button>
      </Group>
      <Text fz="sm" c="dimmed" mb="xs" role="status">
        {t('master.count', { count: rows.length, total: entity.rows.length })}
      </Text>
      <Box hiddenFrom="sm">
        <MasterCards entity={entity} rows={rows} onEdit={(row) => setEditing({ row })} onMerge={setMerging} />
      </Box>
      <Table.ScrollContainer visibleFrom="sm" minWidth={620} type="native" tabIndex={0} role="region" aria-label={title}>
        <Table verticalSpacing="sm" highlightOnHover aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              {entity.columns.map((column) => (
                <Table.Th key={column} w={column === 'sortOrder' ? 90 : undefined}>
                  {label(column)}
                </Table.Th>
              ))}
              {entity.hasActive ? <Table.Th w={110}>{t('master.status')}</Table.Th> : null}
              <Table.Th ta="right">{t('master.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                {entity.columns.map((column) => (
                  <Table.Td key={column}>
                    <Cell column={column} row={row} />
                  </Table.Td>
                ))}
                {entity.hasActive ? (
                  <Table.Td>
                    <StatusBadge isActive={row.isActive === true} />
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <RowActions entity={entity} row={row} onEdit={() => setEditing({ row })} onMerge={() => setMerging(row)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing ? <MasterFormModal key={editing.row?.key ?? 'new'} entity={entity} row={editing.row} onClose={() => setEditing(null)} /> : null}
      {merging ? <UnitMergeModal key={merging.key} source={merging} rows={entity.rows} onClose={() => setMerging(null)} /> : null}
    </>
  );
}
