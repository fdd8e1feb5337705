import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, login } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const HEADER = 'nomor_pemda,nomor_mitra,judul,jenis_dokumen,jenis_kerja_sama,mitra,kategori_mitra,bidang,opd,tanggal_ttd,tanggal_mulai,tanggal_berakhir,ruang_lingkup,induk,nilai';
// A word no demo agreement uses, so a registry search finds exactly the imported rows.
const TAG = `ujiimpor${Date.now().toString(36)}`;

function registerCsv(signedOnOfRow3: string): Buffer {
  const lines = [
    HEADER,
    `E2E/${TAG}/KB/1,,Kesepakatan Bersama Pengembangan Pariwisata ${TAG},KB,KSDD,Pemerintah Kota Tidore Kepulauan,pemerintah_kabupaten_kota,pariwisata_kebudayaan,Dinas Pariwisata,2025-02-10,2025-02-10,2030-02-09,Promosi wisata bersama,,`,
    `E2E/${TAG}/PKS/2,,Perjanjian Kerja Sama Festival Budaya ${TAG},PKS,KSDD,Pemerintah Kota Tidore Kepulauan,pemerintah_kabupaten_kota,pariwisata_kebudayaan,Dinas Pariwisata,${signedOnOfRow3},01/04/2025,31/03/2027,Festival budaya tahunan,E2E/${TAG}/KB/1,"150.000.000"`,
    `E2E/${TAG}/KB/3,,Kesepakatan Bersama Pembiayaan UMKM ${TAG},KB,KSDPK,PT Bank Uji Ternate ${TAG},swasta,"umkm_koperasi; perbankan_keuangan","Dinas Koperasi dan UKM; Badan Pendapatan Daerah",2025-05-20,2025-05-20,2028-05-19,Pembiayaan UMKM,,`,
  ];
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

// axe-core needs a page from an explicit browser context.
async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  return context.newPage();
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

async function upload(page: Page, fileName: string, bytes: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: bytes });
}

describe('import and statistics screens', () => {
  let running: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    // The demo register is past this limit: every preview carries the embedded database's size notice.
    [running, browser] = await Promise.all([startApp({ JALIN_DEMO: '1', JALIN_EMBEDDED_AGREEMENT_LIMIT: '10' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('reports a bad cell by row and column, then imports the fixed file with a finished progress bar and its rows in the registry', async () => {
    const page = await openPage(browser);
    await login(page, running.baseUrl);
    await page.goto(`${running.baseUrl}/app/import`);
    await page.getByRole('heading', { name: 'Impor register kerja sama' }).waitFor();
    await page.getByText('nomor_pemda', { exact: true }).first().waitFor();
    await shoot(page, 'import-1-format-desktop');
    await expectAccessible(page);

    // The downloadable template passes the import as it is.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh templat CSV' }).first().click()]);
    expect(download.suggestedFilename()).toBe('templat-impor-kerja-sama.csv');
    await upload(page, download.suggestedFilename(), readFileSync(await download.path()));
    await page.getByText('Semua 2 baris lolos pemeriksaan').waitFor();
    const sizeNotice = page.getByRole('status').filter({ hasText: 'Setelah impor ini register berisi' });
    expect(await sizeNotice.innerText()).toMatch(/berisi [\d.]+ perjanjian, lebih dari 10 yang dilayani basis data tertanam \(PGlite\)/);
    await shoot(page, 'import-1b-size-notice-desktop');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Unggah berkas lain' }).click();

    // Row 3 of the file (the header is row 1) has a 30 February.
    await upload(page, 'register-salah.csv', registerCsv('30/02/2025'));
    const report = page.getByRole('table', { name: 'Laporan validasi per baris' });
    await report.waitFor();
    const issue = report.getByRole('row').filter({ hasText: 'tanggal_ttd' });
    await expect.poll(() => issue.count()).toBe(1);
    expect(await issue.getByRole('cell').first().innerText()).toBe('3');
    expect(await issue.innerText()).toContain('tanggal tidak ada');
    expect(await page.getByRole('button', { name: 'Konfirmasi impor' }).isDisabled()).toBe(true);
    await shoot(page, 'import-2-report-desktop');
    await expectAccessible(page);
    await page.setViewportSize({ width: 375, height: 800 });
    // The navigation drawer slides away when the viewport narrows.
    await page.waitForTimeout(400);
    await shoot(page, 'import-2-report-phone');
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Unggah berkas lain' }).click();
    await upload(page, 'register.csv', registerCsv('01/04/2025'));
    await page.getByText('Semua 3 baris lolos pemeriksaan').waitFor();
    await shoot(page, 'import-3-preview-desktop');
    await page.getByRole('button', { name: 'Konfirmasi impor' }).click();
    await page.getByRole('heading', { name: 'Impor selesai' }).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Kemajuan impor' }).getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByText('3 baris dari register.csv telah diproses.').count()).toBe(1);
    await shoot(page, 'import-4-done-desktop');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Lihat di daftar kerja sama' }).click();
    await page.waitForURL(/\/app\/agreements/);
    await page.goto(`${running.baseUrl}/app/agreements?q=${TAG}`);
    await page.getByText(`Kesepakatan Bersama Pembiayaan UMKM ${TAG}`).first().waitFor();
    expect(await page.getByText(`Perjanjian Kerja Sama Festival Budaya ${TAG}`).count()).toBeGreaterThan(0);

    // The finished run stays listed on the import page.
    await page.goto(`${running.baseUrl}/app/import`);
    const history = page.getByRole('table', { name: 'Impor terakhir' });
    await history.getByText('register.csv').waitFor();
    expect(await history.getByRole('row').nth(1).innerText()).toMatch(/Selesai\s+3\s+0\s+0/i);
    await expectAccessible(page);
    await page.context().close();
  });

  it('warns of an OPD name missing its comma, proposes the registered OPD and, once accepted, imports without a new OPD', async () => {
    const page = await openPage(browser);
    await login(page, running.baseUrl);
    await page.goto(`${running.baseUrl}/app/import`);
    const misspelt = 'Badan Perencanaan Pembangunan Riset dan Inovasi Daerah';
    const csv = [HEADER, `E2E/${TAG}/KB/9,,Kesepakatan Bersama Riset Kelautan ${TAG},KB,KSDPK,Universitas Uji ${TAG},perguruan_tinggi_negeri,pendidikan,${misspelt},2025-06-02,2025-06-02,2028-06-01,Riset bersama,,`].join('\n');
    await upload(page, 'opd-salah-ketik.csv', Buffer.from(csv + '\n', 'utf8'));
    await page.getByText('Impor ini akan membuat 1 OPD baru').waitFor();
    const suggestion = page.getByRole('radio', { name: /^Pakai yang sudah ada: Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah \(mirip 100 %\)$/ });
    await suggestion.waitFor();
    expect(await page.getByRole('button', { name: 'Konfirmasi impor' }).isDisabled()).toBe(true);
    await shoot(page, 'import-5-new-opd-desktop');
    await expectAccessible(page);

    await suggestion.check();
    await page.getByRole('button', { name: 'Konfirmasi impor' }).click();
    await page.getByRole('heading', { name: 'Impor selesai' }).waitFor();
    const names = await page.evaluate(async () => ((await (await fetch('/api/master')).json()) as { units: { name: string }[] }).units.map((unit) => unit.name));
    expect(names.filter((name) => name.startsWith('Badan Perencanaan Pembangunan'))).toEqual(['Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah']);
    await page.context().close();
  });

  it('lists the 100 most used new partners of a large file and says how many more it will simply create', async () => {
    const page = await openPage(browser);
    await login(page, running.baseUrl);
    await page.goto(`${running.baseUrl}/app/import`);
    const rows = Array.from({ length: 105 }, (_, index) => `E2E/${TAG}/BESAR/${String(index)},,Kesepakatan Bersama Nelayan ${TAG} ${String(index)},KB,KSDPK,Koperasi Nelayan ${TAG} Nomor ${String(index)},swasta,pendidikan,Dinas Pariwisata,2025-06-02,2025-06-02,2028-06-01,,,`);
    await upload(page, 'register-besar.csv', Buffer.from([HEADER, ...rows].join('\n') + '\n', 'utf8'));
    await page.getByText('Impor ini akan membuat 0 OPD baru dan 105 mitra baru').waitFor();
    await page.getByText('5 nama baru lain hanya akan dibuat: pratinjau membandingkan 100 nama yang paling sering dipakai').waitFor();
    expect(await page.getByRole('radio', { name: /^Buat mitra baru/ }).count()).toBe(100);
    // None resembles a registered partner, so nothing waits for a decision.
    expect(await page.getByRole('button', { name: 'Konfirmasi impor' }).isDisabled()).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: 'test-results/import-6-many-new-partners-desktop.png' });
    await expectAccessible(page);
    await page.context().close();
  });

  it("shows the survey's figures live: 27 agreements in 2021, most of them with the private sector", async () => {
    const page = await openPage(browser);
    await login(page, running.baseUrl);
    await page.goto(`${running.baseUrl}/app/statistics?from=2020&to=2022`);
    const year2021 = page.getByTestId('stats-year-2021');
    await year2021.getByText('27 kerja sama').waitFor();
    expect(await year2021.innerText()).toContain('2021: kerja sama terbanyak dengan Swasta (10)');
    expect(await page.getByTestId('stats-year-2020').innerText()).toContain('Instansi Pemerintah (6)');
    expect(await page.getByTestId('stats-year-2022').innerText()).toContain('(masing-masing 4)');
    const totals = page.getByRole('table', { name: 'Jumlah kerja sama per tahun' });
    expect(await totals.getByRole('row').nth(1).innerText()).toMatch(/8\s+27\s+17\s+52/);
    await shoot(page, 'stats-desktop');
    await expectAccessible(page);
    await page.setViewportSize({ width: 375, height: 800 });
    // The navigation drawer slides away when the viewport narrows.
    await page.waitForTimeout(400);
    await shoot(page, 'stats-phone');
    // The tables scroll inside their own box; the page itself never gets wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await page.context().close();
  });
});
