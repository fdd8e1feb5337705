import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportAction, ImportSampleRow } from '../../../../shared/imports';
import { formatDate } from '../../../lib/format';

// Pairs picked for a contrast of at least 4.5:1 (WCAG AA), striped rows included.
const ACTION_COLORS: Record<ImportAction, { background: string; color: string }> = {
  create: { background: '#d3f9d8', color: '#1b5e20' },
  update: { background: '#d0ebff', color: '#0b3d6e' },
  unchanged: { background: '#e9ecef', color: '#343a40' },
};

export function ImportSampleTable({ sample }: { sample: ImportSampleRow[] }) {
  const { t, i18n } = useTranslation('imports');
  if (sample.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="xs">
        {t('sample.title', { count: sample.length })}
      </Title>
      <Table.ScrollContainer minWidth={860} type="native" tabIndex={0} role="region" aria-label={t('sample.title', { count: sample.length })}>
        <Table striped verticalSpacing="xs" aria-label={t('sample.title', { count: sample.length })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('sample.row')}</Table.Th>
              <Table.Th w={110}>{t('sample.action')}</Table.Th>
              <Table.Th w={170}>{t('sample.number')}</Table.Th>
              <Table.Th>{t('sample.titleColumn')}</Table.Th>
              <Table.Th w={70}>{t('sample.type')}</Table.Th>
              <Table.Th w={200}>{t('sample.partners')}</Table.Th>
              <Table.Th w={140}>{t('sample.signedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sample.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>
                  <Badge variant="filled" styles={{ root: { background: ACTION_COLORS[row.action].background, color: ACTION_COLORS[row.action].color } }}>
                    {t(`sample.actions.${row.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.numberOurs}</Table.Td>
                <Table.Td>
                  <Text fz="sm" lineClamp={2}>
                    {row.title}
                  </Text>
                </Table.Td>
                <Table.Td>{row.docType}</Table.Td>
                <Table.Td>{row.partners.map((partner) => partner.name).join('; ')}</Table.Td>
                <Table.Td>{formatDate(row.signedOn, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
