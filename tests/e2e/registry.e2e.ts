import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTextPdf } from '../support/pdf-fixtures';
import { renderScanPdf } from '../support/scan-pdf';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { E2E_ADMIN, startApp, type RunningApp } from './support/server';

// A word that appears only inside the uploaded PDF, never in the agreement's own fields.
const PDF_ONLY_WORD = 'zamrudkatulistiwa';
const NEW_PARTNER = 'Politeknik Pelayaran Uji Ternate';
const DEMO_PASSWORD = 'demo-e2e-rahasia';
// A word found only in the scanned image of a signed agreement, read by OCR.
const SCAN_ONLY_WORD = 'jalamerdu';
const SIGNED_SCAN = `PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KOTA TERNATE
DENGAN
PT BANK PEMBANGUNAN DAERAH MALUKU UTARA
TENTANG
KREDIT LUNAK BAGI PEDAGANG PASAR

Nomor: 21/PKS/E2E/2026

Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh enam, kami yang bertanda tangan di bawah ini:
1. M. Tauhid Soleman, Wali Kota Ternate, dalam hal ini bertindak untuk dan atas nama Pemerintah Kota Ternate, selanjutnya disebut PIHAK PERTAMA.
2. Rina Hasan, Direktur Utama, dalam hal ini bertindak untuk dan atas nama PT Bank Pembangunan Daerah Maluku Utara, selanjutnya disebut PIHAK KEDUA.

Pasal 1
Ruang lingkup perjanjian ini meliputi kredit lunak bagi pedagang Pasar Gamalama.

Pasal 2
Perjanjian ini berlaku untuk jangka waktu 2 (dua) tahun sejak ditandatangani.

Pasal 3
Pendampingan usaha diberikan kepada kelompok ${SCAN_ONLY_WORD} setiap bulan.`;

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

// OCR may leave a speck (a stray stop or comma) in a word from one run to the next; what a
// prefilled field must hold is its words.
function wordsOf(text: string): string {
  return text.replace(/[^\p{L}\p{N}/]+/gu, ' ').trim();
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

describe('the registry screens', () => {
  let running: RunningApp;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let createdId = '';

  beforeAll(async () => {
    // The demo data set (loaded on first start) is the registry the facet test counts.
    [running, browser] = await Promise.all([startApp({ JALIN_DEMO_PASSWORD: DEMO_PASSWORD }), launchBrowser()]);
    api = await apiClient(running.baseUrl);
    desktop = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, locale: 'id-ID', timezoneId: 'Asia/Jayapura' });
    page = await desktop.newPage();
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  it('sends a visitor to the login page and back to the registry after signing in', async () => {
    await page.goto(`${running.baseUrl}/app/partners`);
    await page.waitForURL(/\/app\/login$/);
    await expectAccessible(page);
    await screenshot(page, 'login-desktop');
    await page.getByLabel(/e-mail/i).fill('admin@jalin.local');
    await page.getByLabel(/kata sandi/i).fill('salah-sekali-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').filter({ hasText: /sandi|salah|tidak/i }).waitFor();
    await page.getByLabel(/kata sandi/i).fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/app\/partners$/);
    await heading(page, 'Mitra kerja sama');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
  });

  it('rejects an empty form with messages on the fields, then creates an agreement with a new partner and an OPD', async () => {
    await page.goto(`${running.baseUrl}/app/agreements/new`);
    await heading(page, 'Kerja sama baru');
    await page.getByRole('button', { name: 'Simpan kerja sama' }).click();
    await page.getByText('Periksa isian yang ditandai merah.').waitFor();
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(2);
    await expectAccessible(page);

    await pickOption(page, 'Jenis dokumen', 'Perjanjian Kerja Sama (PKS)');
    await pickOption(page, 'Jenis kerja sama', 'KSDPK — dengan pihak ketiga');
    await page.getByLabel('Judul').fill('Perjanjian kerja sama beasiswa taruna pelayaran');
    await page.getByLabel('Nomor Pemda').fill('PKS/E2E/001/2026');
    await page.getByLabel('Nama mitra baru').fill(NEW_PARTNER);
    await pickOption(page, 'Kategori mitra baru', 'Perguruan Tinggi Negeri / Kedinasan');
    await page.getByRole('button', { name: 'Tambah mitra' }).click();
    await page.getByLabel('Tanggal tanda tangan').fill('2026-02-02');
    await page.getByLabel('Tanggal mulai').fill('2026-02-02');
    await page.getByLabel('Tanggal berakhir').fill('2029-02-01');
    await page.getByLabel('Nilai (rupiah)').fill('1500000');
    await page.getByText('Rp 1.500.000').waitFor();
    const unit = api.master.units[0]!.name;
    await pickOption(page, 'OPD pelaksana utama', unit);
    await pickOption(page, 'Bidang utama', 'Pendidikan');
    await screenshot(page, 'form-desktop');
    // A PKS without its KB is refused until the form says why.
    await page.getByRole('button', { name: 'Simpan kerja sama' }).click();
    await page.getByText(/pilih KB\/NK induknya atau tuliskan alasan tanpa KB/).first().waitFor();
    await page.getByLabel('Alasan tanpa KB').fill('Kerja sama langsung dengan politeknik, tanpa KB.');
    await page.getByRole('button', { name: 'Simpan kerja sama' }).click();

    await heading(page, 'Perjanjian kerja sama beasiswa taruna pelayaran');
    await page.getByText('Kerja sama langsung dengan politeknik, tanpa KB.').waitFor();
    createdId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByText(NEW_PARTNER).first().waitFor();
    await page.getByText(unit).first().waitFor();
    await page.getByText('2 Februari 2026').first().waitFor();
    await page.getByText('Rp 1.500.000').waitFor();
    // Saved without its signed PDF: the page says where it goes (the portal waits for it).
    await page.getByText('Naskah bertanda tangan belum dilampirkan').waitFor();
    await page.getByRole('button', { name: 'Buka tab Dokumen' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agreement-desktop');
  });

  it('uploads a PDF and finds the agreement by a word that only the PDF contains', async () => {
    await page.goto(`${running.baseUrl}/app/agreements/${createdId}?tab=documents`);
    const pdf = await makeTextPdf([`Lampiran teknis. Program beasiswa ${PDF_ONLY_WORD} untuk taruna asal Ternate.`]);
    await page.locator('input[type="file"]').setInputFiles({ name: 'naskah-pks.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    await page.getByRole('link', { name: 'naskah-pks.pdf', exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'documents-desktop');

    await page.goto(`${running.baseUrl}/app/agreements`);
    await page.getByLabel('Cari kerja sama').fill(PDF_ONLY_WORD);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.waitForURL(new RegExp(`q=${PDF_ONLY_WORD}`));
    await page.getByRole('link', { name: 'Perjanjian kerja sama beasiswa taruna pelayaran' }).waitFor();
    expect(await page.locator('.jalin-snippet mark').first().textContent()).toMatch(new RegExp(PDF_ONLY_WORD, 'i'));
    await expectAccessible(page);
    await screenshot(page, 'search-desktop');
  });

  it('starts a new agreement from its signed scan: the form is prefilled, a field corrected, and the scan attached and searchable', async () => {
    await page.goto(`${running.baseUrl}/app/agreements/new`);
    await heading(page, 'Kerja sama baru');
    const scan = await renderScanPdf([SIGNED_SCAN], { seed: 21, rotationDegrees: 0.8 });
    await page.getByLabel('Pilih berkas PDF').setInputFiles({ name: 'pks-kredit-lunak.pdf', mimeType: 'application/pdf', buffer: scan });
    await page.getByRole('button', { name: 'Baca naskah' }).click();
    // OCR of one page: seconds on an idle machine, longer on a busy one.
    await page.getByText('Diisi dari pks-kredit-lunak.pdf').waitFor({ timeout: 240_000 });
    expect(wordsOf(await page.getByLabel('Nomor Pemda').inputValue())).toBe('21/PKS/E2E/2026');
    expect(wordsOf(await page.getByLabel('Judul').inputValue())).toBe('KREDIT LUNAK BAGI PEDAGANG PASAR');
    expect(await page.getByLabel('Tanggal tanda tangan').inputValue()).toBe('2026-03-02');
    expect(await page.getByLabel('Tanggal berakhir').inputValue()).toBe('2028-03-01');
    expect(wordsOf(await page.getByLabel('Nama mitra baru').inputValue())).toBe('PT Bank Pembangunan Daerah Maluku Utara');
    expect(await page.getByLabel('Ruang lingkup').inputValue()).not.toContain(SCAN_ONLY_WORD);
    await expectAccessible(page);
    await screenshot(page, 'agreement-from-scan-desktop');

    // The person corrects what the scan says in capitals and completes what no scan can say.
    await page.getByLabel('Judul').fill('Kredit lunak bagi pedagang pasar');
    await page.getByLabel('Nama mitra baru').fill('PT Bank Pembangunan Daerah Maluku Utara');
    await pickOption(page, 'Jenis kerja sama', 'KSDPK — dengan pihak ketiga');
    await pickOption(page, 'Kategori mitra baru', 'BUMD (termasuk bank daerah dan PDAM)');
    await page.getByRole('button', { name: 'Tambah mitra' }).click();
    await pickOption(page, 'OPD pelaksana utama', api.master.units[0]!.name);
    await pickOption(page, 'Bidang utama', 'Pendidikan');
    await page.getByLabel('Alasan tanpa KB').fill('Kredit langsung dengan bank daerah, tanpa KB.');
    await page.getByRole('button', { name: 'Simpan kerja sama' }).click();

    await heading(page, 'Kredit lunak bagi pedagang pasar');
    const agreementId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const documents = await api.request<{ fileName: string; kind: string }[]>('GET', `/agreements/${agreementId}/documents`);
    expect(documents).toEqual([expect.objectContaining({ fileName: 'pks-kredit-lunak.pdf', kind: 'naskah_ttd' })]);

    // The word is in no field of the agreement (the scope was checked above), only in the scan's text.
    await page.goto(`${running.baseUrl}/app/agreements?q=${SCAN_ONLY_WORD}`);
    await page.getByRole('link', { name: 'Kredit lunak bagi pedagang pasar' }).waitFor();
  });

  it('combines facets kept in the address (the demo data gives the article\'s 27 agreements of 2021), Back undoes one, export follows them', async () => {
    await page.goto(`${running.baseUrl}/app/agreements`);
    await page.getByRole('checkbox', { name: /^2021 \(/ }).click();
    await page.waitForURL(/year=2021/);
    for (const code of ['KB', 'PKS', 'NK']) {
      await page.getByRole('checkbox', { name: new RegExp(`\\(${code}\\) \\(`) }).click();
      await page.waitForURL(new RegExp(`docType=${code}`));
    }
    await page.getByRole('heading', { name: '27 kerja sama' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'registry-facets-desktop');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('docType=NK'));
    expect(new URL(page.url()).searchParams.getAll('docType')).toEqual(['KB', 'PKS']);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /XLSX/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('finds the sleeping agreements through the Kesehatan facet and shows why on the agreement', async () => {
    await page.goto(`${running.baseUrl}/app/agreements`);
    const dormant = page.getByRole('checkbox', { name: /^Dorman \(\d+\)/ });
    // The count the facet shows is the number of results the list then says it has.
    const name = await dormant.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '');
    const count = Number(/\((\d+)\)/.exec(name)?.[1]);
    expect(count).toBeGreaterThan(0);
    await dormant.click();
    await page.waitForURL(/health=dorman/);
    await page.getByRole('heading', { name: `${count} kerja sama` }).waitFor();
    await expectAccessible(page);
    // The first result's title (the page's other links go elsewhere, such as "Kerja sama baru").
    const first = await page.locator('main a[href*="/app/agreements/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '').find((href) => /\/agreements\/[0-9a-f-]{36}$/.test(href)));
    await page.goto(`${running.baseUrl}${first ?? ''}`);
    await page.getByText('Dorman', { exact: true }).first().waitFor();
    await page.getByText(/tanpa rencana kegiatan atau realisasi terverifikasi/).waitFor();
  });

  it('refuses a stale edit with a message and a reload, never overwriting', async () => {
    await page.goto(`${running.baseUrl}/app/agreements/${createdId}/edit`);
    await heading(page, 'Ubah kerja sama');
    const current = await api.request<{ version: number }>('GET', `/agreements/${createdId}`);
    await api.request('PATCH', `/agreements/${createdId}`, { version: current.version, numberPartner: 'MITRA/LAIN/7' });
    await page.getByLabel('Nomor mitra').fill('MITRA/SAYA/1');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Data telah diubah oleh pengguna lain').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'stale-desktop');
    await page.getByRole('button', { name: 'Muat ulang data terbaru' }).click();
    await expect.poll(() => page.getByLabel('Nomor mitra').inputValue()).toBe('MITRA/LAIN/7');
  });

  it('ends an agreement early and shows who changed what in the history', async () => {
    await page.goto(`${running.baseUrl}/app/agreements/${createdId}`);
    await page.getByRole('button', { name: 'Akhiri lebih awal' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tanggal berakhir').fill('2026-03-01');
    await dialog.getByRole('combobox', { name: 'Alasan', exact: true }).click();
    await page.getByRole('option', { name: 'Tujuan telah tercapai' }).click();
    await dialog.getByRole('button', { name: 'Akhiri kerja sama' }).click();
    // The consequence is stated before anything is recorded.
    await dialog.getByText(/tercatat diakhiri lebih awal sejak 1 Maret 2026.*tidak dapat dibatalkan/).waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Ya, akhiri kerja sama' }).click();
    await page.getByText('Berakhir pada 1 Maret 2026').waitFor();
    await page.getByRole('tab', { name: 'Riwayat perubahan' }).click();
    await page.getByRole('cell', { name: 'Diakhiri', exact: true }).waitFor();
    await page.getByText('MITRA/LAIN/7').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'history-desktop');
  });

  it('merges two partners after saying which agreements move', async () => {
    // The registered name has more agreements, so it is offered as the one to keep.
    const kept = await api.createPartner('CV Karya Bahari Ternate', 'swasta');
    await api.createAgreement({ title: 'Kerja sama perahu nelayan', partners: [{ id: kept.id }], primarySectorCode: 'kelautan_perikanan' });
    await api.createAgreement({ title: 'Kerja sama cold storage ikan', partners: [{ id: kept.id }], primarySectorCode: 'kelautan_perikanan' });
    await api.createAgreement({ title: 'Kerja sama pelatihan nelayan', partners: [{ name: 'CV. Karya Bahari Ternat', categoryCode: 'swasta' }], primarySectorCode: 'kelautan_perikanan' });
    // A weak pair (one name has words the other lacks): "Bukan duplikat" removes it for good.
    await api.createPartner('Politeknik Perikanan Negeri Tual', 'pemerintah_pusat');
    await api.createPartner('Politeknik Perikanan Tual Maluku', 'pemerintah_pusat');
    await page.goto(`${running.baseUrl}/app/partners?tab=duplicates`);
    await page.getByText('CV. Karya Bahari Ternat').waitFor();
    await page.getByRole('button', { name: /^Bukan duplikat: Politeknik Perikanan Negeri Tual/ }).click();
    await page.getByText('Politeknik Perikanan Tual Maluku').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /Gabungkan .*CV\. Karya Bahari Ternat/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/1 kerja sama akan dipindahkan/).waitFor();
    await dialog.getByRole('link', { name: /Kerja sama pelatihan nelayan/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'merge-desktop');
    await dialog.getByRole('button', { name: 'Ya, gabungkan' }).click();
    await page.getByText(/1 kerja sama dipindahkan/).waitFor();
    await page.getByText('CV. Karya Bahari Ternat').waitFor({ state: 'detached' });
  });

  it('shows leadership the registry read-only and follows the language switch', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' });
    const leader = await context.newPage();
    await login(leader, running.baseUrl, { email: 'pimpinan@demo.jalin.local', password: DEMO_PASSWORD });
    // The leadership lands on its dashboard (issue 12); the register is one click away.
    await heading(leader, 'Dasbor Pimpinan');
    await leader.goto(`${running.baseUrl}/app/agreements`);
    await heading(leader, 'Daftar kerja sama');
    expect(await leader.getByRole('link', { name: 'Kerja sama baru' }).count()).toBe(0);
    await leader.goto(`${running.baseUrl}/app/agreements/${createdId}`);
    await heading(leader, 'Perjanjian kerja sama beasiswa taruna pelayaran');
    expect(await leader.getByRole('button', { name: 'Ubah' }).count()).toBe(0);
    await leader.goto(`${running.baseUrl}/app/agreements/new`);
    await heading(leader, 'Akses ditolak');
    await leader.locator('label', { hasText: 'EN' }).first().click();
    await heading(leader, 'Access denied');
    expect(await leader.evaluate(() => document.documentElement.lang)).toBe('en');
    await leader.reload();
    await heading(leader, 'Access denied');
    await context.close();
  });

  it('works on a phone: burger navigation, no sideways scrolling, readable pages', async () => {
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'id-ID', timezoneId: 'Asia/Jayapura' });
    const small = await phone.newPage();
    await login(small, running.baseUrl);
    await heading(small, 'Tugas saya');
    await small.goto(`${running.baseUrl}/app/agreements`);
    await heading(small, 'Daftar kerja sama');
    await expectNoHorizontalScroll(small);
    await expectAccessible(small);
    await screenshot(small, 'registry-phone');
    await small.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await small.getByRole('link', { name: 'Mitra' }).click();
    await heading(small, 'Mitra kerja sama');
    await expectNoHorizontalScroll(small);
    await screenshot(small, 'partners-phone');
    for (const tab of ['', '?tab=documents', '?tab=history']) {
      await small.goto(`${running.baseUrl}/app/agreements/${createdId}${tab}`);
      await heading(small, 'Perjanjian kerja sama beasiswa taruna pelayaran');
      await small.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(small);
      await expectAccessible(small);
    }
    await screenshot(small, 'history-phone');
    await small.goto(`${running.baseUrl}/app/agreements/new`);
    await heading(small, 'Kerja sama baru');
    await expectNoHorizontalScroll(small);
    await screenshot(small, 'form-phone');
    await phone.close();
  });
});
