import { Tabs } from '@mantine/core';
import { IconCopy, IconList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PartnerView } from '../../../../shared/partners';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/session';
import { DuplicateList } from './duplicate-list';
import { MergeModal, type MergePair } from './merge-modal';
import { PartnerList } from './partner-list';
import { PickTargetModal } from './pick-target-modal';

export function PartnersPage() {
  const { t } = useTranslation('partners');
  const canMerge = useCan('partners.merge');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'duplicates' ? 'duplicates' : 'list';
  const [pickFor, setPickFor] = useState<PartnerView | null>(null);
  const [pair, setPair] = useState<MergePair | null>(null);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Tabs value={tab} onChange={(next) => setParams(next === 'duplicates' ? { tab: next } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="list" leftSection={<IconList size={16} aria-hidden />}>
            {t('tabs.list')}
          </Tabs.Tab>
          <Tabs.Tab value="duplicates" leftSection={<IconCopy size={16} aria-hidden />}>
            {t('tabs.duplicates')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <PartnerList canMerge={canMerge} onMerge={setPickFor} />
        </Tabs.Panel>
        <Tabs.Panel value="duplicates">
          <DuplicateList canMerge={canMerge} onMerge={setPair} />
        </Tabs.Panel>
      </Tabs>
      <PickTargetModal
        source={pickFor}
        onClose={() => setPickFor(null)}
        onPick={(target) => {
          if (pickFor) setPair({ source: pickFor, target });
          setPickFor(null);
        }}
      />
      <MergeModal pair={pair} onClose={() => setPair(null)} />
    </>
  );
}
