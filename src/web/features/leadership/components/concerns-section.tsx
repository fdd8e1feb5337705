import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LeadershipDashboard } from '../../../../shared/leadership';
import { formatDate } from '../../../lib/format';
import { useNumber } from '../../../lib/use-number';

type Item = { key: string; link: string; title: string; note: string | null };

function ConcernCard({ id, title, total, help, items }: { id: string; title: string; total: number; help: string; items: Item[] }) {
  const number = useNumber();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={3} fz="h5" id={id}>
        {title}: {number(total)}
      </Title>
      <Text fz="xs" c="gray.7" mb="xs">
        {help}
      </Text>
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <li key={item.key}>
            <Anchor component={Link} to={item.link} fz="sm" style={{ overflowWrap: 'anywhere' }}>
              {item.title}
            </Anchor>
            {item.note ? (
              <Text fz="xs" c="gray.7">
                {item.note}
              </Text>
            ) : null}
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

// What waits for a decision today, whatever period is chosen: agreements asleep, agreements ending
// and realisation reports the OPDs still owe.
export function ConcernsSection({ dashboard }: { dashboard: LeadershipDashboard }) {
  const { t, i18n } = useTranslation('leadership');
  const { dormant, expiring, overdueReports } = dashboard;
  return (
    <section aria-labelledby="leadership-concerns">
      <Title order={2} fz="h4" mb="sm" id="leadership-concerns">
        {t('concerns.title', { date: formatDate(dashboard.on, i18n.language) })}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <ConcernCard
          id="leadership-dormant"
          title={t('concerns.dormant')}
          total={dormant.total}
          help={t('concerns.dormantHelp')}
          items={dormant.top.map((row) => ({ key: row.id, link: `/agreements/${row.id}`, title: row.title, note: row.numberOurs }))}
        />
        <ConcernCard
          id="leadership-expiring"
          title={t('concerns.expiring')}
          total={expiring.total}
          help={t('concerns.expiringHelp', { days: expiring.withinDays })}
          items={expiring.top.map((row) => ({ key: row.id, link: `/agreements/${row.id}?tab=evaluation`, title: row.title, note: t('concerns.endsOn', { date: formatDate(row.endsOn, i18n.language) }) }))}
        />
        <ConcernCard
          id="leadership-overdue"
          title={t('concerns.overdue')}
          total={overdueReports.total}
          help={t('concerns.overdueHelp', { period: overdueReports.period })}
          items={overdueReports.top.map((row) => ({ key: row.planId, link: `/agreements/${row.agreementId}`, title: row.planTitle, note: `${row.unitName} · ${row.agreementTitle}` }))}
        />
      </SimpleGrid>
    </section>
  );
}
