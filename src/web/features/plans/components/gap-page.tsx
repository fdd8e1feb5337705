import { Alert, Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconListCheck, IconReportMoney } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { GapCounts } from '../../../../shared/plans';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatDate, formatRupiah } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useCan } from '../../../lib/session';
import { useGap } from '../api/plans-api';
import { ToneBadge } from '../../../components/tone-badge';

const STEPS = ['signed', 'disseminated', 'acknowledged', 'planned'] as const;
const UNIT_COLUMNS = ['tasked', 'acknowledged', 'planned'] as const;

type CountRow<K extends string> = Record<K, number> & { key: string; label: ReactNode };

// A titled table: a label column, then one right-aligned count per column.
function CountTable<K extends string>({ title, labelHeader, columns, rows }: { title: string; labelHeader: string; columns: { key: K; label: string }[]; rows: CountRow<K>[] }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={420} type="native" tabIndex={0} role="region" aria-label={title}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{labelHeader}</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column.key} ta="right">
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{row.label}</Table.Td>
                {columns.map((column) => (
                  <Table.Td key={column.key} ta="right">
                    {row[column.key]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

// Four numbers side by side, each with its share of the signed ones: the gap at a glance.
function Funnel({ counts }: { counts: GapCounts }) {
  const { t } = useTranslation('plans');
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {STEPS.map((step) => (
        <Card key={step} withBorder padding="md" data-testid={`gap-${step}`}>
          <Text size="sm" c="dimmed">
            {t(`gap.${step}`)}
          </Text>
          <Text fz={32} fw={700} lh={1.1} data-value={counts[step]}>
            {counts[step]}
          </Text>
          {step !== 'signed' && counts.signed > 0 ? (
            <Text size="xs" c="dimmed">
              {Math.round((counts[step] / counts.signed) * 100)}%
            </Text>
          ) : null}
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function GapPage() {
  const { t, i18n } = useTranslation('plans');
  const canPrepare = useCan('dissemination.prepare');
  const [params, setParams] = useSearchParams();
  const year = params.get('year') && /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : undefined;
  const gap = useGap(year);
  const allYears = useGap(undefined);
  const yearOptions = [{ value: '', label: t('gap.allYears') }, ...(allYears.data?.byYear ?? []).map((row) => ({ value: String(row.year), label: String(row.year) }))];
  return (
    <>
      <PageHeader
        title={t('gap.title')}
        description={t('gap.description')}
        actions={
          <>
            <Button component={Link} to="/plans/all" variant="light" leftSection={<IconReportMoney size={18} aria-hidden />}>
              {t('gap.plans')}
            </Button>
            <Button component={Link} to="/dissemination" variant="light" leftSection={<IconListCheck size={18} aria-hidden />}>
              {t('gap.tracking')}
            </Button>
          </>
        }
      />
      <Select label={t('gap.year')} data={yearOptions} value={year ? String(year) : ''} onChange={(value) => setParams(value ? { year: value } : {}, { replace: true })} allowDeselect={false} maw={220} mb="md" />
      {gap.isPending ? <PageLoader /> : null}
      {gap.error ? <Alert color="red">{errorMessage(gap.error)}</Alert> : null}
      {gap.data ? (
        <Stack gap="lg">
          <Funnel counts={gap.data.totals} />
          <CountTable
            title={t('gap.byYear')}
            labelHeader={t('gap.year')}
            columns={STEPS.map((step) => ({ key: step, label: t(`gap.${step}`) }))}
            rows={gap.data.byYear.map((row) => ({ ...row, key: String(row.year), label: row.year }))}
          />
          <CountTable
            title={t('gap.byUnit')}
            labelHeader={t('gap.unit')}
            columns={UNIT_COLUMNS.map((column) => ({ key: column, label: t(`gap.${column}`) }))}
            rows={gap.data.byUnit.map((row) => ({ ...row, key: row.unitId, label: row.unitName }))}
          />
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('gap.beneficiaries')}
            </Title>
            {gap.data.beneficiaries.length === 0 ? <Text c="dimmed">{t('gap.beneficiariesNone')}</Text> : null}
            <Group gap="md" wrap="wrap">
              {gap.data.beneficiaries.map((row) => (
                <div key={row.kind}>
                  <Text size="sm" c="dimmed">
                    {row.kind}
                  </Text>
                  <Text fw={700}>
                    {t('gap.people', { count: row.count })}
                    {row.amountIdr !== '0' ? ` · ${formatRupiah(row.amountIdr)}` : ''}
                  </Text>
                </div>
              ))}
            </Group>
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('gap.withoutPlan')}
            </Title>
            {gap.data.withoutPlan.length === 0 ? <Text c="dimmed">{t('gap.withoutPlanNone')}</Text> : null}
            <Stack gap="xs">
              {gap.data.withoutPlan.map((row) => (
                <Group key={row.agreementId} justify="space-between" wrap="wrap" gap="xs" data-testid={`without-plan-${row.agreementId}`}>
                  <div style={{ minWidth: 0, flex: '1 1 260px' }}>
                    <Anchor component={Link} to={`/dissemination/${row.agreementId}`} style={{ overflowWrap: 'anywhere' }}>
                      {row.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatDate(row.signedOn, i18n.language)}
                    </Text>
                  </div>
                  {row.disseminated ? null : (
                    <Group gap="xs">
                      <ToneBadge tone="orange">{t('gap.notDisseminated')}</ToneBadge>
                      {canPrepare ? (
                        <Button component={Link} to={`/dissemination/${row.agreementId}`} size="xs" variant="light">
                          {t('gap.prepare')}
                        </Button>
                      ) : null}
                    </Group>
                  )}
                </Group>
              ))}
            </Stack>
          </Card>
        </Stack>
      ) : null}
    </>
  );
}
