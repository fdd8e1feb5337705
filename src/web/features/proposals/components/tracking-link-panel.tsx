import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useReissueTrackingLink, useRevokeTrackingLink } from '../api/proposal-mutations';

// The outside initiator's private link: a new one goes to their e-mail and replaces the old one.
export function TrackingLinkPanel({ proposalId }: { proposalId: string }) {
  const { t, i18n } = useTranslation('proposals');
  const reissue = useReissueTrackingLink(proposalId);
  const revoke = useRevokeTrackingLink(proposalId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="tracking-heading">
      <Title order={2} fz="md" mb={4} id="tracking-heading">
        {t('tracking.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('tracking.hint')}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Button
          variant="outline"
          leftSection={<IconLink size={16} aria-hidden />}
          loading={reissue.isPending}
          onClick={() => reissue.mutate(undefined, { onSuccess: ({ expiresAt }) => notifySuccess(t('tracking.reissued', { date: formatDateTime(expiresAt, i18n.language) })), onError: notifyError })}
        >
          {t('tracking.reissue')}
        </Button>
        <Button
          variant="outline"
          color="red.9"
          leftSection={<IconLinkOff size={16} aria-hidden />}
          loading={revoke.isPending}
          onClick={() => revoke.mutate(undefined, { onSuccess: ({ revoked }) => notifySuccess(t('tracking.revoked', { count: revoked })), onError: notifyError })}
        >
          {t('tracking.revoke')}
        </Button>
      </Group>
    </Paper>
  );
}
