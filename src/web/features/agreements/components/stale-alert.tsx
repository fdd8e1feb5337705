import { Alert, Button, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

// Someone saved in between: we never overwrite their change; the user reloads and redoes theirs.
export function StaleAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation('agreements');
  return (
    <Alert color="orange" variant="light" title={t('stale.title')} role="alert">
      <Text fz="sm" mb="xs">
        {t('stale.body')}
      </Text>
      <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload}>
        {t('stale.reload')}
      </Button>
    </Alert>
  );
}
