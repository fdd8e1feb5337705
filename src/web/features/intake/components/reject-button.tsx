import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/app-modal';

// Rejecting cannot be undone, so it is asked twice.
export function RejectButton({ fileName, isRejecting, onReject }: { fileName: string; isRejecting: boolean; onReject: () => void }) {
  const { t } = useTranslation('intake');
  const [isOpen, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" color="red" onClick={open} loading={isRejecting}>
        {t('file.reject')}
      </Button>
      <AppModal opened={isOpen} onClose={close} title={t('file.rejectTitle')} centered>
        <Text fz="sm" mb="md" style={{ overflowWrap: 'anywhere' }}>
          {t('file.rejectBody', { name: fileName })}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button
            color="red"
            onClick={() => {
              close();
              onReject();
            }}
          >
            {t('file.rejectConfirm')}
          </Button>
        </Group>
      </AppModal>
    </>
  );
}
