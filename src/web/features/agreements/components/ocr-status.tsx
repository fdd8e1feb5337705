import { Anchor, Badge, Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OCR_PACKAGES, type DocumentView } from '../../../../shared/documents';
import { formatDateTime } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { useRetryOcr } from '../api/agreement-mutations';

// Where the reading of a scan stands, on the document itself: waiting, the page being read, done
// (with the searchable copy), or failed with its reason and a way to try again.
export function OcrStatus({ document }: { document: DocumentView }) {
  const { t, i18n } = useTranslation('agreements');
  const retry = useRetryOcr();
  const { ocr } = document;
  if (!ocr) return null;
  if (ocr.isToolMissing) {
    return (
      <Tooltip label={t('ocr.toolMissingHint', { packages: OCR_PACKAGES.join(' ') })} multiline w={320}>
        <Badge size="xs" variant="light" color="orange" tabIndex={0}>
          {t('ocr.toolMissing')}
        </Badge>
      </Tooltip>
    );
  }
  switch (ocr.state) {
    case 'queued':
      return (
        <Group gap={6}>
          <Badge size="xs" variant="light" color="blue">
            {t('ocr.queued')}
          </Badge>
          {ocr.error && ocr.nextAttemptAt ? (
            <Text fz="xs" c="dimmed">
              {t('ocr.willRetry', { at: formatDateTime(ocr.nextAttemptAt, i18n.language), reason: ocr.error })}
            </Text>
          ) : null}
        </Group>
      );
    case 'running':
      return (
        <Badge size="xs" variant="light" color="blue" leftSection={<Loader size={8} color="blue" aria-hidden />} role="status">
          {ocr.page && ocr.pageCount ? t('ocr.reading', { page: ocr.page, total: ocr.pageCount }) : t('ocr.started')}
        </Badge>
      );
    case 'done':
      return (
        <Group gap={6}>
          <Badge size="xs" variant="light" color="teal">
            {t('ocr.done')}
          </Badge>
          {document.hasSearchableCopy ? (
            <Anchor href={`/api/documents/${document.id}/file?variant=ocr`} target="_blank" rel="noopener" fz="xs">
              {t('ocr.searchableCopy')}
            </Anchor>
          ) : null}
        </Group>
      );
    case 'failed':
      return (
        <Group gap={6} align="center">
          <Badge size="xs" variant="light" color="red">
            {t('ocr.failed')}
          </Badge>
          <Text fz="xs" c="red.9" style={{ overflowWrap: 'anywhere' }}>
            {ocr.error}
          </Text>
          {ocr.canRetry ? (
            <Button size="compact-xs" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} loading={retry.isPending} onClick={() => retry.mutate(document.id, { onError: notifyError })}>
              {t('ocr.retry')}
            </Button>
          ) : null}
        </Group>
      );
  }
}
