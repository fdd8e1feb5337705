import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectorRow, UnitRow } from '../../../../shared/leadership';
import { useNumber } from '../../../lib/use-number';

type Row = { key: string; label: string; counts: number[] };

function ActivityTable({ id, title, help, labelHeader, headers, rows }: { id: string; title: string; help: string; labelHeader: string; headers: string[]; rows: Row[] }) {
  const { t } = useTranslation('leadership');
  const number = useNumber();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id}>
        {title}
      </Title>
      <Text fz="sm" c="gray.7" mb="sm">
        {help}
      </Text>
      {rows.length === 0 ? (
        <Text fz="sm">{t('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520} type="native">
          <Table verticalSpacing={6} withTableBorder highlightOnHover aria-labelledby={id}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{labelHeader}</Table.Th>
                {headers.map((header) => (
                  <Table.Th key={header} scope="col" ta="right">
                    {header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={500}>
                    {row.label}
                  </Table.Th>
                  {row.counts.map((count, index) => (
                    <Table.Td key={headers[index]} ta="right">
                      {number(count)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

// Who turns agreements into activity: per OPD, the agreements it was given and what it did with them.
export function UnitTable({ rows }: { rows: UnitRow[] }) {
  const { t } = useTranslation('leadership');
  return (
    <ActivityTable
      id="leadership-units"
      title={t('units.title')}
      help={t('units.help')}
      labelHeader={t('units.unit')}
      headers={[t('units.assigned'), t('columns.planned'), t('columns.implemented'), t('columns.evaluated')]}
      rows={rows.map((row) => ({ key: row.unitId, label: row.unitName, counts: [row.assigned, row.planned, row.implemented, row.evaluated] }))}
    />
  );
}

export function SectorTable({ rows }: { rows: SectorRow[] }) {
  const { t } = useTranslation('leadership');
  return (
    <ActivityTable
      id="leadership-sectors"
      title={t('sectors.title')}
      help={t('sectors.help')}
      labelHeader={t('sectors.sector')}
      headers={[t('sectors.agreements'), t('columns.planned'), t('columns.implemented'), t('columns.evaluated')]}
      rows={rows.map((row) => ({ key: row.sectorCode, label: row.sectorName, counts: [row.agreements, row.planned, row.implemented, row.evaluated] }))}
    />
  );
}
