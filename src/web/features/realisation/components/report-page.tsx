import { Alert, Anchor, Fieldset, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReportView } from '../../../../shared/realisation';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { errorMessage } from '../../../lib/notify';
import { useCan } from '../../../lib/session';
import { useReport } from '../api/realisation-api';
import { EvidenceList } from './evidence-list';
import { EvidenceUpload } from './evidence-upload';
import { ReportDetails } from './report-details';
import { ReportForm } from './report-form';
import { ReportStatusBadge } from './report-status-badge';
import { ReviewActions } from './review-actions';

// Where the report stands, in words: why it came back, that it is locked, or that it was verified.
function StateNote({ report }: { report: ReportView }) {
  const { t } = useTranslation('realisation');
  switch (report.status) {
    case 'returned':
      return (
        <Alert color="red" variant="light" icon={<IconArrowBackUp size={18} aria-hidden />} title={t('report.returned')} data-testid="return-reason">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {report.returnReason}
          </Text>
          {report.abilities.canEdit ? (
            <Text size="sm" mt={4}>
              {t('report.returnedHelp')}
            </Text>
          ) : null}
        </Alert>
      );
    case 'submitted':
      return (
        <Alert color="blue" variant="light" icon={<IconLock size={18} aria-hidden />}>
          {t('report.locked')}
        </Alert>
      );
    case 'verified':
      return (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />}>
          {t('report.verified')}
        </Alert>
      );
    case 'draft':
      return null;
  }
}

function BackLink() {
  const { t } = useTranslation('realisation');
  const canWrite = useCan('realisation.write');
  return (
    <Anchor component={Link} to={canWrite ? '/realisation' : '/realisation/queue'} size="sm">
      {t('report.back')}
    </Anchor>
  );
}

function ReportBody({ report, onReload }: { report: ReportView; onReload: () => void }) {
  const { t } = useTranslation('realisation');
  const evidence = (
    <Fieldset legend={t('evidence.title')}>
      <Stack gap="sm">
        {report.abilities.canUploadEvidence ? <EvidenceUpload reportId={report.id} /> : null}
        <EvidenceList reportId={report.id} evidence={report.evidence} canRemove={report.abilities.canUploadEvidence} />
      </Stack>
    </Fieldset>
  );
  if (report.abilities.canEdit) return <ReportForm target={{ kind: 'update', report }} planned={report.planned} onSaved={() => undefined} onReload={onReload} evidence={evidence} />;
  return (
    <Stack gap="lg">
      <ReportDetails report={report} />
      {evidence}
      <ReviewActions report={report} onReload={onReload} />
    </Stack>
  );
}

// One report: the form while it is the reader's to change, otherwise read-only, with the
// division's verify and return when the server allows them.
export function ReportPage() {
  const { t } = useTranslation('realisation');
  const { id = '' } = useParams();
  const report = useReport(id);
  if (report.isPending) return <PageLoader />;
  if (report.error) return <Alert color="red">{errorMessage(report.error)}</Alert>;
  const data = report.data;
  const reload = () => void report.refetch();
  return (
    <>
      <BackLink />
      <PageHeader
        title={data.planTitle}
        description={
          <Group gap="xs">
            <Text c="dimmed">{t('report.meta', { unit: data.unitName, period: data.period })}</Text>
            <ReportStatusBadge status={data.status} />
          </Group>
        }
      />
      <Stack gap="md">
        <StateNote report={data} />
        <ReportBody report={data} onReload={reload} />
      </Stack>
    </>
  );
}
