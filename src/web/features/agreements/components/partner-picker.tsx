import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconSearch, IconStar, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NAME_LENGTH } from '../../../../shared/limits';
import { normalizePartnerName } from '../../../../shared/partner-name';
import { AsyncCombobox } from '../../../components/async-combobox';
import { moveItem } from '../../../lib/lists';
import { useMasterData, useMasterLookups } from '../../../lib/master-data';
import type { ErrorOf } from '../../../lib/use-schema-form';
import { usePartnerOptions } from '../api/lookups';
import type { PartnerEntry } from '../lib/form-values';

// suggestion: a partner's name read from a scan, put in the search and the new-partner name.
type Props = { value: PartnerEntry[]; onChange: (partners: PartnerEntry[]) => void; error: ErrorOf; suggestion?: string | null };

function PartnerLine({ entry, index, count, error, onMove, onRemove }: { entry: PartnerEntry; index: number; count: number; error: string | undefined; onMove: (to: number) => void; onRemove: () => void }) {
  const { t } = useTranslation('agreements');
  const { categoryName } = useMasterLookups();
  return (
    <Paper withBorder p="xs" radius="sm" bg={index === 0 ? 'blue.0' : undefined}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {entry.name}
            </Text>
            {index === 0 ? <Badge size="xs">{t('detail.primary')}</Badge> : null}
            {entry.id === null ? <Badge size="xs" variant="light" color="teal">{t('form.newPartner')}</Badge> : null}
          </Group>
          <Text fz="xs" c="dimmed">
            {categoryName(entry.categoryCode)}
          </Text>
          {error ? (
            <Text fz="xs" c="red.8">
              {error}
            </Text>
          ) : null}
        </Stack>
        <Group gap={2} wrap="nowrap">
          {index > 0 ? (
            <ActionIcon variant="subtle" onClick={() => onMove(0)} aria-label={t('form.makePrimary', { name: entry.name })}>
              <IconStar size={16} aria-hidden />
            </ActionIcon>
          ) : null}
          <ActionIcon variant="subtle" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('form.moveUp', { name: entry.name })}>
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('form.moveDown', { name: entry.name })}>
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('form.removePartner', { name: entry.name })}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
    </Paper>
  );
}

function NewPartner({ onAdd, isTaken, initialName }: { onAdd: (name: string, categoryCode: string) => void; isTaken: (name: string) => boolean; initialName: string }) {
  const { t } = useTranslation('agreements');
  const master = useMasterData();
  const [name, setName] = useState(initialName);
  const [category, setCategory] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    if (name.trim().length < 2) return setError(t('form.partnerNameShort'));
    if (!category) return setError(t('form.partnerCategoryMissing'));
    if (isTaken(name)) return setError(t('form.partnerTwice'));
    onAdd(name.trim(), category);
    setName('');
    setCategory(null);
    setError(null);
  };
  const categories = (master.data?.partnerCategories ?? []).map((item) => ({ value: item.code, label: item.name }));
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <TextInput label={t('form.newPartnerName')} value={name} maxLength={MAX_NAME_LENGTH} onChange={(event) => setName(event.currentTarget.value)} style={{ flex: '2 1 220px' }} error={error} />
      <Select label={t('form.newPartnerCategory')} data={categories} value={category} onChange={setCategory} searchable style={{ flex: '1 1 200px' }} />
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} mt={25}>
        {t('form.addPartner')}
      </Button>
    </Group>
  );
}

// The first partner is the primary one (AgreementFieldsSchema): order matters and can be changed.
export function PartnerPicker({ value, onChange, error, suggestion }: Props) {
  const { t } = useTranslation('agreements');
  const { categoryName } = useMasterLookups();
  const [search, setSearch] = useState(value.length === 0 ? (suggestion ?? '') : '');
  const options = usePartnerOptions(search);
  const isTaken = (name: string) => value.some((entry) => normalizePartnerName(entry.name) === normalizePartnerName(name));
  const chosenIds = new Set(value.map((entry) => entry.id));
  const found = options.items.filter((partner) => !chosenIds.has(partner.id));
  return (
    <Stack gap="sm">
      {value.length === 0 ? (
        <Text fz="sm" c={error('partners') ? 'red.8' : 'dimmed'}>
          {error('partners') ?? t('form.noPartners')}
        </Text>
      ) : (
        <Stack gap={6}>
          {value.map((entry, index) => (
            <PartnerLine
              key={entry.key}
              entry={entry}
              index={index}
              count={value.length}
              error={error(`partners.${index}`) ?? error(`partners.${index}.name`) ?? error(`partners.${index}.categoryCode`)}
              onMove={(to) => onChange(moveItem(value, index, to))}
              onRemove={() => onChange(value.filter((_, position) => position !== index))}
            />
          ))}
        </Stack>
      )}
      <AsyncCombobox
        label={t('form.findPartner')}
        placeholder={t('form.findPartnerPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        search={search}
        onSearchChange={setSearch}
        isLoading={options.isLoading}
        emptyText={t('form.noPartnerFound')}
        options={found.map((partner) => ({ value: partner.id, label: partner.name, description: categoryName(partner.categoryCode) }))}
        onPick={(option) => {
          const partner = found.find((candidate) => candidate.id === option.value);
          if (partner) onChange([...value, { key: partner.id, id: partner.id, name: partner.name, categoryCode: partner.categoryCode }]);
          setSearch('');
        }}
      />
      <NewPartner isTaken={isTaken} initialName={value.length === 0 ? (suggestion ?? '') : ''} onAdd={(name, categoryCode) => onChange([...value, { key: `new-${normalizePartnerName(name)}`, id: null, name, categoryCode }])} />
    </Stack>
  );
}
