import {
  Alert,
  Anchor,
  Button,
  Group,
  Pagination,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { StatutoryReportView } from "../../../../shared/annual-report";
import { AppModal } from "../../../components/app-modal";
import { PageHeader } from "../../../components/page-header";
import { PageLoader } from "../../../components/page-loader";
import { formatDate } from "../../../lib/format";
import { errorMessage, notifyError, notifySuccess } from "../../../lib/notify";
import {
  useDownloadReport,
  useFinaliseReport,
  useGenerateReport,
  useStatutoryReport,
} from "../api/annual-report-api";
import { ReportBadges, usePeriodLabel } from "./report-badges";
import { SectionCard } from "./section-card";
import { SubmissionCard } from "./submission-form";

const PAGE_SIZE = 10;
const FORMATS = ["pdf", "xlsx", "docx"] as const;

function Downloads({ report }: { report: StatutoryReportView }) {
  const { t } = useTranslation("annual-report");
  const download = useDownloadReport(report.id);
  return (
    <>
      {FORMATS.map((format) => (
        <Button
          key={format}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={download.isPending && download.variables.format === format}
          onClick={() =>
            download.mutate(
              { format, fileName: `laporan-${report.period}.${format}` },
              { onError: notifyError },
            )
          }
        >
          {t("report.download", { format: format.toUpperCase() })}
        </Button>
      ))}
    </>
  );
}

function Actions({ report }: { report: StatutoryReportView }) {
  const { t } = useTranslation("annual-report");
  const finalise = useFinaliseReport(report.id);
  const generate = useGenerateReport();
  const [confirming, setConfirming] = useState(false);
  const regenerate = () =>
    generate.mutate(
      {
        kind: report.kind,
        year: report.year,
        ...(report.kind === "semester"
          ? { half: report.part === "S2" ? 2 : 1 }
          : {}),
      },
      {
        onSuccess: () => notifySuccess(t("report.regenerated")),
        onError: notifyError,
      },
    );
  const confirm = () =>
    finalise.mutate(
      { version: report.version },
      {
        onSuccess: () => {
          setConfirming(false);
          notifySuccess(t("report.finalised"));
        },
        onError: notifyError,
      },
    );
  return (
    <>
      {report.job.status === "ready" ? <Downloads report={report} /> : null}
      {report.can.regenerate ? (
        <Button
          variant="default"
          onClick={regenerate}
          loading={generate.isPending}
        >
          {t("report.regenerate")}
        </Button>
      ) : null}
      {report.can.finalise ? (
        <Button onClick={() => setConfirming(true)}>
          {t("report.finalise")}
        </Button>
      ) : null}
      <AppModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("report.finalise")}
      >
        <Text size="sm">{t("report.finaliseConfirm")}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t("report.cancel")}
          </Button>
          <Button onClick={confirm} loading={finalise.isPending}>
            {t("report.finalise")}
          </Button>
        </Group>
      </AppModal>
    </>
  );
}

function Sections({ report }: { report: StatutoryReportView }) {
  const { t } = useTranslation("annual-report");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const sections = report.content?.sections ?? [];
  const needle = search.trim().toLowerCase();
  const matching = sections
    .map((section, index) => ({ section, number: index + 1 }))
    .filter(
      ({ section }) =>
        needle === "" || section.label.toLowerCase().includes(needle),
    );
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  return (
    <Stack gap="sm">
      <Title order={2} fz="h4">
        {t("report.sectionsTitle")}
      </Title>
      <TextInput
        label={t("report.search")}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
        maw={420}
      />
      {matching.length === 0 ? (
        <Text c="dimmed">{t("report.noSections")}</Text>
      ) : null}
      {matching
        .slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)
        .map(({ section, number }) => (
          <SectionCard
            key={section.agreementId}
            reportId={report.id}
            version={report.version}
            section={section}
            number={number}
            canEdit={report.can.edit}
          />
        ))}
      {pages > 1 ? (
        <Pagination total={pages} value={current} onChange={setPage} />
      ) : null}
    </Stack>
  );
}

function ReportBody({ report }: { report: StatutoryReportView }) {
  const { t, i18n } = useTranslation("annual-report");
  const periodLabel = usePeriodLabel();
  const content = report.content;
  return (
    <>
      <PageHeader
        title={`${t(`kind.${report.kind}`)} — ${periodLabel(report)}`}
        description={<ReportBadges report={report} />}
        actions={<Actions report={report} />}
      />
      <Stack gap="md">
        <Text size="sm">
          {t("report.due", { date: formatDate(report.dueOn, i18n.language) })}
        </Text>
        {report.job.status === "pending" ? (
          <Alert color="yellow" aria-live="polite">
            {t("report.pending", {
              progress: t("job.progress", {
                done: report.job.done,
                total: report.job.total,
              }),
            })}
          </Alert>
        ) : null}
        {report.job.status === "failed" ? (
          <Alert color="red">
            {t("report.failed", { error: report.job.error ?? "" })}
          </Alert>
        ) : null}
        {report.status !== "draft" ? (
          <Alert color="blue">{t("report.finalNote")}</Alert>
        ) : null}
        <SubmissionCard report={report} />
        {content && report.job.status === "ready" ? (
          <>
            <Text size="sm" data-testid="report-counts">
              {[
                t("report.recap", { count: content.recap.length }),
                ...(report.kind === "semester"
                  ? [
                      t("report.dormant", { count: content.dormant.length }),
                      t("report.findings", { count: content.findings.length }),
                    ]
                  : []),
              ].join(" · ")}
            </Text>
            <Sections report={report} />
          </>
        ) : null}
      </Stack>
    </>
  );
}

export function ReportPage() {
  const { t } = useTranslation("annual-report");
  const { id = "" } = useParams();
  const report = useStatutoryReport(id);
  return (
    <>
      <Anchor component={Link} to="/reports" size="sm">
        {t("report.back")}
      </Anchor>
      {report.isPending ? <PageLoader /> : null}
      {report.error ? (
        <Alert color="red">{errorMessage(report.error)}</Alert>
      ) : null}
      {report.data ? <ReportBody report={report.data} /> : null}
    </>
  );
}
