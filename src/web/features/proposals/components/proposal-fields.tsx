import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../../../shared/proposals';
import { FieldList, type Field } from '../../../components/field-list';
import { formatDateTime } from '../../../lib/format';
import { useMasterLookups } from '../../../lib/master-data';

// onEdit: given when the server says this reader may edit the fields now (view.abilities.canEdit).
export function ProposalFields({ view, onEdit }: { view: ProposalView; onEdit?: (() => void) | undefined }) {
  const { t, i18n } = useTranslation('proposals');
  const { sectorName, categoryName } = useMasterLookups();
  const identity: Field[] = [
    { label: t('form.kind'), value: t(`codes.kind.${view.kind}`, { ns: 'common' }) },
    { label: t('detail.submittedAt'), value: view.submittedAt ? formatDateTime(view.submittedAt, i18n.language) : t('detail.notSubmitted') },
    { label: t('detail.partners'), value: view.plannedPartners.map((partner) => `${partner.name} (${categoryName(partner.categoryCode)})`).join('\n'), isWide: true },
    { label: t('detail.sectors'), value: view.sectorCodes.map((code) => sectorName(code)).join(', '), isWide: true },
    { label: t('form.sections.dprd'), value: view.needsDprd ? t('detail.needsDprd') : t('detail.noDprd'), isWide: true },
  ];
  if (view.external) {
    identity.push(
      { label: t('detail.external'), value: view.external.institution },
      { label: t('detail.contact'), value: view.external.contactName },
      { label: t('detail.email'), value: view.external.email },
      { label: t('detail.phone'), value: view.external.phone },
    );
  }
  const preparation: Field[] = (['latarBelakang', 'maksudTujuan', 'lokasi', 'ruangLingkup', 'peranParaPihak'] as const).map((field) => ({ label: t(`form.${field}`), value: view[field], isWide: true }));
  preparation.push(
    { label: t('form.jangkaWaktuBulan'), value: view.jangkaWaktuBulan ? t('detail.months', { count: view.jangkaWaktuBulan }) : null },
    { label: t('form.jangkaWaktuAlasan'), value: view.jangkaWaktuAlasan },
    ...(['manfaat', 'dampakSosial', 'dampakEkonomi', 'dampakLingkungan', 'pembiayaan'] as const).map((field) => ({ label: t(`form.${field}`), value: view[field], isWide: true })),
  );
  return (
    <Stack gap="md">
      {onEdit ? (
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {t('edit.open')}
          </Button>
        </Group>
      ) : null}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="fields-identity">
        <Title order={2} fz="md" mb="sm" id="fields-identity">
          {t('form.sections.identity')}
        </Title>
        <FieldList fields={identity} />
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="fields-preparation">
        <Title order={2} fz="md" mb="sm" id="fields-preparation">
          {t('form.sections.preparation')}
        </Title>
        <FieldList fields={preparation} />
      </Paper>
    </Stack>
  );
}
