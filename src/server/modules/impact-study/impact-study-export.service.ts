import type { EvaluationBand } from '../../../shared/evaluation';
import type { ImpactLabel, ImpactStudyView, ImpactYear } from '../../../shared/impact-study';
import { BENEFICIARY_GROUPS, FUND_SOURCES, type BeneficiaryGroup } from '../../../shared/realisation';
import { EVALUATION_BANDS } from '../../../shared/evaluation';
import type { StatsQuery } from '../../../shared/stats';
import type { Ctx } from '../../lib/context';
import { renderReport } from '../../lib/report-document/render-report';
import type { ReportBlock, ReportCell, ReportDocument, ReportFormat } from '../../lib/report-document/report-document';
import { assertMayReadImpactStudy, studyOf } from './impact-study.service';

// The impact study as one report document: the narrative (the writer's edit when saved), then the
// survey's tables and what the survey could not see, each chart beside its table. The workbook
// opens on "Ringkasan", one row per year.

const BENEFICIARY_NAMES: Record<BeneficiaryGroup, string> = {
  umkm: 'UMKM',
  pedagang: 'Pedagang',
  pelajar_mahasiswa: 'Pelajar dan mahasiswa',
  warga: 'Warga',
  asn: 'ASN',
  lainnya: 'Lainnya',
};
const FUND_NAMES: Record<(typeof FUND_SOURCES)[number], string> = { APBD: 'APBD', mitra: 'Mitra', lainnya: 'Lainnya' };
const BAND_NAMES: Record<EvaluationBand, string> = { efektif: 'Efektif', cukup: 'Cukup', kurang: 'Kurang', dorman: 'Dorman' };

function namesOf(codes: string[], labels: ImpactLabel[]): string {
  if (codes.length === 0) return '–';
  return codes.map((code) => labels.find((label) => label.code === code)?.name ?? code).join(', ');
}

function dormantPercent(year: ImpactYear): number | null {
  if (year.dormant === null || !year.inForceOnDay) return null;
  return Math.round((year.dormant / year.inForceOnDay) * 1000) / 10;
}

function summaryRows(view: ImpactStudyView, yearCell: YearCell): ReportCell[][] {
  return view.years.map((year) => [
    yearCell(year.year),
    year.total,
    namesOf(year.largestPartnerGroup, view.labels.groups),
    year.byPartnerGroup[year.largestPartnerGroup[0] ?? ''] ?? 0,
    namesOf(year.largestSector, view.labels.sectors),
    year.bySector[year.largestSector[0] ?? ''] ?? 0,
    year.inForce,
    year.planned,
    year.implemented,
    year.beneficiariesTotal,
    Number(year.fundsTotal),
    year.dormant,
    dormantPercent(year),
  ]);
}

const SUMMARY_HEAD = [
  'Tahun',
  'Jumlah',
  'Kelompok mitra terbesar',
  'Jumlah kelompok terbesar',
  'Bidang terbesar',
  'Jumlah bidang terbesar',
  'Naskah berlaku',
  'Dengan rencana kegiatan',
  'Dengan realisasi terverifikasi',
  'Penerima manfaat',
  'Dana terealisasi (Rp)',
  'Dorman',
  'Dorman (%)',
];

// Items as rows, years as columns, with a total column.
function byYearTable(view: ImpactStudyView, options: { title: string; sheetName: string; itemHead: string; items: ImpactLabel[]; pick: (year: ImpactYear, code: string) => number }): ReportBlock {
  const rows = options.items.map((item) => {
    const counts = view.years.map((year) => options.pick(year, item.code));
    return [item.name, ...counts, counts.reduce((sum, value) => sum + value, 0)];
  });
  return { kind: 'table', title: options.title, sheetName: options.sheetName, head: [options.itemHead, ...view.years.map((year) => String(year.year)), 'Total'], rows };
}

function byYearChart(view: ImpactStudyView, title: string, items: ImpactLabel[], pick: (year: ImpactYear, code: string) => number): ReportBlock {
  return { kind: 'chart', title, categories: items.map((item) => item.name), series: view.years.map((year) => ({ name: String(year.year), values: items.map((item) => pick(year, item.code)) })) };
}

function surveyBlocks(view: ImpactStudyView): ReportBlock[] {
  const { groups, categories, sectors } = view.labels;
  return [
    { kind: 'heading', level: 1, text: 'Naskah kerja sama per tahun' },
    { kind: 'chart', title: 'Naskah ditandatangani per tahun', categories: view.years.map((year) => String(year.year)), series: [{ name: 'Jumlah', values: view.years.map((year) => year.total) }] },
    byYearChart(view, 'Naskah per kelompok mitra', groups, (year, code) => year.byPartnerGroup[code] ?? 0),
    byYearTable(view, { title: 'Naskah per kelompok mitra', sheetName: 'Kelompok Mitra', itemHead: 'Kelompok mitra', items: groups, pick: (year, code) => year.byPartnerGroup[code] ?? 0 }),
    byYearTable(view, { title: 'Naskah per kategori mitra', sheetName: 'Kategori Mitra', itemHead: 'Kategori mitra', items: categories, pick: (year, code) => year.byPartnerCategory[code] ?? 0 }),
    byYearChart(view, `Naskah per bidang (${String(sectors.length)} bidang)`, sectors, (year, code) => year.bySector[code] ?? 0),
    byYearTable(view, { title: `Naskah per bidang (${String(sectors.length)} bidang)`, sheetName: 'Bidang', itemHead: 'Bidang', items: sectors, pick: (year, code) => year.bySector[code] ?? 0 }),
  ];
}

function beyondBlocks(view: ImpactStudyView, yearCell: YearCell): ReportBlock[] {
  const years = view.years.map((year) => String(year.year));
  const beneficiaryItems = BENEFICIARY_GROUPS.map((code) => ({ code, name: BENEFICIARY_NAMES[code] }));
  const fundItems = FUND_SOURCES.map((code) => ({ code, name: FUND_NAMES[code] }));
  const bandItems = EVALUATION_BANDS.map((code) => ({ code, name: BAND_NAMES[code] }));
  return [
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: 'Pelaksanaan dan dampak' },
    {
      kind: 'chart',
      title: 'Dari naskah ke pelaksanaan',
      categories: years,
      series: [
        { name: 'Naskah berlaku', values: view.years.map((year) => year.inForce) },
        { name: 'Dengan rencana kegiatan', values: view.years.map((year) => year.planned) },
        { name: 'Dengan realisasi terverifikasi', values: view.years.map((year) => year.implemented) },
      ],
    },
    {
      kind: 'table',
      title: 'Pelaksanaan per tahun',
      sheetName: 'Pelaksanaan',
      head: ['Tahun', 'Naskah berlaku', 'Dengan rencana kegiatan', 'Dengan realisasi terverifikasi', 'Berlaku pada akhir tahun', 'Dorman', 'Dorman (%)'],
      rows: view.years.map((year) => [yearCell(year.year), year.inForce, year.planned, year.implemented, year.inForceOnDay, year.dormant, dormantPercent(year)]),
      note: 'Dorman dihitung per 31 Desember (tahun berjalan: per hari ini), dengan rencana kegiatan dan diseminasi sebagaimana tercatat sekarang. Realisasi hanya dari laporan terverifikasi.',
    },
    byYearTable(view, { title: 'Penerima manfaat (laporan terverifikasi)', sheetName: 'Penerima Manfaat', itemHead: 'Kelompok penerima', items: beneficiaryItems, pick: (year, code) => year.beneficiaries[code as BeneficiaryGroup] }),
    byYearTable(view, { title: 'Dana terealisasi (Rp, laporan terverifikasi)', sheetName: 'Dana', itemHead: 'Sumber dana', items: fundItems, pick: (year, code) => Number(year.funds[code as (typeof FUND_SOURCES)[number]]) }),
    byYearChart(view, 'Evaluasi akhir per predikat', bandItems, (year, code) => year.bands[code as EvaluationBand]),
    byYearTable(view, { title: 'Evaluasi akhir per predikat', sheetName: 'Evaluasi', itemHead: 'Predikat', items: bandItems, pick: (year, code) => year.bands[code as EvaluationBand] }),
  ];
}

// A year is a number in the workbook (to sort and compute with) and plain text on the page, where
// numbers get thousands separators ("2.020").
type YearCell = (year: number) => ReportCell;
const YEAR_AS_NUMBER: YearCell = (year) => year;
const YEAR_AS_TEXT: YearCell = (year) => String(year);

export function impactDocument(view: ImpactStudyView, format: ReportFormat = 'pdf'): ReportDocument {
  const yearCell = format === 'xlsx' ? YEAR_AS_NUMBER : YEAR_AS_TEXT;
  const range = view.from === view.to ? String(view.from) : `${String(view.from)}–${String(view.to)}`;
  return {
    title: `Kajian Dampak Kerja Sama ${range}`,
    subtitle: 'Bagian Kerja Sama Sekretariat Daerah Kota Ternate',
    author: 'Jalin',
    landscape: true,
    blocks: [
      { kind: 'heading', level: 1, text: 'Ringkasan' },
      { kind: 'paragraph', text: view.narrative.edited ?? view.narrative.generated },
      { kind: 'table', title: 'Ringkasan per tahun', sheetName: 'Ringkasan', head: SUMMARY_HEAD, rows: summaryRows(view, yearCell) },
      { kind: 'pageBreak' },
      ...surveyBlocks(view),
      ...beyondBlocks(view, yearCell),
    ],
  };
}

export async function exportImpactStudy(ctx: Ctx, query: StatsQuery, format: ReportFormat): Promise<{ body: Buffer; mimeType: string; fileName: string }> {
  assertMayReadImpactStudy(ctx);
  const view = await studyOf(ctx, query);
  const file = await renderReport(impactDocument(view, format), format);
  return { body: file.body, mimeType: file.mimeType, fileName: `kajian-dampak-${String(view.from)}-${String(view.to)}.${file.extension}` };
}
