import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDevicesOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/app-modal';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useEndOtherSessions } from '../api/use-account';

// A phone lost or a shared computer left signed in: every session but this one ends.
export function OtherDevices() {
  const { t } = useTranslation('account');
  const end = useEndOtherSessions();
  const [isOpen, { open, close }] = useDisclosure(false);
  const confirm = () => {
    close();
    end.mutate(undefined, { onSuccess: ({ endedSessions }) => notifySuccess(t('devices.ended', { count: endedSessions })), onError: notifyError });
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="devices-heading">
      <Title order={2} fz="md" id="devices-heading" mb={4}>
        {t('devices.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('devices.hint')}
      </Text>
      <Group>
        <Button variant="default" leftSection={<IconDevicesOff size={16} aria-hidden />} onClick={open} loading={end.isPending}>
          {t('devices.button')}
        </Button>
      </Group>
      <AppModal opened={isOpen} onClose={close} title={t('devices.confirmTitle')} centered>
        <Text fz="sm" mb="md">
          {t('devices.confirmText')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button color="red" onClick={confirm}>
            {t('devices.confirm')}
          </Button>
        </Group>
      </AppModal>
    </Paper>
  );
}
