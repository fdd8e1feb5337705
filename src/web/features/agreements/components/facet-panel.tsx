import { Anchor, Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACET_NAMES, type FacetBucket, type FacetName, type SearchFacets } from '../../../../shared/search';
import { useMasterLookups } from '../../../lib/master-data';

const VISIBLE_BUCKETS = 6;

// Codes fixed by law are labelled from the translations; master data by the API or /api/master.
function useBucketLabel() {
  const { t } = useTranslation();
  const lookups = useMasterLookups();
  return (name: FacetName, bucket: FacetBucket): string => {
    switch (name) {
      case 'docType':
        return t(`codes.docType.${bucket.value}`, { defaultValue: bucket.value });
      case 'kind':
        return t(`codes.kind.${bucket.value}`, { defaultValue: bucket.value });
      case 'status':
        return t(`codes.status.${bucket.value}`, { defaultValue: bucket.value });
      case 'unit':
        return bucket.label ?? lookups.unitName(bucket.value);
      case 'sector':
        return bucket.label ?? lookups.sectorName(bucket.value);
      case 'partnerCategory':
        return bucket.label ?? lookups.categoryName(bucket.value);
      case 'partnerGroup':
        return bucket.label ?? lookups.groupName(bucket.value);
      case 'year':
        return bucket.label ?? bucket.value;
      case 'health':
        return t(`health.status.${bucket.value}`, { defaultValue: bucket.value });
    }
  };
}

// A click reports the one value it ticked or unticked, not the group's whole new selection: the
// selection shown can be a render behind the address when clicks come quickly, and a whole list
// built from it would drop the value ticked just before.
type FacetToggle = (value: string, checked: boolean) => void;

type FacetGroupProps = { name: FacetName; buckets: FacetBucket[]; approximate: boolean; selected: string[]; onToggle: FacetToggle };

function FacetGroup({ name, buckets, approximate, selected, onToggle }: FacetGroupProps) {
  const { t } = useTranslation('agreements');
  const label = useBucketLabel();
  const [isExpanded, setExpanded] = useState(false);
  // A selected value stays visible even when the current result has none of it.
  const shown = [...buckets];
  for (const value of selected) if (!shown.some((bucket) => bucket.value === value)) shown.push({ value, count: 0 });
  if (shown.length === 0) return null;
  const visible = isExpanded ? shown : shown.slice(0, Math.max(VISIBLE_BUCKETS, selected.length));
  return (
    <Checkbox.Group label={t(`facets.${name}`)} value={selected} onChange={(values) => reportToggle(selected, values, onToggle)} styles={{ label: { fontWeight: 600, marginBottom: 6 } }}>
      <Stack gap={6}>
        {visible.map((bucket) => (
          <Checkbox
            key={bucket.value}
            value={bucket.value}
            size="sm"
            label={
              <Text component="span" fz="sm">
                {label(name, bucket)}{' '}
                <Text component="span" fz="xs" c="dimmed">
                  ({approximate ? '≈' : ''}
                  {bucket.count})
                </Text>
              </Text>
            }
          />
        ))}
        {shown.length > visible.length || isExpanded ? (
          <Anchor component="button" type="button" fz="sm" ta="left" onClick={() => setExpanded(!isExpanded)}>
            {isExpanded ? t('facets.showLess') : t('facets.showMore', { count: shown.length - visible.length })}
          </Anchor>
        ) : null}
      </Stack>
    </Checkbox.Group>
  );
}

function reportToggle(before: string[], after: string[], onToggle: FacetToggle) {
  const ticked = after.find((value) => !before.includes(value));
  if (ticked !== undefined) return onToggle(ticked, true);
  const unticked = before.find((value) => !after.includes(value));
  if (unticked !== undefined) onToggle(unticked, false);
}

type FacetPanelProps = {
  facets: SearchFacets | undefined;
  // Counts estimated from a sample (very common words): shown with "≈".
  approximate: boolean;
  selected: Record<FacetName, string[]>;
  onToggle: (name: FacetName, value: string, checked: boolean) => void;
};

export function FacetPanel({ facets, approximate, selected, onToggle }: FacetPanelProps) {
  return (
    <Stack gap="lg">
      {FACET_NAMES.map((name) => (
        <FacetGroup key={name} name={name} buckets={facets?.[name] ?? []} approximate={approximate} selected={selected[name]} onToggle={(value, checked) => onToggle(name, value, checked)} />
      ))}
    </Stack>
  );
}
