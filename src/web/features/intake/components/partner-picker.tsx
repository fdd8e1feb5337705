import { useTranslation } from 'react-i18next';
import { AsyncCombobox } from '../../../components/async-combobox';
import { useMasterLookups } from '../../../lib/master-data';
import { usePartnerSuggestions } from '../api/use-intake';
import type { ReviewValues } from '../lib/review-form';

type Props = {
  values: ReviewValues;
  onChange: (partner: Pick<ReviewValues, 'partnerId' | 'partnerName' | 'partnerCategoryCode'>) => void;
  error: string | undefined;
};

// The partner of a new draft: the name read from the scan, kept as a new partner, or a registered
// partner picked from the matches, which brings its own category.
export function PartnerPicker({ values, onChange, error }: Props) {
  const { t } = useTranslation('intake');
  const { categoryName } = useMasterLookups();
  const suggestions = usePartnerSuggestions(values.partnerId ? '' : values.partnerName);
  const options = suggestions.items.map((partner) => ({ value: partner.id, label: partner.name, description: categoryName(partner.categoryCode) }));
  return (
    <AsyncCombobox
      label={t('draft.partnerName')}
      description={values.partnerId ? t('draft.partnerRegistered') : t('draft.partnerNew')}
      error={error}
      search={values.partnerName}
      onSearchChange={(name) => onChange({ partnerId: '', partnerName: name, partnerCategoryCode: values.partnerId ? '' : values.partnerCategoryCode })}
      options={options}
      isLoading={suggestions.isLoading}
      emptyText={t('draft.noRegisteredPartner')}
      onPick={(option) => {
        const partner = suggestions.items.find((item) => item.id === option.value);
        if (partner) onChange({ partnerId: partner.id, partnerName: partner.name, partnerCategoryCode: partner.categoryCode });
      }}
    />
  );
}
