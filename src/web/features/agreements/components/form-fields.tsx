import { Anchor, Group, MultiSelect, Radio, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COOPERATION_KINDS, DOC_TYPES, KSDD_MODES, type KsddMode } from '../../../../shared/agreement-codes';
import { termExceedsYears } from '../../../../shared/agreement-status';
import { MAX_NUMBER_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '../../../../shared/limits';
import { AsyncCombobox } from '../../../components/async-combobox';
import { formatRupiah } from '../../../lib/format';
import { useMasterData } from '../../../lib/master-data';
import type { ErrorOf } from '../../../lib/use-schema-form';
import { useParentOptions } from '../api/lookups';
import type { AgreementFormValues, AgreementSchemaForm } from '../lib/form-values';

export type SectionProps = {
  values: AgreementFormValues;
  set: AgreementSchemaForm['set'];
  error: ErrorOf;
};

export function IdentityFields({ values, set, error }: SectionProps) {
  const { t } = useTranslation('agreements');
  const code = (group: string, value: string) => t(`codes.${group}.${value}`, { ns: 'common' });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('fields.docType')} required data={DOC_TYPES.map((value) => ({ value, label: code('docType', value) }))} value={values.docType} onChange={(value) => set('docType', value)} error={error('docType')} />
        <Select label={t('fields.kind')} required data={COOPERATION_KINDS.map((value) => ({ value, label: code('kind', value) }))} value={values.kind} onChange={(value) => set('kind', value)} error={error('kind')} />
      </SimpleGrid>
      {values.kind === 'KSDD' ? (
        <Radio.Group label={t('fields.ksddMode')} description={t('form.ksddModeHint')} value={values.ksddMode ?? ''} onChange={(value) => set('ksddMode', value as KsddMode)} error={error('ksddMode')} required={!values.isDraft}>
          <Group gap="lg" mt={6}>
            {KSDD_MODES.map((mode) => (
              <Radio key={mode} value={mode} label={code('ksddMode', mode)} />
            ))}
          </Group>
        </Radio.Group>
      ) : null}
      <Textarea label={t('fields.title')} required autosize minRows={2} maxLength={MAX_TITLE_LENGTH} value={values.title} onChange={(event) => set('title', event.currentTarget.value)} error={error('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('fields.numberOurs')} maxLength={MAX_NUMBER_LENGTH} value={values.numberOurs} onChange={(event) => set('numberOurs', event.currentTarget.value)} error={error('numberOurs')} />
        <TextInput label={t('fields.numberPartner')} maxLength={MAX_NUMBER_LENGTH} value={values.numberPartner} onChange={(event) => set('numberPartner', event.currentTarget.value)} error={error('numberPartner')} />
      </SimpleGrid>
    </>
  );
}

export function DateFields({ values, set, error, maxTermYears }: SectionProps & { maxTermYears: number }) {
  const { t } = useTranslation('agreements');
  const isLong = Boolean(values.startsOn && values.endsOn && values.endsOn >= values.startsOn && termExceedsYears(values.startsOn, values.endsOn, maxTermYears));
  const digits = values.valueIdr.replace(/[.\s]/g, '');
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput type="date" label={t('fields.signedOn')} value={values.signedOn} onChange={(event) => set('signedOn', event.currentTarget.value)} error={error('signedOn')} />
        <TextInput type="date" label={t('fields.startsOn')} value={values.startsOn} onChange={(event) => set('startsOn', event.currentTarget.value)} error={error('startsOn')} />
        <TextInput type="date" label={t('fields.endsOn')} value={values.endsOn} onChange={(event) => set('endsOn', event.currentTarget.value)} error={error('endsOn')} />
      </SimpleGrid>
      {isLong || values.longTermReason || error('longTermReason') ? (
        <Textarea
          label={t('fields.longTermReason')}
          description={t('form.longTermHint', { years: maxTermYears })}
          required={isLong}
          autosize
          minRows={2}
          maxLength={MAX_TEXT_LENGTH}
          value={values.longTermReason}
          onChange={(event) => set('longTermReason', event.currentTarget.value)}
          error={error('longTermReason')}
        />
      ) : null}
      <TextInput
        label={t('fields.valueIdr')}
        inputMode="numeric"
        leftSection={<Text fz="sm">Rp</Text>}
        value={values.valueIdr}
        onChange={(event) => set('valueIdr', event.currentTarget.value.replace(/[^\d.]/g, ''))}
        description={digits && /^\d+$/.test(digits) ? formatRupiah(digits) : t('form.valueHint')}
        error={error('valueIdr')}
        maw={360}
      />
    </>
  );
}

export function UnitSectorFields({ values, set, error }: SectionProps) {
  const { t } = useTranslation('agreements');
  const master = useMasterData();
  const units = (master.data?.units ?? []).filter((unit) => unit.isActive || unit.id === values.leadUnitId || values.supportingUnitIds.includes(unit.id));
  const sectors = (master.data?.sectors ?? []).filter((sector) => sector.isActive || sector.code === values.primarySectorCode || values.otherSectorCodes.includes(sector.code));
  const unitOptions = units.map((unit) => ({ value: unit.id, label: unit.name }));
  const sectorOptions = sectors.map((sector) => ({ value: sector.code, label: sector.name }));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('fields.leadUnit')} required searchable data={unitOptions} value={values.leadUnitId} onChange={(value) => set('leadUnitId', value)} error={error('leadUnitId')} nothingFoundMessage={t('form.nothingFound')} />
        <MultiSelect label={t('fields.supportingUnits')} searchable data={unitOptions.filter((option) => option.value !== values.leadUnitId)} value={values.supportingUnitIds} onChange={(value) => set('supportingUnitIds', value)} error={error('supportingUnitIds')} nothingFoundMessage={t('form.nothingFound')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('fields.primarySector')} required searchable data={sectorOptions} value={values.primarySectorCode} onChange={(value) => set('primarySectorCode', value)} error={error('primarySectorCode')} nothingFoundMessage={t('form.nothingFound')} />
        <MultiSelect label={t('fields.otherSectors')} searchable data={sectorOptions.filter((option) => option.value !== values.primarySectorCode)} value={values.otherSectorCodes} onChange={(value) => set('otherSectorCodes', value)} error={error('otherSectorCodes')} nothingFoundMessage={t('form.nothingFound')} />
      </SimpleGrid>
    </>
  );
}

export function ContentFields({ values, set, error }: SectionProps) {
  const { t } = useTranslation('agreements');
  return (
    <>
      <Textarea label={t('fields.scope')} autosize minRows={3} maxLength={MAX_TEXT_LENGTH} value={values.scope} onChange={(event) => set('scope', event.currentTarget.value)} error={error('scope')} />
      <Textarea label={t('fields.purpose')} autosize minRows={3} maxLength={MAX_TEXT_LENGTH} value={values.purpose} onChange={(event) => set('purpose', event.currentTarget.value)} error={error('purpose')} />
    </>
  );
}

// A PKS without its KB (or NK) says why; the server refuses it otherwise (a draft may wait).
export function NoParentReasonField({ values, set, error }: SectionProps) {
  const { t } = useTranslation('agreements');
  if (values.docType !== 'PKS' || values.parent) return null;
  return (
    <Textarea
      label={t('fields.noParentReason')}
      description={t('form.noParentHint')}
      required={!values.isDraft}
      autosize
      minRows={2}
      maxLength={MAX_TEXT_LENGTH}
      value={values.noParentReason}
      onChange={(event) => set('noParentReason', event.currentTarget.value)}
      error={error('noParentReason')}
    />
  );
}

// A PKS follows a KB and an addendum amends one: the parent is searched by number or title.
export function ParentField({ values, set, error, selfId }: SectionProps & { selfId: string | null }) {
  const { t } = useTranslation('agreements');
  const [search, setSearch] = useState('');
  const options = useParentOptions(search);
  const found = options.items.filter((item) => item.id !== selfId);
  if (values.parent) {
    return (
      <div>
        <Text fz="sm" fw={500}>
          {t('fields.parent')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {values.parent.docType} · {values.parent.title}
            {values.parent.numberOurs ? ` (${values.parent.numberOurs})` : ''}
          </Text>
          <Anchor component="button" type="button" fz="sm" onClick={() => set('parent', null)}>
            {t('form.removeParent')}
          </Anchor>
        </Group>
        {error('parentId') ? <Text fz="xs" c="red.8">{error('parentId')}</Text> : null}
      </div>
    );
  }
  return (
    <AsyncCombobox
      label={t('fields.parent')}
      description={t('form.parentHint')}
      placeholder={t('form.parentPlaceholder')}
      search={search}
      onSearchChange={setSearch}
      isLoading={options.isLoading}
      emptyText={t('form.nothingFound')}
      error={error('parentId')}
      options={found.map((item) => ({ value: item.id, label: `${item.docType} · ${item.title}`, description: item.numberOurs ?? undefined }))}
      onPick={(option) => {
        const item = found.find((candidate) => candidate.id === option.value);
        if (item) set('parent', { id: item.id, title: item.title, docType: item.docType, numberOurs: item.numberOurs });
        setSearch('');
      }}
    />
  );
}
