import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatsYear } from '../../../../shared/stats';
import type { Lookup } from '../../../lib/master-data';
import { listNames } from '../lib/stats-view';

// "2020: kerja sama terbanyak dengan Instansi Pemerintah (6); bidang terbanyak UMKM dan Koperasi (3)"
export function useLargestSentence(groupName: Lookup, sectorName: Lookup) {
  const { t, i18n } = useTranslation('stats');
  const leaders = (codes: string[], counts: Record<string, number>, name: Lookup) => {
    const count = counts[codes[0] ?? ''] ?? 0;
    const names = listNames(codes.map(name), i18n.language);
    return `${names} ${codes.length > 1 ? t('summary.each', { count }) : t('summary.count', { count })}`;
  };
  return (year: StatsYear): string => {
    if (year.total === 0) return t('summary.none', { year: year.year });
    return t('summary.sentence', {
      year: year.year,
      group: leaders(year.largestPartnerGroup, year.byPartnerGroup, groupName),
      sector: leaders(year.largestSector, year.bySector, sectorName),
    });
  };
}

type Props = { years: StatsYear[]; groupName: Lookup; sectorName: Lookup };

export function YearSummary({ years, groupName, sectorName }: Props) {
  const { t } = useTranslation('stats');
  const sentence = useLargestSentence(groupName, sectorName);
  return (
    <section aria-labelledby="stats-summary">
      <Title order={2} fz="h4" mb="sm" id="stats-summary">
        {t('summary.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {years.map((year) => (
          <Paper key={year.year} withBorder p="md" radius="md" data-testid={`stats-year-${year.year}`}>
            <Text fz="sm" fw={700} c="dimmed">
              {year.year}
            </Text>
            <Text fz={28} fw={700} lh={1.2}>
              {t('summary.total', { count: year.total })}
            </Text>
            <Text fz="sm" mt={6}>
              {sentence(year)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
