import { NativeSelect, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COOPERATION_KINDS } from '../../../../shared/agreement-codes';
import { useMasterData } from '../../../lib/master-data';
import type { DraftInput, ReviewValues } from '../lib/review-form';
import { PartnerPicker } from './partner-picker';

type Props = {
  values: ReviewValues;
  set: (input: DraftInput, value: string) => void;
  setPartner: (partner: Pick<ReviewValues, 'partnerId' | 'partnerName' | 'partnerCategoryCode'>) => void;
  error: (input: DraftInput) => string | undefined;
};

// What a scan cannot say and a new draft needs: who leads it, in which sector, with whom, of which kind.
export function DraftInputs({ values, set, setPartner, error }: Props) {
  const { t } = useTranslation('intake');
  const master = useMasterData().data;
  const choose = { value: '', label: t('fields.choose') };
  const units = (master?.units ?? []).filter((unit) => unit.isActive).map((unit) => ({ value: unit.id, label: unit.name }));
  const sectors = (master?.sectors ?? []).filter((sector) => sector.isActive).map((sector) => ({ value: sector.code, label: sector.name }));
  const categories = (master?.partnerCategories ?? []).map((category) => ({ value: category.code, label: category.name }));
  const kinds = COOPERATION_KINDS.map((kind) => ({ value: kind, label: t(`codes.kind.${kind}`, { ns: 'common' }) }));
  const select = (input: DraftInput, label: string, data: { value: string; label: string }[], isDisabled = false) => (
    <NativeSelect label={label} required data={[choose, ...data]} value={values[input]} onChange={(event) => set(input, event.currentTarget.value)} error={error(input)} disabled={isDisabled} />
  );
  return (
    <>
      <Title order={4} fz="h5" mt="xs">
        {t('draft.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {select('leadUnitId', t('draft.leadUnit'), units)}
        {select('primarySectorCode', t('draft.sector'), sectors)}
        {select('cooperationKind', t('draft.cooperationKind'), kinds)}
        <PartnerPicker values={values} onChange={setPartner} error={error('partnerName')} />
        {select('partnerCategoryCode', t('draft.partnerCategory'), categories, values.partnerId !== '')}
      </SimpleGrid>
    </>
  );
}
