import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FACET_NAMES } from '../../../../shared/search';
import type { RegistryFilters } from '../lib/search-params';

export function ActiveFilters({ filters, onClear }: { filters: RegistryFilters; onClear: () => void }) {
  const { t } = useTranslation('agreements');
  const count = FACET_NAMES.reduce((sum, name) => sum + filters.facets[name].length, 0);
  return (
    <Group gap="xs" mt={4}>
      <Text fz="sm" c="dimmed">
        {filters.q.trim() ? t('list.queryShown', { q: filters.q.trim() }) : null}
        {filters.q.trim() && count > 0 ? ' · ' : null}
        {count > 0 ? t('list.filterCount', { count }) : null}
      </Text>
      <Anchor component="button" type="button" fz="sm" onClick={onClear}>
        {t('list.clearFilters')}
      </Anchor>
    </Group>
  );
}
