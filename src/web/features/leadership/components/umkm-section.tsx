import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UmkmLens } from '../../../../shared/leadership';
import { formatRupiah } from '../../../lib/format';
import { useNumber } from '../../../lib/use-number';
import { ComparedTable } from './compared-table';
import { Delta } from './delta';

function Figure({ label, value, count, previous, format }: { label: string; value: string; count: number; previous: number; format?: (value: number) => string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text fz="sm" c="gray.7">
        {label}
      </Text>
      <Text fz="lg" fw={700} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      <Delta count={count} previous={previous} {...(format ? { format } : {})} />
    </Paper>
  );
}

const rupiah = (value: number) => formatRupiah(String(Math.round(value)));

// The Wali Kota's priority: agreements for UMKM and traders, what was planned and done, who was
// reached and what was spent.
export function UmkmSection({ umkm }: { umkm: UmkmLens }) {
  const { t } = useTranslation('leadership');
  const number = useNumber();
  const funds = umkm.funds.map((row) => ({ key: row.source, label: t(`funds.sources.${row.source}`), count: Number(row.realised), previous: Number(row.previous) }));
  return (
    <Stack component="section" aria-labelledby="leadership-umkm" gap="md">
      <div>
        <Title order={2} fz="h4" id="leadership-umkm">
          {t('umkm.title')}
        </Title>
        <Text fz="sm" c="gray.7">
          {t('umkm.help')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Figure label={t('umkm.agreements')} value={number(umkm.agreements.count)} {...umkm.agreements} />
        <Figure label={t('umkm.planned')} value={number(umkm.planned.count)} {...umkm.planned} />
        <Figure label={t('umkm.implemented')} value={number(umkm.implemented.count)} {...umkm.implemented} />
        <Figure label={t('umkm.plannedBudget')} value={formatRupiah(umkm.plannedBudget.amount)} count={Number(umkm.plannedBudget.amount)} previous={Number(umkm.plannedBudget.previous)} format={rupiah} />
        {umkm.beneficiaries.map((row) => (
          <Figure key={row.group} label={t(`beneficiaries.groups.${row.group}`)} value={number(row.count)} count={row.count} previous={row.previous} />
        ))}
      </SimpleGrid>
      <ComparedTable id="leadership-umkm-funds" title={t('umkm.funds')} labelHeader={t('funds.source')} rows={funds} format={rupiah} withChart={false} />
    </Stack>
  );
}
