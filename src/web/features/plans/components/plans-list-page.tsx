import { Alert, Anchor, Button, Card, Group, Select, Table, Text } from '@mantine/core';
import { IconChartDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PlanView } from '../../../../shared/plans';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatRupiah } from '../../../lib/format';
import { useMasterData } from '../../../lib/master-data';
import { errorMessage } from '../../../lib/notify';
import { usePlans } from '../api/plans-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The filters live in the address, so a filtered list can be bookmarked and Back undoes a change;
// a malformed value is ignored rather than sent to the server.
function usePlanFilters() {
  const [params, setParams] = useSearchParams();
  const yearText = params.get('year') ?? '';
  const unitText = params.get('unit') ?? '';
  const budgetYear = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const unitId = UUID.test(unitText) ? unitText : undefined;
  const update = (name: 'year' | 'unit', value: string | null) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return { budgetYear, unitId, update };
}

// Budget years around today: plans are made for the coming year and looked back on for a few.
function yearOptions(selected: number | undefined): number[] {
  const now = new Date().getFullYear();
  const years = Array.from({ length: 9 }, (_, index) => now + 2 - index);
  if (selected !== undefined && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}

function codesOf(plan: PlanView): string {
  return [plan.programCode, plan.kegiatanCode, plan.subKegiatanCode].filter(Boolean).join(' · ');
}

function PlanRow({ plan }: { plan: PlanView }) {
  const { t } = useTranslation('plans');
  const codes = codesOf(plan);
  return (
    // Top-aligned: a long agreement title wraps to several lines beside one-line cells.
    <Table.Tr data-testid={`plan-row-${plan.id}`} style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Anchor component={Link} to={`/dissemination/${plan.agreementId}`} style={{ overflowWrap: 'anywhere' }}>
          {plan.agreementTitle}
        </Anchor>
      </Table.Td>
      <Table.Td>{plan.unitName}</Table.Td>
      <Table.Td>
        <Text size="sm">{plan.title}</Text>
        {codes ? (
          <Text size="xs" c="dimmed">
            {codes}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{plan.budgetYear}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatRupiah(plan.budgetAmount)}
      </Table.Td>
      <Table.Td>{t(`plan.sources.${plan.budgetSource}`)}</Table.Td>
      <Table.Td ta="right">{plan.beneficiaryCount}</Table.Td>
    </Table.Tr>
  );
}

function PlansTable({ plans }: { plans: PlanView[] }) {
  const { t } = useTranslation('plans');
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.agreement')}</Table.Th>
            <Table.Th>{t('list.unit')}</Table.Th>
            <Table.Th>{t('list.activity')}</Table.Th>
            <Table.Th>{t('plan.budgetYear')}</Table.Th>
            <Table.Th ta="right">{t('list.budget')}</Table.Th>
            <Table.Th>{t('plan.budgetSource')}</Table.Th>
            <Table.Th ta="right">{t('list.beneficiaries')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => (
            <PlanRow key={plan.id} plan={plan} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// Every OPD's activity plans, for the division, the TKKSD and the leadership.
export function PlansListPage() {
  const { t } = useTranslation('plans');
  const { budgetYear, unitId, update } = usePlanFilters();
  const plans = usePlans({ budgetYear, unitId });
  const master = useMasterData();
  const units = (master.data?.units ?? []).map((unit) => ({ value: unit.id, label: unit.name }));
  const years = yearOptions(budgetYear).map((year) => ({ value: String(year), label: String(year) }));
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <Button component={Link} to="/gap" variant="light" leftSection={<IconChartDots size={18} aria-hidden />}>
            {t('nav.gap')}
          </Button>
        }
      />
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <Select
          label={t('plan.budgetYear')}
          placeholder={t('list.allYears')}
          data={years}
          value={budgetYear === undefined ? null : String(budgetYear)}
          onChange={(value) => update('year', value)}
          clearable
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('list.unit')}
          placeholder={t('list.allUnits')}
          data={units}
          value={unitId ?? null}
          onChange={(value) => update('unit', value)}
          searchable
          clearable
          w={{ base: '100%', xs: 360 }}
        />
      </Group>
      {plans.isPending ? <PageLoader /> : null}
      {plans.error ? <Alert color="red">{errorMessage(plans.error)}</Alert> : null}
      {plans.data ? (
        <Card withBorder>
          {plans.data.length === 0 ? (
            <Text c="dimmed">{budgetYear !== undefined || unitId ? t('list.emptyFiltered') : t('list.empty')}</Text>
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
                {t('list.count', { count: plans.data.length })}
              </Text>
              <PlansTable plans={plans.data} />
            </>
          )}
        </Card>
      ) : null}
    </>
  );
}
