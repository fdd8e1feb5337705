import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/realisation';
import { FieldList } from '../../../components/field-list';
import { formatDate, formatNumber, formatRupiah } from '../../../lib/format';
import { realisedTotal } from '../lib/report-draft';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

// A submitted or verified report as the division and the OPD read it; nothing here can be changed.
export function ReportDetails({ report }: { report: ReportView }) {
  const { t, i18n } = useTranslation('realisation');
  const language = i18n.language;
  return (
    <Stack gap="lg">
      <Section title={t('form.activity')}>
        <FieldList
          fields={[
            { label: t('form.summary'), value: report.summary, isWide: true },
            { label: t('form.startedOn'), value: formatDate(report.startedOn, language) },
            { label: t('form.endedOn'), value: formatDate(report.endedOn, language) },
            { label: t('form.location'), value: report.location },
            { label: t('form.completion'), value: t(`completion.${report.completion}`) },
            { label: t('form.outputs'), value: report.outputs, isWide: true },
          ]}
        />
      </Section>
      <Section title={t('form.beneficiaries')}>
        {report.beneficiaries.length === 0 ? (
          <Text c="dimmed">{t('form.beneficiariesNone')}</Text>
        ) : (
          <List size="sm">
            {report.beneficiaries.map((entry, index) => (
              <List.Item key={index}>
                {t(`groups.${entry.group}`)}: {formatNumber(entry.count, language)}
                {entry.place ? ` — ${entry.place}` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section title={t('form.funds')}>
        <Text size="sm">{t('report.planned', { amount: formatRupiah(report.planned.amount), source: t(`sources.${report.planned.source}`) })}</Text>
        <List size="sm">
          {report.funds.map((entry) => (
            <List.Item key={entry.source}>
              {t(`sources.${entry.source}`)}: {formatRupiah(entry.realised)}
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          {t('form.total', { total: formatRupiah(realisedTotal(report.funds)), planned: formatRupiah(report.planned.amount) })}
        </Text>
      </Section>
      <Section title={t('form.obstacles')}>
        <FieldList
          fields={[
            { label: t('form.obstaclesInternal'), value: report.obstaclesInternal },
            { label: t('form.obstaclesExternal'), value: report.obstaclesExternal },
            { label: t('form.followUp'), value: report.followUp, isWide: true },
          ]}
        />
      </Section>
    </Stack>
  );
}
