import { Alert, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartBar, IconChecklist, IconFileOff, IconFiles, IconHistory, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { AgreementEvaluationTab, AgreementObligationsTab } from '../../../app/agreement-sections';
import { NotFoundPage } from '../../../components/not-found-page';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { StatusBadge } from '../../../components/status-badge';
import { AgreementHealthLine } from './agreement-health';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/notify';
import { useAgreement, useAgreementDocuments } from '../../../lib/shared-agreement-queries';
import { AgreementDetails } from './agreement-details';
import { AgreementDocuments } from './agreement-documents';
import { AuditTrail } from './audit-trail';
import { EndAgreementModal } from './end-agreement-modal';

const TABS = ['details', 'documents', 'obligations', 'evaluation', 'history'] as const;
type Tab = (typeof TABS)[number];

// The tab comes from ?tab=, or from the fragment the home tasks link to (#obligations).
function useTab(): [Tab, (tab: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const { hash } = useLocation();
  const value = params.get('tab') ?? hash.slice(1);
  const tab: Tab = TABS.find((name) => name === value) ?? 'details';
  return [tab, (next) => setParams(next && next !== 'details' ? { tab: next } : {}, { replace: true })];
}

export function AgreementPage() {
  const { t } = useTranslation('agreements');
  const { id = '' } = useParams();
  const agreement = useAgreement(id);
  const documents = useAgreementDocuments(id);
  const [tab, setTab] = useTab();
  const [endOpened, endModal] = useDisclosure(false);

  if (agreement.isPending) return <PageLoader />;
  if (agreement.isError) {
    if (agreement.error instanceof ApiError && agreement.error.status === 404) return <NotFoundPage />;
    return <Alert color="red">{errorMessage(agreement.error)}</Alert>;
  }
  const view = agreement.data;
  const { abilities } = view;
  const isEnded = view.termination !== null;
  return (
    <>
      <PageHeader
        title={view.title}
        description={
          <Group gap="xs" component="span">
            <StatusBadge status={view.status} />
            <Text component="span" fz="sm" c="dimmed">
              {view.docType} · {view.kind}
              {view.numberOurs ? ` · ${view.numberOurs}` : ''}
            </Text>
            <AgreementHealthLine agreementId={view.id} />
          </Group>
        }
        actions={
          abilities.canEdit || abilities.canEnd ? (
          <>
            {abilities.canEdit ? (
              <Button component={Link} to={`/agreements/${view.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                {t('detail.edit')}
              </Button>
            ) : null}
            {abilities.canEnd && !isEnded && !view.isDraft ? (
              <Button variant="outline" color="red.9" leftSection={<IconFileOff size={16} aria-hidden />} onClick={endModal.open}>
                {t('end.open')}
              </Button>
            ) : null}
          </>
          ) : null
        }
      />
      {abilities.canUploadDocuments && documents.data && !documents.data.some((document) => document.kind === 'naskah_ttd') && tab !== 'documents' ? (
        // Without its signed document an agreement stays off the portal: say where it goes.
        <Alert color="yellow" icon={<IconFiles size={18} aria-hidden />} mb="md" title={t('detail.noSignedTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">{view.isPublic ? t('detail.noSignedPublic') : t('detail.noSigned')}</Text>
            <Button size="xs" variant="light" onClick={() => setTab('documents')}>
              {t('detail.openDocuments')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details" leftSection={<IconInfoCircle size={16} aria-hidden />}>
            {t('tabs.details')}
          </Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFiles size={16} aria-hidden />} rightSection={documents.data ? <Badge size="xs" variant="light" circle>{documents.data.length}</Badge> : null}>
            {t('tabs.documents')}
          </Tabs.Tab>
          {!view.isDraft ? (
            <Tabs.Tab value="obligations" leftSection={<IconChecklist size={16} aria-hidden />}>
              {t('tabs.obligations')}
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="evaluation" leftSection={<IconChartBar size={16} aria-hidden />}>
            {t('tabs.evaluation')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <AgreementDetails view={view} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <Stack>
            <AgreementDocuments agreementId={view.id} canUpload={abilities.canUploadDocuments} canDelete={abilities.canDeleteDocuments} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="obligations">
          <AgreementObligationsTab agreementId={view.id} units={view.units} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluation">
          <AgreementEvaluationTab agreementId={view.id} isDraft={view.isDraft} status={view.status} version={view.version} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AuditTrail agreementId={view.id} />
        </Tabs.Panel>
      </Tabs>
      {abilities.canEnd ? <EndAgreementModal key={view.version} view={view} opened={endOpened} onClose={endModal.close} /> : null}
    </>
  );
}
