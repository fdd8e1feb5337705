import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerView } from '../../../../shared/partners';
import { AsyncCombobox } from '../../../components/async-combobox';
import { useMasterLookups } from '../../../lib/master-data';
import { usePartnerSearch } from '../api/partners';
import { AppModal } from '../../../components/app-modal';

type Props = { source: PartnerView | null; onClose: () => void; onPick: (target: PartnerView) => void };

export function PickTargetModal({ source, onClose, onPick }: Props) {
  const { t } = useTranslation('partners');
  const { categoryName } = useMasterLookups();
  const [search, setSearch] = useState('');
  const options = usePartnerSearch(search);
  const found = options.items.filter((partner) => partner.id !== source?.id);
  return (
    <AppModal opened={source !== null} onClose={onClose} title={t('merge.pickTitle')}>
      <Stack gap="sm">
        <Text fz="sm">{t('merge.pickIntro', { source: source?.name ?? '' })}</Text>
        <AsyncCombobox
          label={t('merge.target')}
          placeholder={t('list.searchPlaceholder')}
          search={search}
          onSearchChange={setSearch}
          isLoading={options.isLoading}
          emptyText={t('list.empty')}
          options={found.map((partner) => ({ value: partner.id, label: partner.name, description: categoryName(partner.categoryCode) }))}
          onPick={(option) => {
            const target = found.find((partner) => partner.id === option.value);
            if (target) onPick(target);
            setSearch('');
          }}
        />
      </Stack>
    </AppModal>
  );
}
