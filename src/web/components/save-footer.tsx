import { Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';

type Props = { namespace: string; updatedAt: string; version: number; isSaving: boolean; children: ReactNode };

// The foot of a versioned form: its own action on the left; when and which version was last
// saved, and the submit button, on the right. The screen's namespace supplies updatedAt and save.
export function SaveFooter({ namespace, updatedAt, version, isSaving, children }: Props) {
  const { t, i18n } = useTranslation(namespace);
  return (
    <Group justify="space-between" wrap="wrap">
      {children}
      <Group gap="sm">
        <Text fz="sm" c="dimmed">
          {t('updatedAt', { when: formatDateTime(updatedAt, i18n.language), version })}
        </Text>
        <Button type="submit" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={isSaving}>
          {t('save')}
        </Button>
      </Group>
    </Group>
  );
}
