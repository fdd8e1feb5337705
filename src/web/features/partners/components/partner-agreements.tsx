import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartnerHealthAgreement } from '../../../../shared/partner-health';
import { HealthBadge, HealthReasons } from '../../../components/health-badge';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate } from '../../../lib/format';

function TitleLink({ agreement }: { agreement: PartnerHealthAgreement }) {
  return (
    <Anchor component={Link} to={`/agreements/${agreement.id}`} fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
      {agreement.title}
    </Anchor>
  );
}

// The health with its reasons, or why there is none (a draft, or not in force on that day).
function Health({ agreement }: { agreement: PartnerHealthAgreement }) {
  const { t } = useTranslation('partners');
  if (!agreement.health) {
    return (
      <Text fz="sm" c="dimmed">
        {t('page.noHealth')}
      </Text>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <HealthBadge status={agreement.health.status} size="sm" />
      <HealthReasons health={agreement.health} />
    </Stack>
  );
}

function Facts({ agreement }: { agreement: PartnerHealthAgreement }) {
  const { t, i18n } = useTranslation('partners');
  const parts = [
    agreement.docType,
    agreement.numberOurs,
    agreement.position > 0 ? t('page.notPrimary') : null,
  ].filter(Boolean);
  return (
    <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
      {parts.join(' · ')}
      {agreement.endsOn ? ` · ${t('page.endsOn', { date: formatDate(agreement.endsOn, i18n.language) })}` : ''}
    </Text>
  );
}

function AgreementRows({ agreements }: { agreements: PartnerHealthAgreement[] }) {
  const { i18n } = useTranslation('partners');
  return (
    <>
      {agreements.map((agreement) => (
        <Table.Tr key={agreement.id} data-testid="partner-agreement">
          <Table.Td>
            <Stack gap={4} align="flex-start">
              <TitleLink agreement={agreement} />
              <StatusBadge status={agreement.status} size="sm" />
              <Facts agreement={agreement} />
            </Stack>
          </Table.Td>
          <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDate(agreement.signedOn, i18n.language)}
          </Table.Td>
          <Table.Td fz="sm">{agreement.leadUnit?.name ?? '—'}</Table.Td>
          <Table.Td>
            <Health agreement={agreement} />
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

// On a phone each agreement is a card: four columns would not fit.
function AgreementCards({ agreements }: { agreements: PartnerHealthAgreement[] }) {
  const { t } = useTranslation('partners');
  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('page.caption')}>
      {agreements.map((agreement) => (
        <Paper component="li" key={agreement.id} withBorder radius="md" p="sm" data-testid="partner-agreement">
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <StatusBadge status={agreement.status} size="sm" />
            </Group>
            <TitleLink agreement={agreement} />
            <Facts agreement={agreement} />
            {agreement.leadUnit ? <Text fz="xs">{agreement.leadUnit.name}</Text> : null}
            <Health agreement={agreement} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export function PartnerAgreements({ agreements }: { agreements: PartnerHealthAgreement[] }) {
  const { t } = useTranslation('partners');
  const isWide = useMediaQuery('(min-width: 48em)', true);
  if (agreements.length === 0) return <Text c="dimmed">{t('page.empty')}</Text>;
  if (!isWide) return <AgreementCards agreements={agreements} />;
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer type="native" minWidth={720} tabIndex={0} role="region" aria-label={t('page.caption')}>
        <Table verticalSpacing="sm">
          <Table.Caption className="jalin-sr-only">{t('page.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('page.agreement')}</Table.Th>
              <Table.Th scope="col">{t('page.signedOn')}</Table.Th>
              <Table.Th scope="col">{t('page.leadUnit')}</Table.Th>
              <Table.Th scope="col">{t('page.health')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <AgreementRows agreements={agreements} />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
