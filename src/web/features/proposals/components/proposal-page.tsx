import { Alert, Badge, Grid, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconFiles, IconHistory, IconInfoCircle, IconListCheck, IconUsersGroup, IconMessages, IconSignature } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { ProposalView } from '../../../../shared/proposals';
import { NotFoundPage } from '../../../components/not-found-page';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/notify';
import { useProposal } from '../api/proposal-queries';
import { DraftDownloads } from './draft-downloads';
import { MeetingsPanel } from './meetings-panel';
import { ProposalActions } from './proposal-actions';
import { ProposalEditForm } from './proposal-edit-form';
import { MissingDocuments, ProposalDocuments } from './proposal-documents';
import { ProposalFields } from './proposal-fields';
import { ProposalStateBadge } from './proposal-state-badge';
import { ProposalTimeline } from './proposal-timeline';
import { ReviewPanel } from './review-panel';
import { SigningPanel } from './signing-panel';
import { StageDurations } from './stage-durations';
import { StageProgress } from './stage-progress';
import { TrackingLinkPanel } from './tracking-link-panel';

const TABS = ['progress', 'documents', 'review', 'meetings', 'signing', 'fields', 'timeline'] as const;
type Tab = (typeof TABS)[number];

function useTab(): [Tab, (tab: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('tab');
  const tab: Tab = TABS.find((name) => name === value) ?? 'progress';
  return [tab, (next) => setParams(next && next !== 'progress' ? { tab: next } : {}, { replace: true })];
}

// The fields as saved, or the form that changes them; the form closes on save or cancel.
function FieldsTab({ view }: { view: ProposalView }) {
  const [isEditing, setEditing] = useState(false);
  // Back at the top after saving: the heading and the fields show the new values from the start.
  const close = () => {
    setEditing(false);
    window.scrollTo({ top: 0 });
  };
  if (isEditing && view.abilities.canEdit) return <ProposalEditForm view={view} onDone={close} />;
  return <ProposalFields view={view} onEdit={view.abilities.canEdit ? () => setEditing(true) : undefined} />;
}

function Description({ view }: { view: ProposalView }) {
  const { t } = useTranslation('proposals');
  const initiator = view.unit ? t('detail.opdInitiator', { name: view.unit.name }) : t('detail.externalInitiator', { name: view.externalInstitution ?? '—' });
  return (
    <Group gap="xs" component="span" wrap="wrap">
      <ProposalStateBadge state={view.state} />
      <Text component="span" fz="sm" c="dimmed">
        {t('detail.code', { code: view.trackingCode })} · {view.kind} · {initiator}
      </Text>
    </Group>
  );
}

export function ProposalPage() {
  const { t } = useTranslation('proposals');
  const { id = '' } = useParams();
  const proposal = useProposal(id);
  const [tab, setTab] = useTab();
  if (proposal.isPending) return <PageLoader />;
  if (proposal.isError) {
    if (proposal.error instanceof ApiError && proposal.error.status === 404) return <NotFoundPage />;
    return <Alert color="red">{errorMessage(proposal.error)}</Alert>;
  }
  const view = proposal.data;
  // What this reader may do here is the server's answer (view.abilities), the same rules it enforces.
  const { abilities } = view;
  const tabs: { value: Tab; icon: ReactNode; badge?: number }[] = [
    { value: 'progress', icon: <IconListCheck size={16} aria-hidden /> },
    { value: 'documents', icon: <IconFiles size={16} aria-hidden />, badge: view.documents.length },
    { value: 'review', icon: <IconUsersGroup size={16} aria-hidden /> },
    { value: 'meetings', icon: <IconMessages size={16} aria-hidden /> },
    { value: 'signing', icon: <IconSignature size={16} aria-hidden /> },
    { value: 'fields', icon: <IconInfoCircle size={16} aria-hidden /> },
    { value: 'timeline', icon: <IconHistory size={16} aria-hidden />, badge: view.timeline.length },
  ];
  return (
    <>
      <PageHeader title={view.title} description={<Description view={view} />} actions={<ProposalActions view={view} />} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((item) => (
            <Tabs.Tab key={item.value} value={item.value} leftSection={item.icon} rightSection={item.badge ? <Badge size="xs" variant="light" circle>{item.badge}</Badge> : null}>
              {t(`detail.tabs.${item.value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="progress">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <StageProgress stages={view.stages} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="md">
                <MissingDocuments view={view} />
                <StageDurations key={view.version} proposalId={view.id} />
                {abilities.canManageTrackingLink ? <TrackingLinkPanel proposalId={view.id} /> : null}
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <Stack gap="md">
            <ProposalDocuments view={view} canUpload={abilities.canUploadDocuments} />
            {abilities.canDownloadDrafts ? <DraftDownloads proposalId={view.id} /> : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="review">
          <ReviewPanel view={view} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings">
          <MeetingsPanel proposalId={view.id} />
        </Tabs.Panel>
        <Tabs.Panel value="signing">
          <SigningPanel proposalId={view.id} canManage={abilities.canManageSigning} needs={{ kind: view.kind, needsLeadUnit: view.unit === null }} />
        </Tabs.Panel>
        <Tabs.Panel value="fields">
          <FieldsTab view={view} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <ProposalTimeline events={view.timeline} stages={view.stages} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
