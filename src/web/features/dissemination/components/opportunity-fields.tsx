import { ActionIcon, Card, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEADLINE_REQUIRED, OPPORTUNITY_TYPES, type OpportunityInput } from '../../../../shared/dissemination';
import { useMasterData } from '../../../lib/master-data';
import type { ErrorOf } from '../../../lib/use-schema-form';

type Props = {
  index: number;
  value: OpportunityInput;
  error: ErrorOf;
  onChange: (value: OpportunityInput) => void;
  onRemove: () => void;
};

const orNull = (text: string) => (text.trim() === '' ? null : text);

// One opportunity: the common fields, then those of its type (quota for scholarships, scheme for financing).
export function OpportunityFields({ index, value, error: errorOf, onChange, onRemove }: Props) {
  const { t } = useTranslation('dissemination');
  const master = useMasterData();
  const set = (patch: Partial<OpportunityInput>) => onChange({ ...value, ...patch });
  const error = (field: string) => errorOf(`opportunities.${index}.${field}`);
  const sectors = (master.data?.sectors ?? []).map((sector) => ({ value: sector.code, label: sector.name }));
  const needsDeadline = DEADLINE_REQUIRED.includes(value.type);
  return (
    <Card withBorder padding="sm" data-testid={`opportunity-${index}`}>
      <Stack gap="xs">
        {/* On a phone the name moves under the type instead of shrinking to a few letters. */}
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('opportunities.type')}
            data={OPPORTUNITY_TYPES.map((type) => ({ value: type, label: t(`opportunities.types.${type}`) }))}
            value={value.type}
            onChange={(type) => set({ type: (type ?? 'lainnya') })}
            allowDeselect={false}
            style={{ flex: '1 0 140px', maxWidth: 220 }}
          />
          <TextInput label={t('opportunities.name')} value={value.title} onChange={(event) => set({ title: event.currentTarget.value })} error={error('title')} required style={{ flex: '3 1 200px', minWidth: 0 }} />
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('opportunities.remove')} mb={4}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
        <Textarea label={t('opportunities.description')} value={value.description ?? ''} onChange={(event) => set({ description: orNull(event.currentTarget.value) })} autosize minRows={1} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <MultiSelect label={t('opportunities.sectors')} data={sectors} value={value.sectorCodes} onChange={(sectorCodes) => set({ sectorCodes })} error={error('sectorCodes.0')} searchable />
          <TextInput
            type="date"
            label={needsDeadline ? t('opportunities.deadlineRequired') : t('opportunities.deadline')}
            value={value.deadline ?? ''}
            onChange={(event) => set({ deadline: orNull(event.currentTarget.value) })}
            error={error('deadline')}
          />
        </SimpleGrid>
        {value.type === 'beasiswa' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <NumberInput label={t('opportunities.quota')} value={value.quota ?? ''} min={0} onChange={(quota) => set({ quota: typeof quota === 'number' ? quota : null })} />
            <TextInput label={t('opportunities.eligibility')} value={value.eligibility ?? ''} onChange={(event) => set({ eligibility: orNull(event.currentTarget.value) })} />
          </SimpleGrid>
        ) : null}
        {value.type === 'pembiayaan' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput label={t('opportunities.scheme')} value={value.scheme ?? ''} onChange={(event) => set({ scheme: orNull(event.currentTarget.value) })} />
            <TextInput label={t('opportunities.whoMayApply')} value={value.whoMayApply ?? ''} onChange={(event) => set({ whoMayApply: orNull(event.currentTarget.value) })} />
            <TextInput label={t('opportunities.limits')} value={value.limits ?? ''} onChange={(event) => set({ limits: orNull(event.currentTarget.value) })} />
            <TextInput label={t('opportunities.contact')} value={value.contact ?? ''} onChange={(event) => set({ contact: orNull(event.currentTarget.value) })} />
          </SimpleGrid>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Textarea label={t('opportunities.howToApply')} value={value.howToApply ?? ''} onChange={(event) => set({ howToApply: orNull(event.currentTarget.value) })} autosize minRows={1} />
          <TextInput type="url" label={t('opportunities.applyUrl')} value={value.applyUrl ?? ''} onChange={(event) => set({ applyUrl: orNull(event.currentTarget.value) })} error={error('applyUrl')} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
