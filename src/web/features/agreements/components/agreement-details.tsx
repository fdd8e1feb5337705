import { Alert, Anchor, Badge, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementLink, AgreementView } from '../../../../shared/agreements';
import { FieldList } from '../../../components/field-list';
import { formatDate, formatDateTime, formatRupiah } from '../../../lib/format';
import { useMasterLookups } from '../../../lib/master-data';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Title order={2} fz="md" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function LinkLine({ link }: { link: AgreementLink }) {
  return (
    <Anchor component={Link} to={`/agreements/${link.id}`} fz="sm">
      {link.docType} · {link.title}
      {link.numberOurs ? ` (${link.numberOurs})` : ''}
    </Anchor>
  );
}

function Termination({ view }: { view: AgreementView }) {
  const { t, i18n } = useTranslation('agreements');
  if (!view.termination) return null;
  const { kind, endedOn, reason, note } = view.termination;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t(`codes.endKind.${kind}`, { ns: 'common' })}>
      <Text fz="sm">
        {t('detail.terminatedOn', { date: formatDate(endedOn, i18n.language) })} — {t(`codes.endReason.${reason}`, { ns: 'common', defaultValue: reason })}
      </Text>
      {note ? (
        <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {note}
        </Text>
      ) : null}
    </Alert>
  );
}

function MainFields({ view }: { view: AgreementView }) {
  const { t, i18n } = useTranslation('agreements');
  const yesNo = (value: boolean) => t(value ? 'states.yes' : 'states.no', { ns: 'common' });
  const kind = `${t(`codes.kind.${view.kind}`, { ns: 'common' })}${view.ksddMode ? ` (${t(`codes.ksddMode.${view.ksddMode}`, { ns: 'common' })})` : ''}`;
  return (
    <FieldList
      fields={[
        { label: t('fields.docType'), value: t(`codes.docType.${view.docType}`, { ns: 'common' }) },
        { label: t('fields.kind'), value: kind },
        { label: t('fields.numberOurs'), value: view.numberOurs },
        { label: t('fields.numberPartner'), value: view.numberPartner },
        { label: t('fields.signedOn'), value: formatDate(view.signedOn, i18n.language) },
        { label: t('fields.term'), value: `${formatDate(view.startsOn, i18n.language)} – ${formatDate(view.endsOn, i18n.language)}` },
        { label: t('fields.valueIdr'), value: formatRupiah(view.valueIdr) },
        { label: t('fields.isPublic'), value: yesNo(view.isPublic) },
        ...(view.longTermReason ? [{ label: t('fields.longTermReason'), value: view.longTermReason, isWide: true }] : []),
        ...(view.noParentReason && !view.parent ? [{ label: t('fields.noParentReason'), value: view.noParentReason, isWide: true }] : []),
        { label: t('fields.scope'), value: view.scope, isWide: true },
        { label: t('fields.purpose'), value: view.purpose, isWide: true },
      ]}
    />
  );
}

function SideFacts({ view }: { view: AgreementView }) {
  const { t } = useTranslation('agreements');
  const { categoryName, sectorName } = useMasterLookups();
  const lead = view.units.find((unit) => unit.isLead);
  const supporting = view.units.filter((unit) => !unit.isLead);
  return (
    <Stack gap="md">
      <Section title={t('detail.partners')}>
        <List spacing={6} listStyleType="none" p={0}>
          {view.partners.map((partner, index) => (
            <List.Item key={partner.id}>
              <Group gap={6} wrap="wrap">
                <Anchor component={Link} to={`/partners/${partner.id}`} fz="sm" fw={index === 0 ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
                  {partner.name}
                </Anchor>
                {index === 0 ? <Badge size="xs" variant="light">{t('detail.primary')}</Badge> : null}
              </Group>
              <Text fz="xs" c="dimmed">
                {categoryName(partner.categoryCode)}
              </Text>
            </List.Item>
          ))}
        </List>
      </Section>
      <Section title={t('detail.units')}>
        <FieldList
          cols={1}
          fields={[
            { label: t('fields.leadUnit'), value: lead?.name },
            { label: t('fields.supportingUnits'), value: supporting.map((unit) => unit.name).join('\n') },
          ]}
        />
      </Section>
      <Section title={t('detail.sectors')}>
        <FieldList
          cols={1}
          fields={[
            { label: t('fields.primarySector'), value: sectorName(view.primarySectorCode) },
            { label: t('fields.otherSectors'), value: view.otherSectorCodes.map((code) => sectorName(code)).join('\n') },
          ]}
        />
      </Section>
    </Stack>
  );
}

function Relations({ view }: { view: AgreementView }) {
  const { t } = useTranslation('agreements');
  if (!view.parent && view.children.length === 0) return null;
  return (
    <Section title={t('detail.relations')}>
      <Stack gap="xs">
        {view.parent ? (
          <div>
            <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
              {t('fields.parent')}
            </Text>
            <LinkLine link={view.parent} />
          </div>
        ) : null}
        {view.children.length > 0 ? (
          <div>
            <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
              {t('detail.children')}
            </Text>
            <List spacing={4} listStyleType="none" p={0}>
              {view.children.map((child) => (
                <List.Item key={child.id}>
                  <LinkLine link={child} />
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Section>
  );
}

export function AgreementDetails({ view }: { view: AgreementView }) {
  const { t, i18n } = useTranslation('agreements');
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <Termination view={view} />
          <Section title={t('detail.fields')}>
            <MainFields view={view} />
          </Section>
          <Relations view={view} />
          <Text fz="xs" c="dimmed">
            {t('detail.stamps', { created: formatDateTime(view.createdAt, i18n.language), updated: formatDateTime(view.updatedAt, i18n.language) })}
          </Text>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <SideFacts view={view} />
      </Grid.Col>
    </Grid>
  );
}
