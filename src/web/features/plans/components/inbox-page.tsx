import { Alert, Button, Card, Group, List, Stack, Switch, Text } from '@mantine/core';
import { IconClipboardPlus, IconFileText, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { InboxRow } from '../../../../shared/plans';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatDate, formatRupiah } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useInbox, usePlans } from '../api/plans-api';
import { BeneficiaryForm } from './beneficiary-form';
import { PlanForm } from './plan-form';
import { ToneBadge } from '../../../components/tone-badge';

function AgreementPlans({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation('plans');
  const plans = usePlans({ agreementId });
  if (!plans.data || plans.data.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('inbox.plans')}
      </Text>
      <List size="sm">
        {plans.data.map((plan) => (
          <List.Item key={plan.id}>
            {plan.title} — {plan.budgetYear} · {formatRupiah(plan.budgetAmount)} ({t(`plan.sources.${plan.budgetSource}`)})
          </List.Item>
        ))}
      </List>
    </div>
  );
}

function InboxCard({ row, initiallyOpen }: { row: InboxRow; initiallyOpen: boolean }) {
  const { t, i18n } = useTranslation('plans');
  const [form, setForm] = useState<'plan' | 'beneficiary' | null>(initiallyOpen ? 'plan' : null);
  return (
    <Card withBorder padding="md" data-testid={`inbox-${row.agreementId}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {row.agreementTitle}
          </Text>
          {row.planCount === 0 ? (
            <ToneBadge tone="orange">{t('inbox.notPlanned')}</ToneBadge>
          ) : (
            <ToneBadge tone="teal">{t('inbox.planned', { count: row.planCount })}</ToneBadge>
          )}
        </Group>
        <List size="sm">
          {row.tasks.map((task) => (
            <List.Item key={task.id}>
              {task.commitment}
              {task.dueOn ? ` — ${formatDate(task.dueOn, i18n.language)}` : ''}
            </List.Item>
          ))}
        </List>
        <AgreementPlans agreementId={row.agreementId} />
        <Group gap="xs" wrap="wrap">
          <Button component={Link} to={`/dissemination/${row.agreementId}`} variant="default" size="xs" leftSection={<IconFileText size={16} aria-hidden />}>
            {t('inbox.open')}
          </Button>
          <Button size="xs" variant="light" leftSection={<IconClipboardPlus size={16} aria-hidden />} onClick={() => setForm('plan')}>
            {t('inbox.addPlan')}
          </Button>
          <Button size="xs" variant="light" leftSection={<IconUsersGroup size={16} aria-hidden />} onClick={() => setForm('beneficiary')}>
            {t('inbox.addBeneficiaries')}
          </Button>
        </Group>
        {form === 'plan' ? <PlanForm row={row} onDone={() => setForm(null)} /> : null}
        {form === 'beneficiary' ? <BeneficiaryForm agreementId={row.agreementId} onDone={() => setForm(null)} /> : null}
      </Stack>
    </Card>
  );
}

// What an OPD must act on, with those not planned yet first.
export function InboxPage() {
  const { t } = useTranslation('plans');
  const inbox = useInbox();
  const [params] = useSearchParams();
  const focus = params.get('agreement');
  const [onlyUnplanned, setOnlyUnplanned] = useState(false);
  const rows = [...(inbox.data ?? [])].sort((a, b) => Number(a.planCount > 0) - Number(b.planCount > 0)).filter((row) => !onlyUnplanned || row.planCount === 0);
  return (
    <>
      <PageHeader title={t('inbox.title')} description={t('inbox.description')} />
      <Switch label={t('inbox.onlyUnplanned')} checked={onlyUnplanned} onChange={(event) => setOnlyUnplanned(event.currentTarget.checked)} mb="md" />
      {inbox.isPending ? <PageLoader /> : null}
      {inbox.error ? <Alert color="red">{errorMessage(inbox.error)}</Alert> : null}
      {inbox.data?.length === 0 ? <Text c="dimmed">{t('inbox.empty')}</Text> : null}
      <Stack gap="sm">
        {rows.map((row) => (
          <InboxCard key={row.agreementId} row={row} initiallyOpen={row.agreementId === focus} />
        ))}
      </Stack>
    </>
  );
}
