import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessageCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useAddComment, useDocumentComments } from '../api/proposal-process';
import { ErrorAlert } from '../../../components/save-feedback';

// One thread per document version: what the TKKSD, the division and the initiator said about it.
export function DocumentComments({ documentId, fileName }: { documentId: string; fileName: string }) {
  const { t, i18n } = useTranslation('proposals');
  const [opened, { toggle }] = useDisclosure(false);
  const comments = useDocumentComments(documentId, opened);
  const add = useAddComment(documentId);
  const [body, setBody] = useState('');
  const items = comments.data?.items ?? [];
  return (
    <Stack gap={4} mt={2}>
      <Button size="compact-xs" variant="subtle" leftSection={<IconMessageCircle size={14} aria-hidden />} onClick={toggle} aria-expanded={opened} style={{ alignSelf: 'flex-start' }}>
        {opened ? t('comments.hide') : t('comments.show', { name: fileName })}
      </Button>
      {opened ? (
        <Stack gap={6} pl="sm" style={{ borderLeft: '2px solid #dee2e6' }}>
          {comments.isError ? <Text fz="xs">{errorMessage(comments.error)}</Text> : null}
          {comments.isSuccess && items.length === 0 ? (
            <Text fz="xs" c="dimmed">
              {t('comments.empty')}
            </Text>
          ) : null}
          {items.map((comment) => (
            <div key={comment.id}>
              <Text fz="xs" c="dimmed">
                {comment.authorName ?? t(`comments.author.${comment.authorKind}`)} · {formatDateTime(comment.createdAt, i18n.language)}
              </Text>
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {comment.body}
              </Text>
            </div>
          ))}
          <Textarea label={t('comments.new')} value={body} onChange={(event) => setBody(event.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          <ErrorAlert error={add.error} />
          <Button size="xs" onClick={() => add.mutate({ body: body.trim() }, { onSuccess: () => setBody('') })} loading={add.isPending} disabled={body.trim() === ''} style={{ alignSelf: 'flex-start' }}>
            {t('comments.send')}
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}
