import { Alert, Anchor, Badge, Box, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PROCEDURE_DOC_TYPES, type ProcedureDocType } from '../../../../shared/procedures';
import type { ProposalView } from '../../../../shared/proposals';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { ActiveContentBadge } from '../../../components/active-content-badge';
import { groupByType } from '../lib/proposal-filters';
import { DocumentComments } from './document-comments';
import { docTypeLabel, ProposalDocumentUpload } from './proposal-document-upload';

const isDocType = (value: string): value is ProcedureDocType => (PROCEDURE_DOC_TYPES as readonly string[]).includes(value);

export function MissingDocuments({ view }: { view: ProposalView }) {
  const { t, i18n } = useTranslation('proposals');
  if (view.state !== 'aktif' && view.state !== 'dikembalikan') return null;
  if (view.missingDocTypes.length === 0) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />}>
        {t('detail.missingNone')}
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('detail.missingTitle')}>
      <List size="sm">
        {view.missingDocTypes.map((type) => (
          <List.Item key={type}>{docTypeLabel(type, i18n.language)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

// Documents by type, every version kept, newest first; upload when this user may.
export function ProposalDocuments({ view, canUpload }: { view: ProposalView; canUpload: boolean }) {
  const { t, i18n } = useTranslation('proposals');
  const current = view.stages.find((stage) => stage.status === 'berjalan');
  const groups = groupByType(view.documents, PROCEDURE_DOC_TYPES);
  return (
    <Stack gap="md">
      <MissingDocuments view={view} />
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="proposal-documents-heading">
        <Title order={2} fz="md" mb="sm" id="proposal-documents-heading">
          {t('documents.title')}
        </Title>
        {groups.length === 0 ? <Text c="dimmed">{t('documents.empty')}</Text> : null}
        <Stack gap="md">
          {groups.map((group) => (
            <Box key={group.docType}>
              <Group gap={6} mb={4} wrap="wrap">
                <Title order={3} fz="sm">
                  {isDocType(group.docType) ? docTypeLabel(group.docType, i18n.language) : group.docType}
                </Title>
                {current?.requiredDocTypes.some((type) => type === group.docType) ? (
                  <Badge size="xs" variant="filled" styles={{ root: { background: '#d0ebff', color: '#0b4a80' } }}>
                    {t('documents.required')}
                  </Badge>
                ) : null}
              </Group>
              <Box component="ul" m={0} pl="md">
                {group.versions.map((document) => (
                  <li key={document.id}>
                    <Group gap={6} wrap="wrap">
                      <Anchor href={`/api/proposal-documents/${document.id}/file`} target="_blank" rel="noopener" fz="sm" aria-label={t('documents.open', { name: document.fileName })} style={{ overflowWrap: 'anywhere' }}>
                        {document.fileName}
                      </Anchor>
                      <Text fz="xs" c="dimmed">
                        {t('documents.version', { n: document.versionNo })} · {formatBytes(document.sizeBytes)} · {formatDateTime(document.createdAt, i18n.language)} · {t(`documents.via.${document.uploadedVia}`)}
                      </Text>
                      {document.isLatest ? (
                        <Badge size="xs" variant="filled" styles={{ root: { background: '#d3f9d8', color: '#1b5e20' } }}>
                          {t('documents.latest')}
                        </Badge>
                      ) : null}
                      <ActiveContentBadge kinds={document.activeContent} />
                    </Group>
                    {document.note ? (
                      <Text fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
                        {document.note}
                      </Text>
                    ) : null}
                    <DocumentComments documentId={document.id} fileName={document.fileName} />
                  </li>
                ))}
              </Box>
            </Box>
          ))}
        </Stack>
      </Paper>
      {canUpload ? <ProposalDocumentUpload key={view.missingDocTypes[0] ?? 'none'} proposalId={view.id} suggested={view.missingDocTypes[0]} /> : null}
    </Stack>
  );
}
