import type { ActorCtx } from '../lib/context';
import { publishDemoAgreements } from '../modules/agreements/agreements.service';
import { uploadDocument } from '../modules/documents/documents.service';
import { DEMO_PARTNERS } from './demo-partners';
import { renderPdf, type PdfBlock } from './demo-pdf';
import { demoTitle, unitName, type DemoEntry } from './demo-rows';

// A signed text for every demo agreement, in the usual shape of a Kesepakatan Bersama or
// Perjanjian Kerja Sama: parties, purpose, scope, implementation, term, funding, disputes.

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

const DOC_NAMES = { KB: 'KESEPAKATAN BERSAMA', NK: 'NOTA KESEPAKATAN', PKS: 'PERJANJIAN KERJA SAMA', ADENDUM: 'ADENDUM' } as const;

// What each sector's agreements usually commit the city to, as a paragraph.
const SECTOR_TEXT: Record<string, string> = {
  pendidikan: 'Kegiatan pendidikan diarahkan pada perluasan kesempatan belajar bagi putra-putri Kota Ternate, peningkatan mutu pendidik, dan penyiapan lulusan yang sesuai kebutuhan daerah.',
  kesehatan: 'Kegiatan kesehatan diarahkan pada peningkatan mutu pelayanan, perluasan jaminan kesehatan dan penguatan tenaga kesehatan di fasilitas milik daerah.',
  umkm_koperasi: 'Kegiatan pemberdayaan UMKM dan koperasi meliputi pelatihan, pendampingan usaha, akses pemasaran dan akses pembiayaan bagi pelaku usaha mikro, kecil dan menengah yang pulih pascapandemi COVID-19.',
  pendapatan_daerah: 'Kegiatan di bidang pendapatan daerah diarahkan pada perluasan basis pajak daerah, kemudahan pembayaran pajak dan retribusi daerah secara nontunai, serta ketepatan pencatatan penerimaan.',
  perhubungan: 'Kegiatan perhubungan diarahkan pada keselamatan, keterjangkauan dan keteraturan layanan transportasi yang menghubungkan Kota Ternate dengan daerah sekitarnya.',
  pariwisata_kebudayaan: 'Kegiatan pariwisata dan kebudayaan diarahkan pada promosi bersama, pelestarian warisan sejarah kesultanan dan peningkatan kunjungan wisatawan.',
  kelautan_perikanan: 'Kegiatan kelautan dan perikanan diarahkan pada pengelolaan sumber daya ikan yang berkelanjutan dan peningkatan pendapatan nelayan.',
  pertanian_pangan: 'Kegiatan pertanian dan pangan diarahkan pada peningkatan mutu hasil perkebunan rakyat dan ketersediaan pangan yang terjangkau.',
  lingkungan_hidup: 'Kegiatan lingkungan hidup diarahkan pada pengurangan sampah, perlindungan sumber air dan pengendalian pencemaran.',
  pekerjaan_umum: 'Kegiatan pekerjaan umum diarahkan pada penyediaan prasarana dasar yang layak dan tertib pemanfaatan ruang.',
  kominfo_statistik: 'Kegiatan komunikasi, informatika dan statistik diarahkan pada layanan publik digital yang terintegrasi dan data yang dapat dipercaya untuk perencanaan.',
  sosial_kependudukan: 'Kegiatan sosial dan kependudukan diarahkan pada perlindungan keluarga rentan dan kemudahan layanan administrasi kependudukan.',
  perbankan_keuangan: 'Kegiatan perbankan dan keuangan daerah diarahkan pada pengelolaan kas daerah yang aman, transaksi nontunai dan perluasan akses layanan keuangan bagi masyarakat.',
};

function inWords(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

function dayName(isoDate: string): string {
  return DAYS[new Date(`${isoDate}T00:00:00Z`).getUTCDay()] ?? '';
}

function partnersOf(entry: DemoEntry): string {
  return entry.partners.map((key) => DEMO_PARTNERS[key].name).join(' dan ');
}

function articles(entry: DemoEntry): PdfBlock[] {
  const [lead = '', ...support] = entry.units.map(unitName);
  const sectorText = entry.sectors.map((code) => SECTOR_TEXT[code]).filter((text): text is string => Boolean(text));
  const supportText = support.length > 0 ? ` bersama ${support.join(', ')}` : '';
  return [
    { text: 'Pasal 1 — Maksud dan Tujuan', style: 'heading' },
    { text: `Maksud ${DOC_NAMES[entry.doc].toLowerCase()} ini adalah sebagai landasan bagi PARA PIHAK dalam melaksanakan kerja sama di bidang ${entry.about.toLowerCase()}. Tujuannya adalah meningkatkan pelayanan kepada masyarakat dan memberi manfaat bagi kedua belah pihak.` },
    { text: 'Pasal 2 — Ruang Lingkup', style: 'heading' },
    { text: entry.scope },
    ...sectorText.map((text) => ({ text })),
    ...(entry.notes ?? []).map((text) => ({ text })),
    { text: 'Pasal 3 — Pelaksanaan', style: 'heading' },
    { text: `Pelaksanaan kerja sama di pihak Pemerintah Kota Ternate dikoordinasikan oleh ${lead}${supportText}, dengan pemantauan oleh Bagian Kerja Sama Sekretariat Daerah. Rencana kegiatan tahunan disusun bersama dan dilaporkan kepada Wali Kota.` },
    { text: 'Pasal 4 — Jangka Waktu', style: 'heading' },
    { text: `${DOC_NAMES[entry.doc].toLowerCase().replace(/^./, (c) => c.toUpperCase())} ini berlaku sejak tanggal ${inWords(entry.startsOn)} sampai dengan tanggal ${inWords(entry.endsOn)} dan dapat diperpanjang atas kesepakatan PARA PIHAK.` },
    ...(entry.longTermReason ? [{ text: `Jangka waktu tersebut ditetapkan dengan pertimbangan: ${entry.longTermReason}` }] : []),
    { text: 'Pasal 5 — Pembiayaan', style: 'heading' },
    { text: `Biaya pelaksanaan dibebankan pada Anggaran Pendapatan dan Belanja Daerah Kota Ternate dan anggaran PIHAK KEDUA sesuai ketentuan peraturan perundang-undangan${entry.value ? `, dengan nilai kerja sama sebesar Rp${entry.value}` : ''}.` },
    { text: 'Pasal 6 — Penyelesaian Perselisihan', style: 'heading' },
    { text: 'Perselisihan yang timbul dalam pelaksanaan kerja sama ini diselesaikan secara musyawarah untuk mufakat.' },
  ];
}

export function demoDocumentBlocks(entry: DemoEntry): PdfBlock[] {
  return [
    { text: DOC_NAMES[entry.doc], style: 'title' },
    { text: `ANTARA PEMERINTAH KOTA TERNATE DENGAN ${partnersOf(entry).toUpperCase()}`, style: 'title' },
    { text: demoTitle(entry).toUpperCase(), style: 'title' },
    { text: `Nomor: ${entry.numberOurs}   ·   Nomor mitra: ${entry.numberPartner}` },
    {
      text: `Pada hari ini ${dayName(entry.signed)}, tanggal ${inWords(entry.signed)}, bertempat di Ternate, Wali Kota Ternate, bertindak untuk dan atas nama Pemerintah Kota Ternate, selanjutnya disebut PIHAK KESATU, dan pimpinan ${partnersOf(entry)}, selanjutnya disebut PIHAK KEDUA, bersama-sama disebut PARA PIHAK, sepakat mengikatkan diri dalam kerja sama dengan ketentuan sebagai berikut.`,
    },
    ...articles(entry),
    { text: 'Demikian naskah ini dibuat dalam rangkap dua, masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama.' },
    { text: `PIHAK KESATU: Wali Kota Ternate        PIHAK KEDUA: ${partnersOf(entry)}`, style: 'heading' },
  ];
}

// Attached through the documents service, so the text is extracted and indexed as for any upload.
export async function attachDemoDocuments(ctx: ActorCtx, { entries, idByNumber }: { entries: DemoEntry[]; idByNumber: Map<string, string> }): Promise<number> {
  let attached = 0;
  const published: string[] = [];
  for (const entry of entries) {
    const agreementId = idByNumber.get(entry.numberOurs);
    if (!agreementId) continue;
    const bytes = await renderPdf({ title: demoTitle(entry), blocks: demoDocumentBlocks(entry), createdAt: new Date(`${entry.signed}T02:00:00Z`) });
    const fileName = `Naskah ${entry.numberOurs.replace(/\//g, '-')}.pdf`;
    await uploadDocument(ctx, { agreementId, upload: { fields: { kind: 'naskah_ttd', isPublic: 'true' }, file: { fileName, bytes } } });
    published.push(agreementId);
    attached += 1;
  }
  // The portal shows an agreement once its signed document is attached and a person chose to publish it.
  await publishDemoAgreements(ctx.db, published);
  return attached;
}
