import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

// Overdue is said in words and with an icon, never by colour alone.
export function OverdueBadge() {
  const { t } = useTranslation('proposals');
  return (
    <Badge size="sm" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} styles={{ root: { background: '#ffe3e3', color: '#a51111', flexShrink: 0 } }}>
      {t('board.overdue')}
    </Badge>
  );
}
