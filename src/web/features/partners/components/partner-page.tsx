import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { HEALTH_STATUSES } from '../../../../shared/agreement-health';
import type { PartnerHealthView } from '../../../../shared/partner-health';
import { NotFoundPage } from '../../../components/not-found-page';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { ApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useMasterLookups } from '../../../lib/master-data';
import { errorMessage } from '../../../lib/notify';
import { usePartnerHealth } from '../api/partners';
import { PartnerAgreements } from './partner-agreements';

// How its agreements in force are doing, in one line: "3 sehat · 1 perlu perhatian · 1 dorman".
function HealthSummary({ view }: { view: PartnerHealthView }) {
  const { t, i18n } = useTranslation('partners');
  const { counts } = view;
  const parts = HEALTH_STATUSES.map((status) => t(`page.summary.${status}`, { count: counts[status] }));
  if (counts.notInForce > 0) parts.push(t('page.summary.notInForce', { count: counts.notInForce }));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="partner-health-title">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="partner-health-title">
          {t('page.healthTitle')}
        </Title>
        <Text fz="lg" fw={500} data-testid="partner-health-summary">
          {parts.join(' · ')}
        </Text>
        <Text fz="sm" c="dimmed">
          {t('page.asOf', { date: formatDate(view.on, i18n.language) })}
        </Text>
      </Stack>
    </Paper>
  );
}

export function PartnerPage() {
  const { t } = useTranslation('partners');
  const { id = '' } = useParams();
  const query = usePartnerHealth(id);
  const { categoryName, groupName } = useMasterLookups();
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) return <NotFoundPage />;
    return <Alert color="red">{errorMessage(query.error)}</Alert>;
  }
  const view = query.data;
  return (
    <>
      <PageHeader
        title={view.partner.name}
        description={`${categoryName(view.partner.categoryCode)} · ${groupName(view.partner.groupCode)}`}
        actions={
          <Button component={Link} to="/partners" variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            {t('page.back')}
          </Button>
        }
      />
      <Stack gap="lg">
        <HealthSummary view={view} />
        <Stack gap="sm" component="section" aria-labelledby="partner-agreements-title">
          <Title order={2} fz="h4" id="partner-agreements-title">
            {t('page.agreementsTitle', { count: view.agreements.length })}
          </Title>
          <PartnerAgreements agreements={view.agreements} />
        </Stack>
      </Stack>
    </>
  );
}
