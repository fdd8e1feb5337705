import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementView } from '../../src/shared/agreements';
import type { PartnerListView, PartnerView } from '../../src/shared/partners';
import { renderScanPdf } from '../support/scan-pdf';
import { makeZip } from '../support/zip-fixtures';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

// Scan intake as the Cooperation Division uses it: three image-only scans (one in a ZIP) and a
// damaged file dropped at once, read by OCR; one scan matched to the register by a number with
// look-alike characters, two made new drafts (one corrected by hand, one with a registered partner),
// the damaged file rejected; then the register's search finds a word only the matched scan holds.

type Scan = { heading: string; numbers: [string, string]; title: string; partner: string; signer: string; position: string; date: string; years: string; scope: string; closing: string };

function scanText(scan: Scan): string {
  return [
    scan.heading,
    'ANTARA',
    'PEMERINTAH KOTA TERNATE',
    'DENGAN',
    scan.partner.toUpperCase(),
    'TENTANG',
    scan.title.toUpperCase(),
    '',
    ...scan.numbers.map((number) => `NOMOR : ${number}`),
    '',
    `Pada hari ini Senin, tanggal ${scan.date}, bertempat di Ternate, yang bertanda tangan di bawah ini:`,
    'I. Nama : Dr. M. Tauhid Soleman, M.Si',
    'Jabatan : Wali Kota Ternate',
    'dalam hal ini bertindak untuk dan atas nama Pemerintah Kota Ternate, selanjutnya disebut PIHAK PERTAMA.',
    `II. Nama : ${scan.signer}`,
    `Jabatan : ${scan.position}`,
    `dalam hal ini bertindak untuk dan atas nama ${scan.partner}, selanjutnya disebut PIHAK KEDUA.`,
    '',
    'Pasal 1',
    `Ruang lingkup kerja sama ini meliputi: ${scan.scope}.`,
    'Pasal 2',
    `Kerja sama ini berlaku untuk jangka waktu ${scan.years} terhitung mulai tanggal ${scan.date} dan dapat diperpanjang atas kesepakatan PARA PIHAK.`,
    'Pasal 3',
    scan.closing,
  ].join('\n');
}

// Words in no title, scope or field: only the OCR text of each scan has its own.
const SCAN_ONLY_WORD = 'kenariwangi';
const SAMPAH_ONLY_WORD = 'cengkehputih';
const WISATA_ONLY_WORD = 'salawakubiru';
const closing = (word: string) => `Hal-hal yang belum diatur dalam naskah ${word} ini akan diatur kemudian oleh PARA PIHAK.`;

const SCANS: { fileName: string; scan: Scan }[] = [
  {
    fileName: 'pks-pelatihan-asn.pdf',
    // The register says 12/PKS/BKPSDM/2025: the scan's I and O stand for 1 and 0.
    scan: { heading: 'PERJANJIAN KERJA SAMA', numbers: ['I2/PKS/BKPSDM/2O25', '45/UN44/KS/2025'], title: 'Pelatihan Aparatur Sipil Negara', partner: 'Universitas Khairun', signer: 'Dr. M. Ridha Ajam, M.Hum', position: 'Rektor Universitas Khairun', date: '10 Maret 2025', years: '2 (dua) tahun', scope: 'pelatihan dan pendidikan aparatur', closing: `Naskah ini disimpan dalam arsip ${SCAN_ONLY_WORD} kedua belah pihak.` },
  },
  {
    fileName: 'pks-sampah-pesisir.pdf',
    scan: { heading: 'PERJANJIAN KERJA SAMA', numbers: ['31/PKS/DLH/2025', '07/BSM/2025'], title: 'Pengelolaan Sampah Pesisir', partner: 'PT Bahari Sejahtera Maluku', signer: 'Hasan Abdullah, S.T.', position: 'Direktur Utama', date: '2 Juni 2025', years: '3 (tiga) tahun', scope: 'pengangkutan sampah pesisir dan daur ulang', closing: closing(SAMPAH_ONLY_WORD) },
  },
  {
    fileName: 'kb-promosi-wisata.pdf',
    scan: { heading: 'KESEPAKATAN BERSAMA', numbers: ['08/KSB/DISPAR/2025', '15/PEMKAB-HALBAR/2025'], title: 'Promosi Wisata Bersama', partner: 'Pemerintah Kabupaten Halmahera Barat', signer: 'James Uang, S.H.', position: 'Bupati Halmahera Barat', date: '14 Juli 2025', years: '5 (lima) tahun', scope: 'promosi wisata dan festival budaya', closing: closing(WISATA_ONLY_WORD) },
  },
];

// OCR may leave a speck (a stray stop or comma) in a word from one run to the next; what a
// proposed field must hold is its words.
function wordsOf(text: string): string {
  return text.replace(/[^\p{L}\p{N}/]+/gu, ' ').trim();
}

const fileCard = (page: Page, fileName: string) => page.getByRole('article', { name: `Berkas ${fileName}` });

async function fillNewDraft(card: Locator, input: { unitId: string; sector: string; category?: string; kind: string }) {
  await card.getByLabel(/^OPD pemrakarsa/).selectOption(input.unitId);
  await card.getByLabel(/^Bidang utama/).selectOption(input.sector);
  if (input.category) await card.getByLabel(/^Kategori mitra/).selectOption(input.category);
  await card.getByLabel(/^Jenis kerja sama/).selectOption(input.kind);
}

async function acceptedAgreementId(card: Locator): Promise<string> {
  const link = card.getByRole('link', { name: 'Buka kerja sama' });
  await link.waitFor();
  const href = (await link.getAttribute('href')) ?? '';
  return href.split('/').pop() ?? '';
}

describe('scan intake review', () => {
  let running: RunningApp;
  let browser: Browser;
  let client: ApiClient;
  let existing: AgreementView;
  let halbar: PartnerView;
  let pdfs: Buffer[];

  beforeAll(async () => {
    [running, browser, pdfs] = await Promise.all([startApp(), launchBrowser(), Promise.all(SCANS.map(({ scan }, index) => renderScanPdf([scanText(scan)], { seed: index + 1 })))]);
    client = await apiClient(running.baseUrl);
    existing = await client.createAgreement({
      docType: 'PKS',
      title: 'Pelatihan Aparatur Sipil Negara',
      numberOurs: '12/PKS/BKPSDM/2025',
      signedOn: '2025-03-10',
      startsOn: '2025-03-10',
      endsOn: '2027-03-09',
      partners: [{ name: 'Universitas Khairun', categoryCode: 'perguruan_tinggi_negeri' }],
    });
    // The partner of the third scan is in the register already (the demo data has it; else made here).
    const found = await client.request<PartnerListView>('GET', '/partners?q=Halmahera%20Barat');
    halbar = found.items.find((partner) => partner.name === 'Pemerintah Kabupaten Halmahera Barat') ?? (await client.createPartner('Pemerintah Kabupaten Halmahera Barat', 'pemerintah_kabupaten_kota'));
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('reads three scans, attaches the look-alike match, makes two drafts (one from a ZIP, one corrected), rejects a damaged file, and the register finds a word only the scan holds', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' });
    const page = await context.newPage();
    await login(page, running.baseUrl);
    await page.getByRole('link', { name: 'Pindaian masuk' }).click();
    await page.getByRole('heading', { name: 'Pindaian masuk', level: 1 }).waitFor();
    await expectAccessible(page);

    const damaged = { name: 'rusak.pdf', mimeType: 'application/pdf', buffer: Buffer.from('bukan pindaian') };
    // The third scan comes inside a ZIP, as a scanner's batch often does.
    const [asnPdf, sampahPdf, wisataPdf] = SCANS.map(({ fileName }, index) => ({ name: fileName, mimeType: 'application/pdf', buffer: pdfs[index] ?? Buffer.alloc(0) }));
    if (!asnPdf || !sampahPdf || !wisataPdf) throw new Error('three scans expected');
    const zip = { name: 'kiriman-dispar.zip', mimeType: 'application/zip', buffer: await makeZip([{ name: wisataPdf.name, data: wisataPdf.buffer }]) };
    await page.locator('input[type="file"]').setInputFiles([asnPdf, sampahPdf, zip, damaged]);
    await page.waitForURL(/\/app\/intake\?batch=[0-9a-f-]{36}$/);
    // OCR reads each page in seconds; the screen polls until the three scans are ready.
    await expect.poll(() => page.getByText('Siap diperiksa', { exact: true }).count(), { timeout: 180_000, interval: 1000 }).toBe(3);

    // A damaged file says why it failed; rejecting it (after a confirmation) clears it.
    const broken = fileCard(page, 'rusak.pdf');
    await broken.getByText('Berkas tidak dapat dibaca').waitFor();
    expect(await broken.getByText('"rusak.pdf" bukan PDF atau gambar (JPEG/PNG).').count()).toBe(1);
    await broken.getByRole('button', { name: 'Tolak' }).click();
    await page.getByRole('dialog', { name: 'Tolak pindaian ini?' }).getByRole('button', { name: 'Ya, tolak' }).click();
    await broken.getByText('Ditolak', { exact: true }).waitFor();

    const matched = fileCard(page, 'pks-pelatihan-asn.pdf');
    await matched.getByText('Cocok dengan register').waitFor();
    expect(await matched.getByRole('link', { name: '12/PKS/BKPSDM/2025 — Pelatihan Aparatur Sipil Negara' }).getAttribute('href')).toBe(`/app/agreements/${existing.id}`);
    expect(await matched.getByLabel('Nomor Pemda').inputValue()).toMatch(/^[I1l]2\/PKS\/BKPSDM\/2[O0]25$/);
    expect(await matched.getByText(/^yakin \d+%$/).count()).toBeGreaterThan(0);
    expect(await matched.getByText(/hlm\. 1: “/).count()).toBeGreaterThan(0);
    const sampah = fileCard(page, 'pks-sampah-pesisir.pdf');
    const wisata = fileCard(page, 'kb-promosi-wisata.pdf');
    expect(await wisata.getByText('dari kiriman-dispar.zip', { exact: true }).count()).toBe(1);
    await sampah.getByText('Draf baru', { exact: true }).waitFor();
    expect(wordsOf(await sampah.getByLabel(/^Nama mitra/).inputValue())).toBe('PT Bahari Sejahtera Maluku');
    await screenshot(page, 'intake-1-review-desktop');
    await expectAccessible(page);
    await page.setViewportSize(PHONE);
    // The navigation drawer slides away when the viewport narrows.
    await page.waitForTimeout(400);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'intake-1-review-phone');
    await page.setViewportSize(DESKTOP);

    // A new draft needs what the scan cannot say: the form names each empty input.
    await sampah.getByRole('button', { name: 'Terima' }).click();
    expect(await sampah.getByText('Wajib diisi untuk draf baru.').count()).toBe(4);
    const unitId = client.master.units[0]?.id ?? '';
    await sampah.getByLabel('Judul', { exact: true }).fill('Pengelolaan Sampah Pesisir Terpadu');
    // What the draft will hold is what the screen shows (OCR may differ by a speck between runs).
    const sampahShown = { numberOurs: await sampah.getByLabel('Nomor Pemda').inputValue(), signedOn: await sampah.getByLabel('Tanggal penandatanganan').inputValue() };
    expect(wordsOf(sampahShown.numberOurs)).toBe('31/PKS/DLH/2025');
    await fillNewDraft(sampah, { unitId, sector: 'lingkungan_hidup', category: 'swasta', kind: 'KSDPK' });
    await sampah.getByRole('button', { name: 'Terima' }).click();
    const sampahId = await acceptedAgreementId(sampah);

    // The name read from the scan is offered the registered partner; picking it brings its category.
    const wisataNumber = await wisata.getByLabel('Nomor Pemda').inputValue();
    expect(wordsOf(wisataNumber)).toBe('08/KSB/DISPAR/2025');
    await wisata.getByLabel(/^Nama mitra/).fill('Halmahera Barat');
    await page.getByRole('option', { name: /Pemerintah Kabupaten Halmahera Barat/ }).click();
    expect(await wisata.getByLabel(/^Kategori mitra/).inputValue()).toBe(halbar.categoryCode);
    expect(await wisata.getByLabel(/^Kategori mitra/).isDisabled()).toBe(true);
    await fillNewDraft(wisata, { unitId, sector: 'pariwisata_kebudayaan', kind: 'KSDD' });
    await wisata.getByRole('button', { name: 'Terima' }).click();
    const wisataId = await acceptedAgreementId(wisata);

    // The matched scan agrees with the register: "accept all that match" takes it.
    await page.getByRole('button', { name: 'Terima semua yang cocok (1)' }).click();
    expect(await acceptedAgreementId(matched)).toBe(existing.id);
    expect(await page.getByText('Diterima', { exact: true }).count()).toBe(3);
    await screenshot(page, 'intake-2-accepted-desktop');
    await expectAccessible(page);

    // The batch stays listed with its decisions, and reopens from the list.
    const batchUrl = page.url();
    await page.getByRole('button', { name: 'Kembali ke daftar kiriman' }).click();
    const batches = page.getByRole('table', { name: 'Kiriman sebelumnya' });
    const row = batches.getByRole('row').nth(1);
    await row.getByText('Diterima', { exact: true }).waitFor();
    expect(await row.innerText()).toMatch(/^.+WIT\s+4\s+3\s*Diterima\s+1\s*Ditolak$/);
    await expectAccessible(page);
    await row.getByRole('link').click();
    await page.waitForURL(batchUrl);
    await fileCard(page, 'rusak.pdf').getByText('Ditolak', { exact: true }).waitFor();

    const corrected = await client.request<AgreementView>('GET', `/agreements/${sampahId}`);
    expect(corrected).toMatchObject({ title: 'Pengelolaan Sampah Pesisir Terpadu', ...sampahShown, docType: 'PKS', kind: 'KSDPK', isDraft: true });
    expect(sampahShown.signedOn).toBe('2025-06-02');
    const wisataDraft = await client.request<AgreementView>('GET', `/agreements/${wisataId}`);
    expect(wisataDraft).toMatchObject({ docType: 'KB', kind: 'KSDD', numberOurs: wisataNumber, isDraft: true });
    expect(wisataDraft.partners.map((partner) => partner.id)).toEqual([halbar.id]);

    // The scan's text is searchable with the agreement it was attached to.
    await page.getByRole('link', { name: 'Daftar kerja sama' }).click();
    await page.getByLabel('Cari kerja sama').fill(SCAN_ONLY_WORD);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.waitForURL(new RegExp(`q=${SCAN_ONLY_WORD}`));
    await page.getByText('1 kerja sama', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Pelatihan Aparatur Sipil Negara', exact: true }).getAttribute('href')).toBe(`/app/agreements/${existing.id}`);
    await screenshot(page, 'intake-3-search-desktop');
    // So are the two new drafts' scans.
    for (const [word, title, id] of [[SAMPAH_ONLY_WORD, 'Pengelolaan Sampah Pesisir Terpadu', sampahId], [WISATA_ONLY_WORD, wisataDraft.title, wisataId]] as const) {
      await page.goto(`${running.baseUrl}/app/agreements?q=${word}`);
      await page.getByText('1 kerja sama', { exact: true }).waitFor();
      expect(await page.getByRole('link', { name: title, exact: true }).getAttribute('href')).toBe(`/app/agreements/${id}`);
    }
    await context.close();
  }, 300_000);
});
