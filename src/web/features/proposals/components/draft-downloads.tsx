import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DRAFT_TYPES } from '../../../../shared/proposal-signing';
import { notifyError } from '../../../lib/notify';
import { useDownloadDraft } from '../api/proposal-process';

// An editable DOCX of the KB, PKS or NK built from the proposal's fields and the admin's template.
export function DraftDownloads({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('proposals');
  const download = useDownloadDraft(proposalId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="drafts-heading">
      <Title order={2} fz="md" mb={4} id="drafts-heading">
        {t('drafts.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('drafts.hint')}
      </Text>
      <Group gap="sm" wrap="wrap">
        {DRAFT_TYPES.map((type) => (
          <Button key={type} variant="outline" leftSection={<IconFileTypeDocx size={16} aria-hidden />} loading={download.isPending && download.variables === type} onClick={() => download.mutate(type, { onError: notifyError })}>
            {t(`drafts.${type}`)}
          </Button>
        ))}
      </Group>
    </Paper>
  );
}
