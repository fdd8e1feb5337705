import type { OpenFinding, RecapRow, ReportSection, SectionKey, StatutoryReportKind } from '../../../shared/annual-report';
import type { EvaluationBand, EvaluationResult } from '../../../shared/evaluation';

// Pure rules of the statutory reports: which agreements a period covers, and the words of each
// section, filled from the register, the plans, the realisation reports and the evaluations.

export type PeriodWindow = {
  kind: StatutoryReportKind;
  year: number;
  part: 'annual' | 'S1' | 'S2';
  period: string;
  firstDay: string;
  lastDay: string;
  reportPeriods: string[];
};

// Permendagri 25/2020 Ps 35 (annual, the calendar year); Ps 39 (monev at least twice a year: S1
// January–June, S2 July–December). Realisation reports are filed per semester ('2025-S1').
export function periodWindow(input: { kind: StatutoryReportKind; year: number; half?: 1 | 2 | undefined }): PeriodWindow {
  const { kind, year } = input;
  if (kind === 'annual') {
    return {
      kind,
      year,
      part: 'annual',
      period: String(year),
      firstDay: `${year}-01-01`,
      lastDay: `${year}-12-31`,
      reportPeriods: [`${year}-S1`, `${year}-S2`],
    };
  }
  const part = input.half === 2 ? 'S2' : 'S1';
  return part === 'S1'
    ? {
        kind,
        year,
        part,
        period: `${year}-S1`,
        firstDay: `${year}-01-01`,
        lastDay: `${year}-06-30`,
        reportPeriods: [`${year}-S1`],
      }
    : {
        kind,
        year,
        part,
        period: `${year}-S2`,
        firstDay: `${year}-07-01`,
        lastDay: `${year}-12-31`,
        reportPeriods: [`${year}-S2`],
      };
}

export function windowOfPeriod(kind: StatutoryReportKind, period: string): PeriodWindow {
  const year = Number(period.slice(0, 4));
  return periodWindow({ kind, year, half: period.endsWith('S2') ? 2 : 1 });
}

export type InForceFacts = {
  docType: string;
  isDraft: boolean;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  terminationKind: string | null;
  terminatedOn: string | null;
};

// In force at some time in the window: a signed KB, PKS or NK (an adendum is reported under the
// document it amends), started (or, without a start date, signed) by the window's last day, not
// past its end and not ended early before the window's first day. The same rule as the realisation
// reports and the statistics' "in force" counts; the repository asks it in SQL.
export function isInForceDuring(agreement: InForceFacts, window: Pick<PeriodWindow, 'firstDay' | 'lastDay'>): boolean {
  if (agreement.isDraft || agreement.docType === 'ADENDUM' || !agreement.signedOn) return false;
  const start = agreement.startsOn ?? agreement.signedOn;
  if (start > window.lastDay) return false;
  if (agreement.endsOn !== null && agreement.endsOn < window.firstDay) return false;
  if (agreement.terminationKind !== null && agreement.terminatedOn !== null && agreement.terminatedOn < window.firstDay) return false;
  return true;
}

// Ps 35: the Wali Kota's report reaches the Gubernur in the first week of January of the next year.
export function annualDueOn(year: number, dueDay: number): string {
  return `${year + 1}-01-${String(Math.min(31, dueDay)).padStart(2, '0')}`;
}

export function semesterDueOn(window: Pick<PeriodWindow, 'lastDay'>, dueDays: number): string {
  const day = new Date(`${window.lastDay}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + dueDays);
  return day.toISOString().slice(0, 10);
}

export type AgreementFacts = {
  id: string;
  docType: string;
  kind: string;
  title: string;
  numberOurs: string | null;
  numberPartner: string | null;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  terminationKind: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  scope: string | null;
  purpose: string | null;
  valueIdr: string | null;
  partners: string | null;
  partnerCategory: string | null;
  units: string | null;
  sector: string | null;
  adenda: string | null;
};

export type PlanFacts = {
  agreementId: string;
  title: string;
  budgetAmount: string;
  budgetSource: string;
  indicators: { name: string; unit: string; target: number }[];
};

export type ReportFacts = {
  agreementId: string;
  planTitle: string;
  period: string;
  status: string;
  summary: string;
  outputs: string | null;
  completion: string;
  beneficiaries: { group: string; count: number }[];
  funds: { source: string; realised: string }[];
  obstaclesInternal: string | null;
  obstaclesExternal: string | null;
  followUp: string | null;
  returnReason: string | null;
  updatedOn: string;
};

export type EvaluationFacts = {
  period: string;
  finalisedOn: string | null;
  result: EvaluationResult;
};

export type HealthFacts = { status: string; reasons: string[] };

export type AgreementBundle = {
  agreement: AgreementFacts;
  plans: PlanFacts[];
  reports: ReportFacts[];
  evaluation: EvaluationFacts | null;
  health: HealthFacts | null;
};

const KIND_NAMES: Record<string, string> = {
  KSDD: 'Kerja Sama Daerah dengan Daerah Lain',
  KSDPK: 'Kerja Sama Daerah dengan Pihak Ketiga',
  KSDPL: 'Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri',
  KSDLL: 'Kerja Sama Daerah dengan Lembaga di Luar Negeri',
  SINERGI: 'Sinergi',
};
const DOC_NAMES: Record<string, string> = {
  KB: 'Kesepakatan Bersama',
  PKS: 'Perjanjian Kerja Sama',
  NK: 'Nota Kesepakatan',
  ADENDUM: 'Adendum',
};
const GROUP_NAMES: Record<string, string> = {
  umkm: 'UMKM',
  pedagang: 'pedagang',
  pelajar_mahasiswa: 'pelajar/mahasiswa',
  warga: 'warga',
  asn: 'ASN',
  lainnya: 'lainnya',
};
const SOURCE_NAMES: Record<string, string> = {
  APBD: 'APBD',
  mitra: 'mitra',
  lainnya: 'sumber lain',
};
const COMPLETION_NAMES: Record<string, string> = {
  not_started: 'belum dimulai',
  under_half: 'kurang dari separuh',
  half_or_more: 'separuh atau lebih',
  completed: 'selesai',
  cancelled: 'dibatalkan',
};
export const BAND_NAMES: Record<EvaluationBand, string> = {
  efektif: 'Efektif',
  cukup: 'Cukup',
  kurang: 'Kurang',
  dorman: 'Dorman',
};
// The division's bands (domain.md): what each one asks of the follow-up.
const BAND_ADVICE: Record<EvaluationBand, string> = {
  efektif: 'Kerja sama efektif: dilanjutkan dan dapat diperpanjang.',
  cukup: 'Kerja sama cukup efektif: dilanjutkan dengan perbaikan.',
  kurang: 'Kerja sama kurang efektif: perlu rencana perbaikan bersama mitra.',
  dorman: 'Kerja sama dorman: dipertimbangkan untuk diakhiri.',
};
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export function longDate(day: string | null): string {
  if (!day) return '–';
  const [year, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? ''} ${year ?? ''}`;
}

export function rupiah(amount: number): string {
  return `Rp${amount.toLocaleString('id-ID')}`;
}

function score(value: number | null): string {
  return value === null
    ? '–'
    : value.toLocaleString('id-ID', {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
}

const sumOf = (values: number[]) => values.reduce((total, value) => total + value, 0);

function uniqueTexts(values: (string | null)[]): string[] {
  return [...new Set(values.map((value) => value?.trim() ?? '').filter((value) => value.length > 0))];
}

// Reports that count: sent to or verified by the division.
function filedReports(bundle: AgreementBundle): ReportFacts[] {
  return bundle.reports.filter((report) => report.status === 'submitted' || report.status === 'verified');
}

export function sectionLabel(agreement: AgreementFacts): string {
  return `${agreement.docType} ${agreement.numberOurs ?? '(tanpa nomor)'} — ${agreement.title}`;
}

function titleText(agreement: AgreementFacts): string {
  const lines = [
    `${DOC_NAMES[agreement.docType] ?? agreement.docType} "${agreement.title}".`,
    `Nomor Pemerintah Kota Ternate: ${agreement.numberOurs ?? '–'}; nomor mitra: ${agreement.numberPartner ?? '–'}.`,
    `Ditandatangani ${longDate(agreement.signedOn)} dengan ${agreement.partners ?? 'mitra yang belum dicatat'}; berlaku ${longDate(agreement.startsOn ?? agreement.signedOn)} s.d. ${agreement.endsOn ? longDate(agreement.endsOn) : 'tanpa batas waktu'}.`,
  ];
  if (agreement.adenda) lines.push(`Diubah dengan adendum: ${agreement.adenda}.`);
  return lines.join('\n');
}

function backgroundText(agreement: AgreementFacts): string {
  const lines = [
    `${KIND_NAMES[agreement.kind] ?? agreement.kind} antara Pemerintah Kota Ternate dan ${agreement.partners ?? 'mitra'}${agreement.partnerCategory ? ` (${agreement.partnerCategory})` : ''}, bidang ${agreement.sector ?? '–'}, dilaksanakan oleh ${agreement.units ?? 'OPD yang belum ditetapkan'}.`,
  ];
  if (agreement.terminationKind && agreement.terminatedOn) {
    lines.push(
      `${agreement.terminationKind === 'dicabut' ? 'Dicabut' : 'Diakhiri lebih awal'} pada ${longDate(agreement.terminatedOn)}${agreement.terminationReason ? `: ${agreement.terminationReason}` : ''}.`,
    );
  }
  return lines.join('\n\n');
}

function purposeText(bundle: AgreementBundle): string {
  const purpose = bundle.agreement.purpose?.trim() || 'Maksud dan tujuan belum dicatat dalam register.';
  const targets = bundle.plans.flatMap((plan) => plan.indicators.map((indicator) => `${indicator.name}: ${indicator.target.toLocaleString('id-ID')} ${indicator.unit}`));
  return targets.length > 0 ? `${purpose}\n\nSasaran (indikator rencana kegiatan): ${targets.join('; ')}.` : purpose;
}

function progressText(bundle: AgreementBundle, window: PeriodWindow): string {
  const reports = filedReports(bundle);
  const done = reports.filter((report) => report.completion === 'completed').length;
  const head = `${bundle.plans.length} rencana kegiatan tahun anggaran ${window.year}; ${reports.length} laporan realisasi, ${done} kegiatan selesai.`;
  if (reports.length === 0) return `${head}\n\nBelum ada laporan realisasi pada periode ini.`;
  const items = reports
    .slice(0, 10)
    .map((report) => `${report.planTitle} (${report.period}, ${COMPLETION_NAMES[report.completion] ?? report.completion}): ${report.summary}${report.outputs ? ` Keluaran: ${report.outputs}` : ''}`);
  const more = reports.length > 10 ? [`dan ${reports.length - 10} laporan lainnya.`] : [];
  return [head, ...items, ...more].join('\n\n');
}

export function beneficiaryTotals(bundle: AgreementBundle): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of filedReports(bundle).flatMap((report) => report.beneficiaries)) totals.set(entry.group, (totals.get(entry.group) ?? 0) + entry.count);
  return totals;
}

function beneficiariesText(bundle: AgreementBundle): string {
  const totals = beneficiaryTotals(bundle);
  if (totals.size === 0) return 'Belum ada penerima manfaat yang dilaporkan pada periode ini.';
  const parts = [...totals].map(([group, count]) => `${GROUP_NAMES[group] ?? group} ${count.toLocaleString('id-ID')}`);
  return `Penerima manfaat yang dilaporkan: ${parts.join(', ')}; jumlah ${sumOf([...totals.values()]).toLocaleString('id-ID')}.`;
}

function bySource(entries: { source: string; amount: number }[]): string {
  const totals = new Map<string, number>();
  for (const entry of entries) totals.set(entry.source, (totals.get(entry.source) ?? 0) + entry.amount);
  return [...totals].map(([source, amount]) => `${SOURCE_NAMES[source] ?? source} ${rupiah(amount)}`).join(', ');
}

export function fundsPlanned(bundle: AgreementBundle): number {
  return sumOf(bundle.plans.map((plan) => Number(plan.budgetAmount)));
}

export function fundsRealised(bundle: AgreementBundle): number {
  return sumOf(filedReports(bundle).flatMap((report) => report.funds.map((fund) => Number(fund.realised))));
}

function financingText(bundle: AgreementBundle): string {
  const lines: string[] = [];
  if (bundle.agreement.valueIdr) lines.push(`Nilai kerja sama menurut naskah: ${rupiah(Number(bundle.agreement.valueIdr))}.`);
  const planned = fundsPlanned(bundle);
  lines.push(
    planned > 0
      ? `Rencana pembiayaan ${rupiah(planned)} (${bySource(bundle.plans.map((plan) => ({ source: plan.budgetSource, amount: Number(plan.budgetAmount) })))}).`
      : 'Tidak ada rencana pembiayaan pada periode ini.',
  );
  const realised = filedReports(bundle).flatMap((report) =>
    report.funds.map((fund) => ({
      source: fund.source,
      amount: Number(fund.realised),
    })),
  );
  lines.push(realised.length > 0 ? `Realisasi ${rupiah(fundsRealised(bundle))} (${bySource(realised)}).` : 'Belum ada realisasi dana yang dilaporkan.');
  return lines.join('\n\n');
}

export function obstaclesOf(bundle: AgreementBundle): string[] {
  return uniqueTexts(filedReports(bundle).flatMap((report) => [report.obstaclesInternal, report.obstaclesExternal]));
}

export function followUpsOf(bundle: AgreementBundle): string[] {
  return uniqueTexts(filedReports(bundle).map((report) => report.followUp));
}

function obstaclesText(bundle: AgreementBundle): string {
  const obstacles = obstaclesOf(bundle);
  return obstacles.length > 0 ? obstacles.join('\n\n') : 'Tidak ada hambatan yang dilaporkan.';
}

function analysisText(bundle: AgreementBundle): string {
  const lines: string[] = [];
  const evaluation = bundle.evaluation;
  if (evaluation) {
    const { dimensions, overall, band } = evaluation.result;
    lines.push(
      `Evaluasi periode ${evaluation.period}: Simbiosis ${score(dimensions.simbiosis)}, Mutualisme ${score(dimensions.mutualisme)}, Implementasi ${score(dimensions.implementasi)}; nilai akhir ${score(overall)}${band ? ` (${BAND_NAMES[band]})` : ''}.`,
    );
    if (band) lines.push(BAND_ADVICE[band]);
  } else {
    lines.push('Belum ada evaluasi final untuk kerja sama ini.');
  }
  if (bundle.health?.status === 'dorman') lines.push('Kerja sama tercatat dorman: tidak ada kegiatan yang dilaporkan dalam jangka waktu yang ditetapkan.');
  const followUps = followUpsOf(bundle);
  if (followUps.length > 0) lines.push(`Rencana tindak lanjut OPD: ${followUps.join(' ')}`);
  return lines.join('\n\n');
}

export function sectionOf(bundle: AgreementBundle, window: PeriodWindow): ReportSection {
  const { agreement } = bundle;
  const texts: Record<SectionKey, string> = {
    title: titleText(agreement),
    background: backgroundText(agreement),
    purpose: purposeText(bundle),
    scope: agreement.scope?.trim() || 'Ruang lingkup belum dicatat dalam register.',
    progress: progressText(bundle, window),
    beneficiaries: beneficiariesText(bundle),
    financing: financingText(bundle),
    obstacles: obstaclesText(bundle),
    analysis: analysisText(bundle),
  };
  return { agreementId: agreement.id, label: sectionLabel(agreement), texts };
}

// The agreement's standing at the end of the period, with dormancy from its health.
function statusOf(bundle: AgreementBundle, window: PeriodWindow): string {
  const { agreement } = bundle;
  let status = 'Berlaku';
  if (agreement.terminationKind && agreement.terminatedOn && agreement.terminatedOn <= window.lastDay) {
    status = `${agreement.terminationKind === 'dicabut' ? 'Dicabut' : 'Diakhiri'} ${agreement.terminatedOn}`;
  } else if (agreement.endsOn && agreement.endsOn <= window.lastDay) {
    status = `Berakhir ${agreement.endsOn}`;
  }
  return bundle.health?.status === 'dorman' ? `${status}, dorman` : status;
}

export function recapRowOf(bundle: AgreementBundle, window: PeriodWindow): RecapRow {
  const { agreement, evaluation } = bundle;
  return {
    agreementId: agreement.id,
    numberOurs: agreement.numberOurs,
    numberPartner: agreement.numberPartner,
    docType: agreement.docType,
    kind: agreement.kind,
    title: agreement.title,
    partners: agreement.partners ?? '',
    partnerCategory: agreement.partnerCategory ?? '',
    units: agreement.units ?? '',
    signedOn: agreement.signedOn,
    startsOn: agreement.startsOn,
    endsOn: agreement.endsOn,
    terminatedOn: agreement.terminationKind ? agreement.terminatedOn : null,
    status: statusOf(bundle, window),
    isDormant: bundle.health?.status === 'dorman',
    adenda: agreement.adenda ?? '',
    activitiesPlanned: bundle.plans.length,
    activitiesDone: filedReports(bundle).filter((report) => report.completion === 'completed').length,
    beneficiaries: sumOf([...beneficiaryTotals(bundle).values()]),
    fundsPlanned: fundsPlanned(bundle),
    fundsRealised: fundsRealised(bundle),
    scoreS: evaluation?.result.dimensions.simbiosis ?? null,
    scoreM: evaluation?.result.dimensions.mutualisme ?? null,
    scoreI: evaluation?.result.dimensions.implementasi ?? null,
    band: evaluation?.result.band ? BAND_NAMES[evaluation.result.band] : null,
    obstacles: obstaclesOf(bundle).join(' '),
    followUp: followUpsOf(bundle).join(' '),
  };
}

// PP 12/2017 Ps 27(5): findings are followed up; here, what still waits for it at the period's end.
export function findingsOf(bundle: AgreementBundle): OpenFinding[] {
  const label = sectionLabel(bundle.agreement);
  const findings: OpenFinding[] = [];
  const band = bundle.evaluation?.result.band;
  if (bundle.evaluation && (band === 'kurang' || band === 'dorman')) {
    findings.push({
      agreementId: bundle.agreement.id,
      label,
      source: 'evaluation',
      since: bundle.evaluation.finalisedOn ?? '',
      text: `Evaluasi ${bundle.evaluation.period}: ${BAND_ADVICE[band]}`,
    });
  }
  for (const report of bundle.reports.filter((candidate) => candidate.status === 'returned')) {
    findings.push({
      agreementId: bundle.agreement.id,
      label,
      source: 'report',
      since: report.updatedOn,
      text: `Laporan realisasi ${report.planTitle} (${report.period}) dikembalikan: ${report.returnReason ?? '–'}`,
    });
  }
  return findings;
}
