import { Alert, Anchor, Button, Group, Pagination, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StatutoryReportView } from '../../../../shared/annual-report';
import { AppModal } from '../../../components/app-modal';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { formatDate } from '../../../lib/format';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useDownloadReport, useFinaliseReport, useGenerateReport, useStatutoryReport } from '../api/annual-report-api';
import { ReportBadges, usePeriodLabel } from './report-badges';
import { SectionCard } from './section-card';
import { SubmissionCard } from './submission-form';

const FORMATS = ['pdf', 'xlsx', 'docx'] as const;

function Downloads({ report }: { report: StatutoryReportView }) {
  const { t } = useTranslation('annual-report');
  const download = useDownloadReport(report.id);
  return (
    <>
      {FORMATS.map((format) => (
        <Button
          key={format}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={download.isPending && download.variables.format === format}
          onClick={() => download.mutate({ format, fileName: `laporan-${report.period}.${format}` }, { onError: notifyError })}
        >
          {t('report.download', { format: format.toUpperCase() })}
        </Button>
      ))}
    </>
  );
}

function Actions({ report }: { report: StatutoryReportView }) {
  const { t } = useTranslation('annual-report');
  const finalise = useFinaliseReport(report.id);
  const generate = useGenerateReport();
  const [confirming, setConfirming] = useState(false);
  const regenerate = () =>
    generate.mutate(
      {
        kind: report.kind,
        year: report.year,
        ...(report.kind === 'semester' ? { half: report.part === 'S2' ? 2 : 1 } : {}),
      },
      {
        onSuccess: () => notifySuccess(t('report.regenerated')),
        onError: notifyError,
      },
    );
  const confirm = () =>
    finalise.mutate(
      { version: report.version },
      {
        onSuccess: () => {
          setConfirming(false);
          notifySuccess(t('report.finalised'));
        },
        onError: notifyError,
      },
    );
  return (
    <>
      {report.job.status === 'ready' ? <Downloads report={report} /> : null}
      {report.can.regenerate ? (
        <Button variant="default" onClick={regenerate} loading={generate.isPending}>
          {t('report.regenerate')}
        </Button>
      ) : null}
      {report.can.finalise ? <Button onClick={() => setConfirming(true)}>{t('report.finalise')}</Button> : null}
      <AppModal opened={confirming} onClose={() => setConfirming(false)} title={t('report.finalise')}>
        <Text size="sm">{t('report.finaliseConfirm')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('report.cancel')}
          </Button>
          <Button onClick={confirm} loading={finalise.isPending}>
            {t('report.finalise')}
          </Button>
        </Group>
      </AppModal>
    </>
  );
}

type Browse = { search: string; setSearch: (value: string) => void; setPage: (page: number) => void };

function Sections({ report, browse }: { report: StatutoryReportView; browse: Browse }) {
  const { t } = useTranslation('annual-report');
  const found = report.sections;
  const pages = found ? Math.max(1, Math.ceil(found.total / found.pageSize)) : 1;
  return (
    <Stack gap="sm">
      <Title order={2} fz="h4">
        {t('report.sectionsTitle')}
      </Title>
      <TextInput
        label={t('report.search')}
        value={browse.search}
        onChange={(event) => {
          browse.setSearch(event.currentTarget.value);
          browse.setPage(1);
        }}
        maw={420}
      />
      {found?.total === 0 ? <Text c="dimmed">{t('report.noSections')}</Text> : null}
      {found?.sections.map((section) => (
        <SectionCard key={section.agreementId} reportId={report.id} version={report.version} section={section} number={section.number} canEdit={report.can.edit} />
      ))}
      {found && pages > 1 ? <Pagination total={pages} value={found.page} onChange={browse.setPage} /> : null}
    </Stack>
  );
}

function ReportBody({ report, browse }: { report: StatutoryReportView; browse: Browse }) {
  const { t, i18n } = useTranslation('annual-report');
  const periodLabel = usePeriodLabel();
  const meta = report.meta;
  return (
    <>
      <PageHeader title={`${t(`kind.${report.kind}`)} — ${periodLabel(report)}`} description={<ReportBadges report={report} />} actions={<Actions report={report} />} />
      <Stack gap="md">
        <Text size="sm">{t('report.due', { date: formatDate(report.dueOn, i18n.language) })}</Text>
        {report.job.status === 'pending' ? (
          <Alert color="yellow" aria-live="polite">
            {t('report.pending', {
              progress: t('job.progress', {
                done: report.job.done,
                total: report.job.total,
              }),
            })}
          </Alert>
        ) : null}
        {report.job.status === 'failed' ? <Alert color="red">{t('report.failed', { error: report.job.error ?? '' })}</Alert> : null}
        {report.status !== 'draft' ? <Alert color="blue">{t('report.finalNote')}</Alert> : null}
        <SubmissionCard report={report} />
        {meta ? (
          <>
            <Text size="sm" data-testid="report-counts">
              {[
                t('report.recap', { count: meta.counts.recap }),
                ...(report.kind === 'semester' ? [t('report.dormant', { count: meta.counts.dormant }), t('report.findings', { count: meta.counts.findings })] : []),
              ].join(' · ')}
            </Text>
            <Sections report={report} browse={browse} />
          </>
        ) : null}
      </Stack>
    </>
  );
}

export function ReportPage() {
  const { t } = useTranslation('annual-report');
  const { id = '' } = useParams();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(search.trim(), 300);
  const report = useStatutoryReport(id, { page, q });
  return (
    <>
      <Anchor component={Link} to="/reports" size="sm">
        {t('report.back')}
      </Anchor>
      {report.isPending ? <PageLoader /> : null}
      {report.error ? <Alert color="red">{errorMessage(report.error)}</Alert> : null}
      {report.data ? <ReportBody report={report.data} browse={{ search, setSearch, setPage }} /> : null}
    </>
  );
}
