import { ActionIcon, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceView } from '../../../../shared/realisation';
import { AppModal } from '../../../components/app-modal';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { downloadEvidence, useDeleteEvidence } from '../api/realisation-api';

function RemoveModal({ reportId, evidence, onClose }: { reportId: string; evidence: EvidenceView | null; onClose: () => void }) {
  const { t } = useTranslation('realisation');
  const remove = useDeleteEvidence(reportId);
  const confirm = () => {
    if (!evidence) return;
    remove.mutate(evidence.id, {
      onSuccess: () => {
        notifySuccess(t('evidence.removed', { name: evidence.fileName }));
        onClose();
      },
      onError: notifyError,
    });
  };
  return (
    <AppModal opened={evidence !== null} onClose={onClose} title={t('evidence.removeTitle')}>
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {t('evidence.removeConfirm', { name: evidence?.fileName ?? '' })}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('actions.cancel', { ns: 'common' })}
        </Button>
        <Button color="red.9" loading={remove.isPending} onClick={confirm}>
          {t('evidence.removeTitle')}
        </Button>
      </Group>
    </AppModal>
  );
}

// The report's files, each downloadable; removable only while the report is the OPD's to change.
export function EvidenceList({ reportId, evidence, canRemove }: { reportId: string; evidence: EvidenceView[]; canRemove: boolean }) {
  const { t, i18n } = useTranslation('realisation');
  const [toRemove, setToRemove] = useState<EvidenceView | null>(null);
  if (evidence.length === 0) return <Text c="dimmed">{t('evidence.none')}</Text>;
  return (
    <>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('evidence.list')}>
        {evidence.map((item) => (
          <Paper component="li" key={item.id} withBorder radius="md" p="sm" data-testid="evidence-item">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {item.fileName}
                </Text>
                <Group gap={6}>
                  <Badge size="sm" variant="filled" styles={{ root: { background: '#f1f3f5', color: '#343a40' } }}>
                    {t(`kinds.${item.kind}`)}
                  </Badge>
                  <Text fz="xs" c="dimmed">
                    {formatBytes(item.sizeBytes)} · {formatDateTime(item.createdAt, i18n.language)}
                  </Text>
                </Group>
              </Stack>
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" size="lg" aria-label={t('evidence.download', { name: item.fileName })} onClick={() => void downloadEvidence(reportId, item).catch(notifyError)}>
                  <IconDownload size={18} aria-hidden />
                </ActionIcon>
                {canRemove ? (
                  <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={t('evidence.remove', { name: item.fileName })} onClick={() => setToRemove(item)}>
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <RemoveModal reportId={reportId} evidence={toRemove} onClose={() => setToRemove(null)} />
    </>
  );
}
