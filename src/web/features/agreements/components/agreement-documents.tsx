import { ActionIcon, Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconExternalLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../../shared/documents';
import { PageLoader } from '../../../components/page-loader';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useAgreementDocuments } from '../../../lib/shared-agreement-queries';
import { useDeleteDocument } from '../api/agreement-mutations';
import { DocumentUpload } from './document-upload';
import { AppModal } from '../../../components/app-modal';
import { ActiveContentBadge } from '../../../components/active-content-badge';
import { OcrStatus } from './ocr-status';

function fileUrl(document: DocumentView, download: boolean): string {
  return `/api/documents/${document.id}/file${download ? '?download=1' : ''}`;
}

type RowProps = {
  document: DocumentView;
  canDelete: boolean;
  onDelete: () => void;
};

function FileName({ document }: { document: DocumentView }) {
  const { t } = useTranslation('agreements');
  return (
    <Stack gap={4}>
      <Anchor href={fileUrl(document, false)} target="_blank" rel="noopener" fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {document.fileName}
      </Anchor>
      <Group gap={6}>
        <Badge size="xs" variant="light" color="gray">
          {t(`codes.documentKind.${document.kind}`, { ns: 'common' })}
        </Badge>
        {document.ocr ? <OcrStatus document={document} /> : null}
        {document.needsOcr && !document.ocr ? (
          <Tooltip label={t('documents.needsOcrHint')}>
            <Badge size="xs" variant="light" color="orange" tabIndex={0}>
              {t('documents.needsOcr')}
            </Badge>
          </Tooltip>
        ) : null}
        <ActiveContentBadge kinds={document.activeContent} />
        {document.isPublic ? (
          <Badge size="xs" variant="light" color="teal">
            {t('documents.public')}
          </Badge>
        ) : null}
      </Group>
    </Stack>
  );
}

function FileActions({ document, canDelete, onDelete }: RowProps) {
  const { t } = useTranslation('agreements');
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        component="a"
        href={fileUrl(document, false)}
        target="_blank"
        rel="noopener"
        variant="subtle"
        aria-label={t('documents.view', { name: document.fileName })}
      >
        <IconExternalLink size={18} aria-hidden />
      </ActionIcon>
      <ActionIcon component="a" href={fileUrl(document, true)} download variant="subtle" aria-label={t('documents.download', { name: document.fileName })}>
        <IconDownload size={18} aria-hidden />
      </ActionIcon>
      {canDelete ? (
        <ActionIcon variant="subtle" color="red" onClick={onDelete} aria-label={t('documents.delete', { name: document.fileName })}>
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      ) : null}
    </Group>
  );
}

function DocumentRow(props: RowProps) {
  const { i18n } = useTranslation('agreements');
  const { document } = props;
  return (
    <Table.Tr>
      <Table.Td>
        <FileName document={document} />
      </Table.Td>
      <Table.Td fz="sm">{document.pageCount ?? '—'}</Table.Td>
      <Table.Td fz="sm">{formatBytes(document.sizeBytes)}</Table.Td>
      <Table.Td fz="sm">{formatDateTime(document.createdAt, i18n.language)}</Table.Td>
      <Table.Td>
        <FileActions {...props} />
      </Table.Td>
    </Table.Tr>
  );
}

// On a phone each file is a card instead of a five-column row.
function DocumentCard(props: RowProps) {
  const { t, i18n } = useTranslation('agreements');
  const { document } = props;
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <FileName document={document} />
        <FileActions {...props} />
      </Group>
      <Text fz="xs" c="dimmed" mt={6}>
        {t('documents.summary', {
          pages: document.pageCount ?? '—',
          size: formatBytes(document.sizeBytes),
          date: formatDateTime(document.createdAt, i18n.language),
        })}
      </Text>
    </Paper>
  );
}

function DeleteModal({ document, onClose }: { document: DocumentView | null; onClose: () => void }) {
  const { t } = useTranslation('agreements');
  const remove = useDeleteDocument();
  const confirm = () => {
    if (!document) return;
    remove.mutate(document.id, {
      onSuccess: () => {
        notifySuccess(t('documents.deleted', { name: document.fileName }));
        onClose();
      },
      onError: notifyError,
    });
  };
  return (
    <AppModal opened={document !== null} onClose={onClose} title={t('documents.deleteTitle')}>
      <Text fz="sm">{t('documents.deleteConfirm', { name: document?.fileName ?? '' })}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('actions.cancel', { ns: 'common' })}
        </Button>
        <Button color="red.9" loading={remove.isPending} onClick={confirm}>
          {t('documents.deleteButton')}
        </Button>
      </Group>
    </AppModal>
  );
}

export function AgreementDocuments({ agreementId, canUpload, canDelete }: { agreementId: string; canUpload: boolean; canDelete: boolean }) {
  const { t } = useTranslation('agreements');
  const documents = useAgreementDocuments(agreementId);
  const [toDelete, setToDelete] = useState<DocumentView | null>(null);
  const isWide = useMediaQuery('(min-width: 48em)', true);
  return (
    <Stack gap="md">
      {canUpload ? <DocumentUpload agreementId={agreementId} /> : null}
      {documents.isPending ? <PageLoader /> : null}
      {documents.isError ? <Alert color="red">{errorMessage(documents.error)}</Alert> : null}
      {documents.data?.length === 0 ? <Text c="dimmed">{t('documents.empty')}</Text> : null}
      {documents.data && documents.data.length > 0 && !isWide ? (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('documents.caption')}>
          {documents.data.map((document) => (
            <DocumentCard key={document.id} document={document} canDelete={canDelete} onDelete={() => setToDelete(document)} />
          ))}
        </Stack>
      ) : null}
      {documents.data && documents.data.length > 0 && isWide ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer type="native" minWidth={620} tabIndex={0} role="region" aria-label={t('documents.caption')}>
            <Table verticalSpacing="sm">
              <Table.Caption className="jalin-sr-only">{t('documents.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('documents.file')}</Table.Th>
                  <Table.Th scope="col">{t('documents.pages')}</Table.Th>
                  <Table.Th scope="col">{t('documents.size')}</Table.Th>
                  <Table.Th scope="col">{t('documents.uploadedAt')}</Table.Th>
                  <Table.Th scope="col">{t('documents.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {documents.data.map((document) => (
                  <DocumentRow key={document.id} document={document} canDelete={canDelete} onDelete={() => setToDelete(document)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <DeleteModal document={toDelete} onClose={() => setToDelete(null)} />
    </Stack>
  );
}
