import { ActionIcon, Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COOPERATION_KINDS } from '../../../../shared/agreement-codes';
import { MAX_PLANNED_PARTNERS } from '../../../../shared/proposals';
import { useMasterData } from '../../../lib/master-data';
import type { ErrorOf } from '../../../lib/use-schema-form';
import type { ProposalFormValues, ProposalSchemaForm } from '../lib/proposal-form-values';

type Props = {
  values: ProposalFormValues;
  set: ProposalSchemaForm['set'];
  error: ErrorOf;
  canChooseUnit: boolean;
  // Once submitted the kind stays: it decides the procedure the proposal is in.
  isKindLocked?: boolean;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="fieldset" style={{ margin: 0, minWidth: 0 }}>
      <Title order={2} fz="md" mb="sm" component="legend" style={{ float: 'left', width: '100%', padding: 0 }}>
        {title}
      </Title>
      <Stack gap="sm" style={{ clear: 'both' }}>
        {children}
      </Stack>
    </Paper>
  );
}

type TextField = 'latarBelakang' | 'maksudTujuan' | 'lokasi' | 'ruangLingkup' | 'peranParaPihak' | 'jangkaWaktuAlasan' | 'manfaat' | 'dampakSosial' | 'dampakEkonomi' | 'dampakLingkungan' | 'pembiayaan';
const REQUIRED_TEXTS: readonly TextField[] = ['latarBelakang', 'maksudTujuan', 'ruangLingkup', 'manfaat'];

export function ProposalForm({ values, set, error, canChooseUnit, isKindLocked = false }: Props) {
  const { t } = useTranslation('proposals');
  const master = useMasterData();
  const text = (field: TextField, rows = 3) => (
    <Textarea
      key={field}
      label={t(`form.${field}`)}
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={error(field)}
      required={REQUIRED_TEXTS.includes(field)}
      autosize
      minRows={rows}
      maxRows={12}
    />
  );
  const categories = (master.data?.partnerCategories ?? []).map((category) => ({ value: category.code, label: category.name }));
  const setPartner = (index: number, patch: Partial<ProposalFormValues['plannedPartners'][number]>) =>
    set('plannedPartners', values.plannedPartners.map((partner, position) => (position === index ? { ...partner, ...patch } : partner)));
  return (
    <Stack gap="md">
      <Section title={t('form.sections.identity')}>
        <Select
          label={t('form.kind')}
          data={COOPERATION_KINDS.map((value) => ({ value, label: t(`codes.kind.${value}`, { ns: 'common' }) }))}
          value={values.kind}
          onChange={(value) => set('kind', COOPERATION_KINDS.find((kind) => kind === value) ?? values.kind)}
          allowDeselect={false}
          error={error('kind')}
          description={isKindLocked ? t('form.kindLocked') : undefined}
          disabled={isKindLocked}
          required
        />
        <TextInput label={t('form.title_')} value={values.title} onChange={(event) => set('title', event.currentTarget.value)} error={error('title')} required />
        {canChooseUnit ? (
          <Select
            label={t('form.unit')}
            data={(master.data?.units ?? []).filter((unit) => unit.isActive).map((unit) => ({ value: unit.id, label: unit.name }))}
            value={values.unitId}
            onChange={(value) => set('unitId', value)}
            error={error('unitId')}
            searchable
            required
          />
        ) : null}
      </Section>
      <Section title={t('form.sections.partners')}>
        {values.plannedPartners.map((partner, index) => (
          // Partners have no id until saved; the position is their identity in this form.
          <Group key={index} align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('form.partnerName', { n: index + 1 })}
              value={partner.name}
              onChange={(event) => setPartner(index, { name: event.currentTarget.value })}
              error={error(`plannedPartners.${index}.name`)}
              required
              style={{ flex: '1 1 240px' }}
            />
            <Select
              label={t('form.partnerCategory', { n: index + 1 })}
              data={categories}
              value={partner.categoryCode}
              onChange={(value) => setPartner(index, { categoryCode: value })}
              error={error(`plannedPartners.${index}.categoryCode`)}
              searchable
              required
              style={{ flex: '1 1 200px' }}
            />
            {values.plannedPartners.length > 1 ? (
              <ActionIcon variant="subtle" color="red.9" size="lg" mb={2} aria-label={t('form.removePartner', { n: index + 1 })} onClick={() => set('plannedPartners', values.plannedPartners.filter((_, position) => position !== index))}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        {error('plannedPartners') ? (
          <Text c="red.9" fz="sm" role="alert">
            {error('plannedPartners')}
          </Text>
        ) : null}
        {values.plannedPartners.length < MAX_PLANNED_PARTNERS ? (
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => set('plannedPartners', [...values.plannedPartners, { name: '', categoryCode: null }])} style={{ alignSelf: 'flex-start' }}>
            {t('form.addPartner')}
          </Button>
        ) : null}
        <MultiSelect
          label={t('form.sectors')}
          data={(master.data?.sectors ?? []).filter((sector) => sector.isActive).map((sector) => ({ value: sector.code, label: sector.name }))}
          value={values.sectorCodes}
          onChange={(sectorCodes) => set('sectorCodes', sectorCodes)}
          error={error('sectorCodes')}
          searchable
          required
        />
      </Section>
      <Section title={t('form.sections.preparation')}>
        {text('latarBelakang', 4)}
        {text('maksudTujuan')}
        {text('lokasi', 1)}
        {text('ruangLingkup')}
        {text('peranParaPihak')}
        <NumberInput label={t('form.jangkaWaktuBulan')} value={values.jangkaWaktuBulan} onChange={(value) => set('jangkaWaktuBulan', value)} error={error('jangkaWaktuBulan')} min={1} max={600} allowDecimal={false} w={{ base: '100%', xs: 220 }} />
        {text('jangkaWaktuAlasan', 2)}
        {text('manfaat')}
      </Section>
      <Section title={t('form.sections.impact')}>
        {text('dampakSosial', 2)}
        {text('dampakEkonomi', 2)}
        {text('dampakLingkungan', 2)}
        {text('pembiayaan', 2)}
      </Section>
      <Section title={t('form.sections.dprd')}>
        <Checkbox label={t('form.burdensPublic')} checked={values.burdensPublic} onChange={(event) => set('burdensPublic', event.currentTarget.checked)} />
        <Checkbox label={t('form.unbudgetedInApbd')} checked={values.unbudgetedInApbd} onChange={(event) => set('unbudgetedInApbd', event.currentTarget.checked)} />
        <Alert variant="light" color="blue">
          {t('form.dprdHint')}
        </Alert>
      </Section>
    </Stack>
  );
}
