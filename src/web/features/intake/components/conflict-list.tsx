import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IntakeConflict } from '../../../../shared/intake';
import { formatDate } from '../../../lib/format';

const DATE_CONFLICTS: readonly IntakeConflict['field'][] = ['signedOn', 'startsOn', 'endsOn'];

// Where the scan and the register disagree. Accepting keeps the register's value. A list rather
// than a table: long titles side by side do not fit a phone.
export function ConflictList({ conflicts }: { conflicts: IntakeConflict[] }) {
  const { t, i18n } = useTranslation('intake');
  if (conflicts.length === 0) return null;
  const shown = (conflict: IntakeConflict, value: string) => (DATE_CONFLICTS.includes(conflict.field) ? formatDate(value, i18n.language) : value);
  return (
    <Alert color="orange" variant="light" title={t('conflicts.title')} icon={<IconAlertTriangle aria-hidden />}>
      <Text fz="sm" mb="xs">
        {t('conflicts.hint')}
      </Text>
      <List spacing={6} fz="sm" aria-label={t('conflicts.title')}>
        {conflicts.map((conflict) => (
          <List.Item key={conflict.field} style={{ overflowWrap: 'anywhere' }}>
            <Text component="span" fz="sm" fw={700}>
              {t(`conflicts.names.${conflict.field}`)}
            </Text>
            {' — '}
            {t('conflicts.register')}: <strong>{shown(conflict, conflict.register)}</strong>
            {' · '}
            {t('conflicts.scan')}: {shown(conflict, conflict.scan)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
