import { Alert, Button, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

// Someone saved the same record after this form opened (409 STALE): nothing was overwritten, and
// what the user typed stays in the form until they choose to load the newer data.
export function StaleNotice({ onReload, isReloading }: { onReload: () => void; isReloading: boolean }) {
  const { t } = useTranslation('proposals');
  return (
    <Alert color="orange" variant="light" title={t('stale.title')} role="alert">
      <Text fz="sm" mb="xs">
        {t('stale.body')}
      </Text>
      <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload} loading={isReloading}>
        {t('stale.reload')}
      </Button>
    </Alert>
  );
}
