import { Alert, Button, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isStale } from '../lib/form-errors';
import { errorMessage } from '../lib/notify';

type StaleProps = { onReload: () => void; isReloading?: boolean; namespace?: string };

// Someone else saved in between: nothing is overwritten; the user reloads and redoes the change.
// A feature may word it its own way (its `stale.*` texts), e.g. to say the typed input stays.
export function StaleAlert({ onReload, isReloading, namespace }: StaleProps) {
  const { t } = useTranslation(namespace);
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

type Props = { error: unknown; isFieldError: boolean; onReload: () => void; isReloading?: boolean };

// A failed save: a stale version, or a problem that no single field carries.
export function SaveFeedback({ error, isFieldError, onReload, isReloading }: Props) {
  if (!error || isFieldError) return null;
  if (isStale(error)) return <StaleAlert onReload={onReload} isReloading={isReloading} />;
  return <ErrorAlert error={error} />;
}

// A failed request's message, or nothing while there is no error.
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
