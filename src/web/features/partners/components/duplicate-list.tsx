import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowMerge, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PartnerDuplicateView, PartnerView } from '../../../../shared/partners';
import { PageLoader } from '../../../components/page-loader';
import { useMasterLookups } from '../../../lib/master-data';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useDismissPartnerDuplicate, usePartnerDuplicates } from '../api/partners';
import type { MergePair } from './merge-modal';

function Side({ partner }: { partner: PartnerView }) {
  const { t } = useTranslation('partners');
  const { categoryName } = useMasterLookups();
  return (
    <Stack gap={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
      <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {partner.name}
      </Text>
      <Text fz="xs" c="dimmed">
        {categoryName(partner.categoryCode)} · {t('list.agreementCount', { count: partner.agreementCount })}
      </Text>
    </Stack>
  );
}

// The row with fewer agreements is offered as the one to merge away; the modal can swap them.
function suggestedPair(pair: PartnerDuplicateView): MergePair {
  return pair.a.agreementCount >= pair.b.agreementCount ? { source: pair.b, target: pair.a } : { source: pair.a, target: pair.b };
}

// A near-certain pair offers the merge as the main action; a weaker one leaves both answers equal, so a
// merge is a decision and not the obvious click.
function PairActions({ pair, onMerge }: { pair: PartnerDuplicateView; onMerge: (pair: MergePair) => void }) {
  const { t } = useTranslation('partners');
  const dismiss = useDismissPartnerDuplicate();
  const onDismiss = () => {
    dismiss.mutate(
      { aId: pair.a.id, bId: pair.b.id },
      { onSuccess: () => notifySuccess(t('duplicates.dismissed', { a: pair.a.name, b: pair.b.name })), onError: notifyError },
    );
  };
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconX size={14} aria-hidden />}
        loading={dismiss.isPending}
        onClick={onDismiss}
        aria-label={t('duplicates.dismissPair', { a: pair.a.name, b: pair.b.name })}
      >
        {t('duplicates.dismiss')}
      </Button>
      <Button
        size="xs"
        variant={pair.isStrong ? 'filled' : 'default'}
        leftSection={<IconArrowMerge size={14} aria-hidden />}
        onClick={() => onMerge(suggestedPair(pair))}
        aria-label={t('merge.mergePair', { a: pair.a.name, b: pair.b.name })}
      >
        {t('merge.action')}
      </Button>
    </>
  );
}

export function DuplicateList({ canMerge, onMerge }: { canMerge: boolean; onMerge: (pair: MergePair) => void }) {
  const { t } = useTranslation('partners');
  const duplicates = usePartnerDuplicates();
  if (duplicates.isPending) return <PageLoader />;
  if (duplicates.isError) return <Alert color="red">{errorMessage(duplicates.error)}</Alert>;
  if (duplicates.data.length === 0) return <Text c="dimmed">{t('duplicates.empty')}</Text>;
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        {t('duplicates.intro')}
      </Text>
      {duplicates.data.map((pair) => (
        <Paper key={`${pair.a.id}-${pair.b.id}`} withBorder radius="md" p="md">
          <Group justify="space-between" align="center" wrap="wrap" gap="sm">
            <Group gap="md" wrap="wrap" style={{ flex: '1 1 400px', minWidth: 0 }} align="flex-start">
              <Side partner={pair.a} />
              <Side partner={pair.b} />
            </Group>
            <Group gap="sm">
              <Badge variant="light" color={pair.isStrong ? 'orange' : 'gray'}>
                {t('duplicates.similarity', { percent: Math.round(pair.similarity * 100) })}
              </Badge>
              {canMerge ? <PairActions pair={pair} onMerge={onMerge} /> : null}
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
