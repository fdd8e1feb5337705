import { Alert, Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconChartDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { errorMessage } from '../../../lib/notify';
import { useTracking } from '../api/dissemination-api';
import { PackageStateBadge } from './package-state-badge';
import { RecipientSteps } from './recipients-table';

// The division's follow-up: per agreement, per OPD, sent / opened / acknowledged / planned.
type Recipients = Parameters<typeof RecipientSteps>[0]['recipient'][];

// Each OPD of a package with the steps it has taken, in the table and on a phone's card alike.
function RecipientList({ recipients, mt }: { recipients: Recipients; mt?: string }) {
  return (
    <Stack gap={6} mt={mt}>
      {recipients.map((recipient) => (
        <div key={recipient.unitId}>
          <Text size="sm">{recipient.unitName}</Text>
          <RecipientSteps recipient={recipient} />
        </div>
      ))}
    </Stack>
  );
}

export function TrackingPage() {
  const { t } = useTranslation('dissemination');
  const tracking = useTracking();
  return (
    <>
      <PageHeader
        title={t('tracking.title')}
        description={t('tracking.description')}
        actions={
          <Button component={Link} to="/gap" variant="light" leftSection={<IconChartDots size={18} aria-hidden />}>
            {t('tracking.gapLink')}
          </Button>
        }
      />
      {tracking.isPending ? <PageLoader /> : null}
      {tracking.error ? <Alert color="red">{errorMessage(tracking.error)}</Alert> : null}
      {tracking.data?.length === 0 ? <Text c="dimmed">{t('tracking.empty')}</Text> : null}
      <Card withBorder padding={0} visibleFrom="sm">
        <Table striped verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tracking.agreement')}</Table.Th>
              <Table.Th>{t('tracking.status')}</Table.Th>
              <Table.Th>{t('tracking.opds')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(tracking.data ?? []).map((row) => (
              <Table.Tr key={row.agreementId}>
                <Table.Td style={{ maxWidth: 360 }}>
                  <Anchor component={Link} to={`/dissemination/${row.agreementId}`}>
                    {row.agreementTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <PackageStateBadge state={row.status} />
                </Table.Td>
                <Table.Td>
                  {row.recipients.length === 0 ? <Text c="dimmed" size="sm">{t('tracking.noRecipients')}</Text> : null}
                  <RecipientList recipients={row.recipients} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {/* On a phone: one card per agreement instead of a wide table. */}
      <Stack gap="sm" hiddenFrom="sm">
        {(tracking.data ?? []).map((row) => (
          <Card key={row.agreementId} withBorder padding="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/dissemination/${row.agreementId}`} style={{ overflowWrap: 'anywhere' }}>
                {row.agreementTitle}
              </Anchor>
              <PackageStateBadge state={row.status} />
            </Group>
            <RecipientList recipients={row.recipients} mt="xs" />
          </Card>
        ))}
      </Stack>
    </>
  );
}
