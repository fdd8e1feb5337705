import { SECTION_HEADINGS, SECTION_KEYS, type RecapRow, type ReportContent, type ReportSettings, type StatutoryReportKind } from '../../../shared/annual-report';
import type { ReportBlock, ReportCell, ReportDocument, ReportSheet } from '../../lib/report-document/report-document';
import { localDate } from '../../lib/context';
import { longDate } from './annual-report.rules';

// A stored report as a ReportDocument: the letterhead, the recap, then one section per agreement
// with the headings of Permendagri 25/2020 Ps 37(1). The workbook gets the full recap ("Rekap", one
// row per agreement, "Nomor Pemda" first), wider than a printed page.

export type ReportHeader = {
  kind: StatutoryReportKind;
  year: number;
  part: string;
};

export function reportTitle(header: ReportHeader): string {
  if (header.kind === 'annual') return `Laporan Pelaksanaan Kerja Sama Tahun ${header.year}`;
  return `Laporan Monitoring Kerja Sama Semester ${header.part === 'S2' ? 'II' : 'I'} Tahun ${header.year}`;
}

export function reportFileName(header: ReportHeader, extension: string): string {
  const base = header.kind === 'annual' ? `laporan-tahunan-kerja-sama-${header.year}` : `laporan-monitoring-kerja-sama-${header.year}-${header.part.toLowerCase()}`;
  return `${base}.${extension}`;
}

const RECAP_HEAD = [
  'No',
  'Nomor Pemda',
  'Nomor Mitra',
  'Jenis Naskah',
  'Jenis Kerja Sama',
  'Judul',
  'Mitra',
  'Kategori Mitra',
  'OPD',
  'Tanggal Tanda Tangan',
  'Mulai',
  'Berakhir',
  'Status',
  'Adendum',
  'Kegiatan Direncanakan',
  'Kegiatan Terlaksana',
  'Penerima Manfaat',
  'Dana Direncanakan (Rp)',
  'Dana Terealisasi (Rp)',
  'Skor Simbiosis',
  'Skor Mutualisme',
  'Skor Implementasi',
  'Predikat',
  'Hambatan',
  'Tindak Lanjut',
];

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

function recapCells(row: RecapRow, index: number): ReportCell[] {
  return [
    index + 1,
    row.numberOurs,
    row.numberPartner,
    row.docType,
    row.kind,
    row.title,
    row.partners,
    row.partnerCategory,
    row.units,
    row.signedOn,
    row.startsOn,
    row.endsOn,
    row.status,
    row.adenda,
    row.activitiesPlanned,
    row.activitiesDone,
    row.beneficiaries,
    row.fundsPlanned,
    row.fundsRealised,
    round(row.scoreS),
    round(row.scoreM),
    round(row.scoreI),
    row.band,
    row.obstacles,
    row.followUp,
  ];
}

// The printed recap: what fits across a landscape page.
function printedRecap(rows: RecapRow[], title: string): ReportBlock {
  return {
    kind: 'table',
    title,
    head: ['No', 'Nomor', 'Judul', 'Mitra', 'OPD', 'Status', 'Keg. (renc./lks.)', 'Penerima', 'Dana realisasi (Rp)', 'S/M/I', 'Predikat'],
    rows: rows.map((row, index) => [
      index + 1,
      `${row.docType} ${row.numberOurs ?? '–'}`,
      row.title,
      row.partners,
      row.units,
      row.status,
      `${row.activitiesPlanned}/${row.activitiesDone}`,
      row.beneficiaries,
      row.fundsRealised,
      [row.scoreS, row.scoreM, row.scoreI].map((value) => (value === null ? '–' : value.toFixed(2))).join(' / '),
      row.band,
    ]),
  };
}

function signatureBlocks(settings: ReportSettings, generatedOn: string): ReportBlock[] {
  return [
    {
      kind: 'paragraph',
      text: `Ternate, ${longDate(generatedOn)}\n${settings.signatoryTitle}\n\n${settings.signatoryName || '(nama penanda tangan)'}`,
    },
  ];
}

function introOf(header: ReportHeader, content: ReportContent): string {
  const period = `${longDate(content.periodFirstDay)} sampai dengan ${longDate(content.periodLastDay)}`;
  if (header.kind === 'annual') {
    return `Laporan ini disusun berdasarkan Permendagri Nomor 25 Tahun 2020 Pasal 35 dan Pasal 37 ayat (1), memuat pelaksanaan ${content.recap.length} kerja sama yang berlaku pada periode ${period}.`;
  }
  return `Laporan monitoring ini memuat ${content.recap.length} kerja sama yang berlaku pada periode ${period}, ${content.dormant.length} kerja sama dorman dan ${content.findings.length} temuan yang belum ditindaklanjuti.`;
}

function sectionBlocks(content: ReportContent): ReportBlock[] {
  return content.sections.flatMap((section, index) => [
    {
      kind: 'heading' as const,
      level: 2 as const,
      text: `${index + 1}. ${section.label}`,
    },
    ...SECTION_KEYS.flatMap((key) => [
      {
        kind: 'heading' as const,
        level: 3 as const,
        text: SECTION_HEADINGS[key].id,
      },
      { kind: 'paragraph' as const, text: section.texts[key] || '–' },
    ]),
  ]);
}

function semesterBlocks(content: ReportContent): ReportBlock[] {
  return [
    { kind: 'heading', level: 1, text: 'Kerja Sama Dorman' },
    content.dormant.length > 0 ? printedRecap(content.dormant, 'Kerja sama dorman') : { kind: 'paragraph', text: 'Tidak ada kerja sama dorman.' },
    { kind: 'heading', level: 1, text: 'Temuan yang Belum Ditindaklanjuti' },
    content.findings.length > 0
      ? {
          kind: 'table',
          head: ['No', 'Kerja sama', 'Sumber', 'Sejak', 'Temuan'],
          rows: content.findings.map((finding, index) => [index + 1, finding.label, finding.source === 'evaluation' ? 'Evaluasi' : 'Laporan realisasi', finding.since, finding.text]),
        }
      : { kind: 'paragraph', text: 'Tidak ada temuan yang terbuka.' },
  ];
}

export function reportDocumentOf(header: ReportHeader, content: ReportContent, settings: ReportSettings): ReportDocument {
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: settings.letterhead },
    { kind: 'paragraph', text: introOf(header, content) },
    { kind: 'heading', level: 1, text: 'Rekapitulasi' },
    printedRecap(content.recap, 'Rekapitulasi kerja sama'),
  ];
  if (header.kind === 'semester') blocks.push(...semesterBlocks(content));
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: 'Uraian Pelaksanaan Kerja Sama' }, ...sectionBlocks(content));
  // Signed on the day it is in Ternate when the report was made, not the day in UTC.
  blocks.push(...signatureBlocks(settings, localDate(new Date(content.generatedAt))));
  return {
    title: reportTitle(header),
    subtitle: 'Pemerintah Kota Ternate',
    author: 'Bagian Kerja Sama Setda Kota Ternate',
    landscape: true,
    blocks,
  };
}

export function reportSheetsOf(header: ReportHeader, content: ReportContent): ReportSheet[] {
  const sheets: ReportSheet[] = [{ name: 'Rekap', head: RECAP_HEAD, rows: content.recap.map(recapCells) }];
  if (header.kind === 'semester') {
    sheets.push({
      name: 'Dorman',
      head: RECAP_HEAD,
      rows: content.dormant.map(recapCells),
    });
    sheets.push({
      name: 'Temuan',
      head: ['No', 'Kerja sama', 'Sumber', 'Sejak', 'Temuan'],
      rows: content.findings.map((finding, index) => [index + 1, finding.label, finding.source, finding.since, finding.text]),
    });
  }
  return sheets;
}
