import { Anchor, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FunnelFigure } from '../../../../shared/leadership';
import { useNumber } from '../../../lib/use-number';
import type { PeriodChoice } from '../api/leadership-api';
import { periodQuery } from '../lib/period';
import { Delta } from './delta';

// The road from signed documents to results, one step a row: its count (a link to the agreements
// behind it), a bar as wide as its share of the first step, and the change from the previous period.
// The list is its own table alternative: every number is written out.
export function FunnelSection({ funnel, period }: { funnel: FunnelFigure[]; period: PeriodChoice }) {
  const { t } = useTranslation('leadership');
  const number = useNumber();
  const first = Math.max(1, funnel[0]?.count ?? 0);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="leadership-funnel">
      <Title order={2} fz="h4" id="leadership-funnel">
        {t('funnel.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('funnel.description')}
      </Text>
      <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {funnel.map((figure) => {
          const share = Math.round((figure.count / first) * 100);
          return (
            <Box component="li" key={figure.step} data-step={figure.step}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
                <Anchor component={Link} to={`/pimpinan/tahap/${figure.step}${periodQuery(period)}`} fw={600}>
                  {t(`funnel.steps.${figure.step}`)}: {number(figure.count)}
                </Anchor>
                <Group gap={6} wrap="nowrap">
                  <Text fz="sm" c="gray.7">
                    {t('funnel.share', { share })}
                  </Text>
                  <Delta count={figure.count} previous={figure.previous} />
                </Group>
              </Group>
              <Text fz="xs" c="gray.7">
                {t(`funnel.help.${figure.step}`)}
              </Text>
              <Box mt={4} h={10} bg="gray.2" style={{ borderRadius: 4 }} aria-hidden>
                <Box h={10} bg="blue.8" w={`${String(Math.max(share, figure.count > 0 ? 2 : 0))}%`} style={{ borderRadius: 4 }} />
              </Box>
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}
