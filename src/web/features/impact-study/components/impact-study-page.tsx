import { Alert, Button, Group, Paper, Select, Stack } from '@mantine/core';
import { IconAlertCircle, IconFileSpreadsheet, IconFileText, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MAX_STATS_RANGE_YEARS, StatsQuerySchema } from '../../../../shared/stats';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { errorMessage, notifyError } from '../../../lib/notify';
import { useExportImpactStudy, useImpactStudy, type ExportFormat } from '../api/use-impact-study';
import { yearOptions } from '../lib/impact-view';
import { BeyondSections, SurveySections } from './impact-sections';
import { NarrativeEditor } from './narrative-editor';
import { SummaryTable } from './summary-table';

function readYear(value: string | null): number | undefined {
  return value && /^\d{4}$/.test(value) ? Number(value) : undefined;
}

// The range lives in the address, so a study can be shared as a link; without it the API picks
// every year with signings.
function useRange() {
  const { t } = useTranslation('impact-study');
  const [params, setParams] = useSearchParams();
  const from = readYear(params.get('from'));
  const to = readYear(params.get('to'));
  const parsed = StatsQuerySchema.safeParse({ from: from === undefined ? undefined : String(from), to: to === undefined ? undefined : String(to) });
  const errors: { from?: string; to?: string } = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (issue.path[0] === 'to') errors.to = t('range.tooLong', { max: MAX_STATS_RANGE_YEARS });
    else errors.from = t('range.fromAfterTo');
  }
  const setRange = (range: { from: number; to: number }) => setParams({ from: String(range.from), to: String(range.to) }, { replace: true });
  return { from, to, errors, isValid: parsed.success, setRange };
}

function RangePicker({ from, to, errors, onChange }: { from: number | undefined; to: number | undefined; errors: { from?: string; to?: string }; onChange: (range: { from: number; to: number }) => void }) {
  const { t } = useTranslation('impact-study');
  const shown = from !== undefined && to !== undefined ? { from, to } : undefined;
  const data = yearOptions(shown, new Date().getFullYear()).map(String);
  const change = (which: 'from' | 'to', value: string | null) => {
    if (!value || from === undefined || to === undefined) return;
    onChange(which === 'from' ? { from: Number(value), to } : { from, to: Number(value) });
  };
  const width = { base: 'calc(50% - var(--mantine-spacing-md) / 2)', xs: 160 };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('range.title')}>
      <Group gap="md" align="flex-start" wrap="wrap">
        <Select label={t('range.from')} data={data} value={from === undefined ? null : String(from)} onChange={(value) => change('from', value)} allowDeselect={false} w={width} error={errors.from} disabled={from === undefined} />
        <Select label={t('range.to')} data={data} value={to === undefined ? null : String(to)} onChange={(value) => change('to', value)} allowDeselect={false} w={width} error={errors.to} disabled={to === undefined} />
      </Group>
    </Paper>
  );
}

const FORMATS: { format: ExportFormat; icon: typeof IconFileTypePdf }[] = [
  { format: 'pdf', icon: IconFileTypePdf },
  { format: 'xlsx', icon: IconFileSpreadsheet },
  { format: 'docx', icon: IconFileText },
];

export function ImpactStudyPage() {
  const { t } = useTranslation('impact-study');
  const range = useRange();
  const study = useImpactStudy({ from: range.from, to: range.to }, range.isValid);
  const exporter = useExportImpactStudy();
  const shown = study.data;
  const download = (format: ExportFormat) => {
    if (shown) exporter.mutate({ from: shown.from, to: shown.to, format }, { onError: notifyError });
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Group gap="xs">
            {FORMATS.map(({ format, icon: Icon }) => (
              <Button
                key={format}
                variant={format === 'pdf' ? 'filled' : 'default'}
                leftSection={<Icon size={18} aria-hidden />}
                onClick={() => download(format)}
                loading={exporter.isPending && exporter.variables.format === format}
                disabled={!shown}
              >
                {t(`export.${format}`)}
              </Button>
            ))}
          </Group>
        }
      />
      <Stack gap="lg">
        <RangePicker from={range.from ?? shown?.from} to={range.to ?? shown?.to} errors={range.errors} onChange={range.setRange} />
        {study.isError ? (
          <Alert color="red" variant="light" title={t('errors.load')} icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(study.error)}
          </Alert>
        ) : null}
        {shown ? (
          <Stack gap="lg">
            <NarrativeEditor key={`${String(shown.from)}-${String(shown.to)}`} study={shown} />
            <SummaryTable study={shown} />
            <SurveySections study={shown} />
            <BeyondSections study={shown} />
          </Stack>
        ) : study.isPending && range.isValid ? (
          <PageLoader />
        ) : null}
      </Stack>
    </>
  );
}
