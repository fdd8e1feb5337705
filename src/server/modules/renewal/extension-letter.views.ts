import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import type { AgreementView } from '../../../shared/agreements';
import type { ExtensionLetterWindow } from './renewal.rules';

// The draft of the extension letter for a foreign cooperation, as a Word document the division
// finishes (number, date, the Wali Kota's name) before it is signed. Permendagri 25/2020 Ps 33(2):
// the extension is asked for in writing by the head of the region to the Minister of Home Affairs
// through the Secretary General, copied to the Governor and the DPRD, at least six months before
// the cooperation ends; the Minister's answer is what the partner abroad is then told.

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const KIND_NAMES: Record<string, string> = {
  KSDPL: 'Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri (KSDPL)',
  KSDLL: 'Kerja Sama Daerah dengan Lembaga di Luar Negeri (KSDLL)',
};
const BLANK = '……………';

export function longDate(isoDate: string | null): string {
  if (!isoDate) return BLANK;
  return `${String(Number(isoDate.slice(8, 10)))} ${MONTHS[Number(isoDate.slice(5, 7)) - 1] ?? ''} ${isoDate.slice(0, 4)}`;
}

function run(options: IRunOptions): TextRun {
  return new TextRun(options);
}

function line(text: string, options: { bold?: boolean; center?: boolean; after?: number; size?: number } = {}): Paragraph {
  return new Paragraph({ alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { after: options.after ?? 0 }, children: [run({ text, bold: options.bold ?? false, ...(options.size ? { size: options.size } : {}) })] });
}

function body(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 160 }, indent: { firstLine: 567 }, children: [run({ text })] });
}

function factsTable(rows: [string, string][]): Table {
  const cell = (text: string, width: number, bold = false) => new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [run({ text, bold, size: 20 })] })] });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, 35, true), cell(value, 65)] })) });
}

function partnerNames(agreement: AgreementView): string {
  return agreement.partners.map((partner) => partner.name).join(', ') || BLANK;
}

function factsOf(agreement: AgreementView): [string, string][] {
  return [
    ['Judul naskah', agreement.title],
    ['Jenis kerja sama', KIND_NAMES[agreement.kind] ?? agreement.kind],
    ['Mitra', partnerNames(agreement)],
    ['Nomor naskah Pemerintah Kota Ternate', agreement.numberOurs ?? BLANK],
    ['Nomor naskah mitra', agreement.numberPartner ?? BLANK],
    ['Tanggal penandatanganan', longDate(agreement.signedOn)],
    ['Jangka waktu', `${longDate(agreement.startsOn)} s.d. ${longDate(agreement.endsOn)}`],
    ['Perangkat daerah pelaksana', agreement.units.map((unit) => unit.name).join(', ') || BLANK],
    ['Ruang lingkup', agreement.scope ?? BLANK],
  ];
}

// A warning at the top of a late draft, for the drafter to read and delete.
function lateNote(window: ExtensionLetterWindow): Paragraph[] {
  if (window.state !== 'late') return [];
  return [
    new Paragraph({
      spacing: { after: 240 },
      children: [run({ text: `CATATAN DRAF (hapus sebelum dikirim): batas pengiriman usul perpanjangan, paling lambat 6 bulan sebelum berakhir, adalah ${longDate(window.dueOn)} dan telah lewat. Sampaikan alasan keterlambatan dalam surat.`, bold: true, color: 'B00020' })],
    }),
  ];
}

function paragraphs(agreement: AgreementView, window: ExtensionLetterWindow): (Paragraph | Table)[] {
  const partner = partnerNames(agreement);
  return [
    ...lateNote(window),
    line('PEMERINTAH KOTA TERNATE', { bold: true, center: true }),
    line('WALI KOTA TERNATE', { bold: true, center: true, after: 360 }),
    line(`Ternate, ${BLANK} ${BLANK}`, { after: 240 }),
    line(`Nomor     : ${BLANK}`),
    line('Sifat       : Penting'),
    line('Lampiran : 1 (satu) berkas'),
    line(`Hal          : Usul Perpanjangan Kerja Sama dengan ${partner}`, { after: 240 }),
    line('Kepada'),
    line('Yth. Menteri Dalam Negeri Republik Indonesia'),
    line('c.q. Sekretaris Jenderal Kementerian Dalam Negeri'),
    line('di Jakarta', { after: 240 }),
    body(
      `Berdasarkan Pasal 33 ayat (2) Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri dan Kerja Sama Daerah dengan Lembaga di Luar Negeri, bersama ini Pemerintah Kota Ternate mengusulkan perpanjangan kerja sama dengan ${partner} sebagai berikut:`,
    ),
    factsTable(factsOf(agreement)),
    new Paragraph({ children: [] }),
    body(
      `Kerja sama tersebut berakhir pada tanggal ${longDate(agreement.endsOn)}. Pelaksanaannya telah dievaluasi bersama perangkat daerah pelaksana dan mitra, dan hasilnya menunjukkan bahwa kerja sama ini masih bermanfaat bagi daerah sehingga layak diperpanjang untuk jangka waktu ${BLANK} tahun (paling lama 5 tahun).`,
    ),
    body(`Sebagai bahan pertimbangan, bersama ini kami lampirkan naskah kerja sama, laporan pelaksanaan dan hasil evaluasinya, serta rancangan naskah perpanjangan yang telah dibahas dengan ${partner}.`),
    body('Demikian kami sampaikan. Atas perhatian dan persetujuan Bapak Menteri, kami ucapkan terima kasih.'),
    new Paragraph({ spacing: { before: 360 }, indent: { left: 5103 }, children: [run({ text: 'WALI KOTA TERNATE,', bold: true })] }),
    new Paragraph({ spacing: { before: 1080, after: 360 }, indent: { left: 5103 }, children: [run({ text: BLANK, bold: true })] }),
    line('Tembusan:'),
    line('1. Gubernur Maluku Utara di Sofifi;'),
    line('2. Ketua DPRD Kota Ternate di Ternate.'),
  ];
}

export async function extensionLetterDocx(agreement: AgreementView, window: ExtensionLetterWindow): Promise<Buffer> {
  const document = new Document({
    creator: 'Jalin',
    title: `Usul perpanjangan kerja sama — ${agreement.title}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children: paragraphs(agreement, window) }],
  });
  return Packer.toBuffer(document);
}
