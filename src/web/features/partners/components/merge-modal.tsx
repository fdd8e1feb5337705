import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartnerView } from '../../../../shared/partners';
import { PageLoader } from '../../../components/page-loader';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useMergePartners, usePartnerDetail } from '../api/partners';
import { AppModal } from '../../../components/app-modal';

export type MergePair = { source: PartnerView; target: PartnerView };

// Says exactly what will move before anything moves: merging cannot be undone.
function WhatMoves({ pair }: { pair: MergePair }) {
  const { t } = useTranslation('partners');
  const detail = usePartnerDetail(pair.source.id);
  if (detail.isPending) return <PageLoader />;
  if (detail.isError) return <Alert color="red">{errorMessage(detail.error)}</Alert>;
  const moving = detail.data.agreements;
  return (
    <Stack gap="xs">
      <Text fz="sm">{t('merge.moves', { count: moving.length, source: pair.source.name, target: pair.target.name })}</Text>
      {moving.length > 0 ? (
        <List size="sm" spacing={4} withPadding>
          {moving.slice(0, 10).map((agreement) => (
            <List.Item key={agreement.id}>
              <Anchor component={Link} to={`/agreements/${agreement.id}`} fz="sm" target="_blank">
                {agreement.docType} · {agreement.title}
              </Anchor>
            </List.Item>
          ))}
          {moving.length > 10 ? <List.Item>{t('merge.andMore', { count: moving.length - 10 })}</List.Item> : null}
        </List>
      ) : null}
      <Text fz="sm">{t('merge.removed', { source: pair.source.name })}</Text>
    </Stack>
  );
}

export function MergeModal({ pair, onClose }: { pair: MergePair | null; onClose: () => void }) {
  const { t } = useTranslation('partners');
  const merge = useMergePartners();
  const [swapped, setSwapped] = useState(false);
  const current = pair && swapped ? { source: pair.target, target: pair.source } : pair;
  const close = () => {
    merge.reset();
    setSwapped(false);
    onClose();
  };
  const confirm = () => {
    if (!current) return;
    merge.mutate(
      { sourceId: current.source.id, targetId: current.target.id },
      {
        onSuccess: (result) => {
          notifySuccess(t('merge.done', { count: result.movedAgreementIds.length, target: result.target.name }));
          close();
        },
      },
    );
  };
  return (
    <AppModal opened={current !== null} onClose={close} title={t('merge.title')} size="lg">
      {current ? (
        <Stack gap="md">
          <Text fz="sm">{t('merge.question', { source: current.source.name, target: current.target.name })}</Text>
          <Group>
            <Button size="xs" variant="subtle" leftSection={<IconArrowsExchange size={14} aria-hidden />} onClick={() => setSwapped(!swapped)}>
              {t('merge.swap')}
            </Button>
          </Group>
          <WhatMoves key={current.source.id} pair={current} />
          <Text fz="sm" fw={600} c="red.9">
            {t('merge.irreversible')}
          </Text>
          {merge.isError ? <Alert color="red">{errorMessage(merge.error)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.cancel', { ns: 'common' })}
            </Button>
            <Button color="red.9" loading={merge.isPending} onClick={confirm}>
              {t('merge.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </AppModal>
  );
}
