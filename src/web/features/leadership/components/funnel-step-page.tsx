import { Alert, Anchor, Group, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FUNNEL_STEPS, type FunnelStep } from '../../../../shared/leadership';
import { NotFoundPage } from '../../../components/not-found-page';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatDate } from '../../../lib/format';
import { errorMessage } from '../../../lib/notify';
import { useNumber } from '../../../lib/use-number';
import { useFunnelList, type PeriodChoice } from '../api/leadership-api';
import { periodQuery, usePeriodParams } from '../lib/period';

function isStep(value: string | undefined): value is FunnelStep {
  return (FUNNEL_STEPS as readonly (string | undefined)[]).includes(value);
}

function StepList({ step, period }: { step: FunnelStep; period: PeriodChoice }) {
  const { t, i18n } = useTranslation('leadership');
  const number = useNumber();
  const [page, setPage] = useState(1);
  const list = useFunnelList(step, period, page);
  const data = list.data;
  if (list.isError) {
    return (
      <Alert color="red" variant="light" title={t('errors.load')} icon={<IconAlertCircle aria-hidden />} role="alert">
        {errorMessage(list.error)}
      </Alert>
    );
  }
  if (!data) return <PageLoader />;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <Stack gap="md">
      <Text>
        {t('list.summary', { count: data.total, total: number(data.total), from: formatDate(data.period.from, i18n.language), to: formatDate(data.period.to, i18n.language) })}
      </Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={720} type="native">
          <Table verticalSpacing={8} highlightOnHover aria-label={t(`funnel.steps.${step}`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.title')}</Table.Th>
                <Table.Th scope="col">{t('list.numbers')}</Table.Th>
                <Table.Th scope="col">{t('list.partner')}</Table.Th>
                <Table.Th scope="col">{t('list.unit')}</Table.Th>
                <Table.Th scope="col">{t('list.signedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/agreements/${item.id}`} style={{ overflowWrap: 'anywhere' }}>
                      {item.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {item.numberOurs ?? '—'}
                    {item.numberPartner ? (
                      <Text fz="xs" c="gray.7">
                        {item.numberPartner}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{item.partnerName ?? '—'}</Table.Td>
                  <Table.Td>{item.unitName ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(item.signedOn, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {pages > 1 ? (
        <Group component="nav" aria-label={t('list.pages')}>
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`list.control.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('list.page', { page: item }) })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}

// The agreements behind one step of the dashboard's funnel, in the same period.
export function FunnelStepPage() {
  const { t } = useTranslation('leadership');
  const { step } = useParams();
  const { period } = usePeriodParams();
  if (!isStep(step)) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={t(`funnel.steps.${step}`)}
        description={
          <Stack gap={4}>
            <Text c="gray.7">{t(`funnel.help.${step}`)}</Text>
            <Group gap={4}>
              <IconArrowLeft size={16} aria-hidden />
              <Anchor component={Link} to={`/pimpinan${periodQuery(period)}`}>
                {t('list.back')}
              </Anchor>
            </Group>
          </Stack>
        }
      />
      <StepList step={step} period={period} />
    </>
  );
}
