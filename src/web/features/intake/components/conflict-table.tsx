import { Alert, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IntakeConflict } from '../../../../shared/intake';

// Where the scan and the register disagree. Accepting keeps the register's value.
export function ConflictTable({ conflicts }: { conflicts: IntakeConflict[] }) {
  const { t } = useTranslation('intake');
  if (conflicts.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={t('conflicts.title')} icon={<IconAlertTriangle aria-hidden />}>
      <Text fz="sm" mb="xs">
        {t('conflicts.hint')}
      </Text>
      <Table.ScrollContainer minWidth={420} type="native">
        <Table verticalSpacing={4} aria-label={t('conflicts.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('conflicts.field')}</Table.Th>
              <Table.Th>{t('conflicts.register')}</Table.Th>
              <Table.Th>{t('conflicts.scan')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflicts.map((conflict) => (
              <Table.Tr key={conflict.field}>
                <Table.Td>{t(`conflicts.names.${conflict.field}`)}</Table.Td>
                <Table.Td fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {conflict.register}
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{conflict.scan}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}
