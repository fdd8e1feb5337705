import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeUnitsResult } from '../../../../shared/master';
import { AppModal } from '../../../components/app-modal';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useMasterWrite } from '../api/use-master-admin';
import type { MasterRow } from './master-entities';

// Two rows found to be one OPD (often a name imported with a typo). Says what happens before it
// happens: everything of the source moves to the chosen OPD and the source is removed, for good.
export function UnitMergeModal({ source, rows, onClose }: { source: MasterRow; rows: MasterRow[]; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const write = useMasterWrite();
  const [targetId, setTargetId] = useState<string | null>(null);
  const options = rows.filter((row) => row.key !== source.key).map((row) => ({ value: row.key, label: row.display.name ?? row.key }));
  const targetName = options.find((option) => option.value === targetId)?.label ?? '';
  const confirm = () => {
    if (!targetId) return;
    write.mutate(
      { method: 'POST', path: '/units/merge', body: { sourceId: source.key, targetId } },
      {
        onSuccess: (result) => {
          const moved = Object.values((result as MergeUnitsResult).moved).reduce((sum, count) => sum + count, 0);
          notifySuccess(t('master.merge.done', { source: source.display.name, target: targetName, count: moved }));
          onClose();
        },
      },
    );
  };
  return (
    <AppModal opened onClose={onClose} title={t('master.merge.title', { name: source.display.name })} size="lg">
      <Stack gap="md">
        <Select
          label={t('master.merge.target')}
          required
          searchable
          data={options}
          value={targetId}
          onChange={setTargetId}
          nothingFoundMessage={t('master.merge.nothingFound')}
        />
        {targetId ? (
          <Text fz="sm">{t('master.merge.moves', { source: source.display.name, target: targetName })}</Text>
        ) : null}
        <Text fz="sm" fw={600} c="red.9">
          {t('master.merge.irreversible')}
        </Text>
        {write.isError ? <Alert color="red" role="alert">{errorMessage(write.error)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button color="red.9" disabled={!targetId} loading={write.isPending} onClick={confirm}>
            {t('master.merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
