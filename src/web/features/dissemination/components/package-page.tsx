import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconFileTypePdf, IconSend, IconArrowBackUp, IconClipboardList, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PackageAction, PackageView } from '../../../../shared/dissemination';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatDateTime } from '../../../lib/format';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useCan, useCurrentUser } from '../../../lib/session';
import { useAgreement } from '../../../lib/shared-agreement-queries';
import { useAcknowledge, useDownloadSheet, usePackage, usePackageAction } from '../api/dissemination-api';
import { EventsSection } from './events-section';
import { PackageEditor } from './package-editor';
import { PackageStateBadge } from './package-state-badge';
import { PackageReadView } from './package-view';
import { PublishDialog, SendBackDialog } from './publish-dialog';
import { RecipientsTable } from './recipients-table';

function doneMessage(name: PackageAction, pkg: PackageView): string {
  switch (name) {
    case 'publish':
      return pkg.abilities.needsApproval ? 'confirm.requested' : 'page.published';
    case 'approve':
      return 'page.published';
    case 'sendBack':
      return 'confirm.sentBackDone';
    case 'submit':
    case 'return':
      return 'page.saved';
  }
}

function PackageActions({ agreementId, pkg, onEdit }: { agreementId: string; pkg: PackageView; onEdit?: () => void }) {
  const { t } = useTranslation('dissemination');
  const action = usePackageAction(agreementId);
  const acknowledge = useAcknowledge(agreementId);
  const sheet = useDownloadSheet(agreementId);
  const user = useCurrentUser();
  // Publishing and approving tell OPDs and change the portal: a dialog says so first.
  const [dialog, setDialog] = useState<'publish' | 'approve' | 'sendBack' | null>(null);
  const close = () => {
    setDialog(null);
    action.reset();
  };
  const run = (name: PackageAction, note?: string) =>
    action.mutate(
      { action: name, version: pkg.version, ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t(doneMessage(name, pkg)));
          setDialog(null);
        },
        onError: dialog ? undefined : notifyError,
      },
    );
  // The reader's own OPD among the recipients, when the package asks it to act.
  const mine = pkg.abilities.canAcknowledge ? pkg.recipients.find((recipient) => recipient.unitId === user?.unitId) : undefined;
  return (
    <>
      <Button variant="default" leftSection={<IconFileTypePdf size={18} aria-hidden />} onClick={() => sheet.mutate(undefined, { onError: notifyError })} loading={sheet.isPending}>
        {t('page.sheet')}
      </Button>
      {onEdit ? (
        <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={onEdit}>
          {t('page.edit')}
        </Button>
      ) : null}
      {pkg.abilities.canSubmit ? (
        <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => run('submit')} loading={action.isPending}>
          {t('page.submit')}
        </Button>
      ) : null}
      {pkg.status === 'review' && pkg.abilities.canEdit ? (
        <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={() => run('return')} loading={action.isPending}>
          {t('page.return')}
        </Button>
      ) : null}
      {pkg.abilities.canPublish ? (
        <Button color="teal.9" leftSection={<IconSend size={18} aria-hidden />} onClick={() => setDialog('publish')}>
          {pkg.abilities.needsApproval ? t('page.requestPublish') : t('page.publish')}
        </Button>
      ) : null}
      {pkg.abilities.canApprove ? (
        <>
          <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={() => setDialog('sendBack')}>
            {t('page.sendBack')}
          </Button>
          <Button color="teal.9" leftSection={<IconCheck size={18} aria-hidden />} onClick={() => setDialog('approve')}>
            {t('page.approve')}
          </Button>
        </>
      ) : null}
      <PublishDialog pkg={pkg} mode={dialog === 'approve' ? 'approve' : 'publish'} opened={dialog === 'publish' || dialog === 'approve'} pending={action.isPending} error={action.error} onClose={close} onConfirm={() => run(dialog === 'approve' ? 'approve' : 'publish')} />
      <SendBackDialog opened={dialog === 'sendBack'} pending={action.isPending} error={action.error} onClose={close} onConfirm={(note) => run('sendBack', note)} />
      {pkg.abilities.canAcknowledge && !mine?.acknowledgedAt ? (
        <Button color="teal.9" leftSection={<IconCheck size={18} aria-hidden />} onClick={() => acknowledge.mutate(undefined, { onError: notifyError })} loading={acknowledge.isPending}>
          {t('page.acknowledge')}
        </Button>
      ) : null}
      {pkg.abilities.canAcknowledge ? (
        <Button component={Link} to={`/plans?agreement=${agreementId}`} variant="light" leftSection={<IconClipboardList size={18} aria-hidden />}>
          {t('page.planNow')}
        </Button>
      ) : null}
      {action.error && !dialog ? (
        <Alert color="red" role="alert" w="100%">
          {errorMessage(action.error)}
        </Alert>
      ) : null}
    </>
  );
}

// One agreement's package: the editor while it is prepared, the read view once published (the
// admin reopens the editor with 'Ubah paket'), who received it, and the sosialisasi held for it.
export function PackagePage() {
  const { t, i18n } = useTranslation('dissemination');
  const { agreementId = '' } = useParams();
  const user = useCurrentUser();
  const pkg = usePackage(agreementId);
  const [isEditingPublished, setEditingPublished] = useState(false);
  const agreement = useAgreement(agreementId);
  const canPrepare = useCan('dissemination.prepare');
  const canTrack = useCan('dissemination.track');
  const canRecordEvents = useCan('dissemination.recordEvents');
  if (pkg.isPending || agreement.isPending) return <PageLoader />;
  const view = pkg.data ?? null;
  const title = agreement.data?.title ?? t('page.title');
  const mine = view?.abilities.canAcknowledge ? view.recipients.find((recipient) => recipient.unitId === user?.unitId) : undefined;
  const isPublished = view?.status === 'published';
  const canEditPublished = isPublished && view.abilities.canEdit;
  const showEditor = (view?.abilities.canEdit ?? false) ? !isPublished || isEditingPublished : !view && canPrepare;
  return (
    <>
      <PageHeader
        title={title}
        description={
          <Group gap="xs" wrap="wrap">
            <Text c="dimmed">{t('page.title')}</Text>
            <PackageStateBadge state={view?.status ?? 'none'} />
            {view?.publishedAt ? (
              <Text size="sm" c="dimmed">
                {t('page.publishedBy', { date: formatDateTime(view.publishedAt, i18n.language), name: view.approvedByName ?? '' })}
              </Text>
            ) : null}
            <Anchor component={Link} to={`/agreements/${agreementId}`} size="sm">
              {t('page.registry')}
            </Anchor>
          </Group>
        }
        actions={view ? <PackageActions agreementId={agreementId} pkg={view} onEdit={canEditPublished && !isEditingPublished ? () => setEditingPublished(true) : undefined} /> : null}
      />
      <Stack gap="md">
        {pkg.error ? <Alert color="red">{errorMessage(pkg.error)}</Alert> : null}
        {mine?.acknowledgedAt ? (
          <Alert color="teal" icon={<IconCheck size={18} aria-hidden />}>
            {t('page.acknowledged')}
          </Alert>
        ) : null}
        {view?.publicationRequest ? (
          <Alert color="yellow" role="status">
            {t('confirm.pending', { name: view.publicationRequest.requestedByName, date: formatDateTime(view.publicationRequest.requestedAt, i18n.language) })}
            {view.abilities.needsApproval && !view.abilities.canApprove && canPrepare ? ` ${t('confirm.pendingOwn')}` : ''}
          </Alert>
        ) : null}
        {view?.sentBack ? (
          <Alert color="orange" role="status">
            {t('confirm.sentBack', { name: view.sentBack.byName, date: formatDateTime(view.sentBack.at, i18n.language), note: view.sentBack.note })}
          </Alert>
        ) : null}
        {!view && !canPrepare ? <Alert color="gray">{t('page.notVisible')}</Alert> : null}
        {!view && canPrepare ? <Text c="dimmed">{t('page.noPackage')}</Text> : null}
        {showEditor ? (
          <PackageEditor agreementId={agreementId} pkg={view} agreement={agreement.data} onClose={isPublished ? () => setEditingPublished(false) : undefined} />
        ) : view ? (
          <PackageReadView pkg={view} />
        ) : null}
        {view && view.recipients.length > 0 && canTrack ? <RecipientsTable recipients={view.recipients} /> : null}
        <EventsSection agreementId={agreementId} canRecord={canRecordEvents} />
      </Stack>
    </>
  );
}
