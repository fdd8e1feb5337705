import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTION_HEADINGS, SECTION_KEYS } from '../../src/shared/annual-report';
import { pdfText } from '../support/report-files';
import { apiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const TITLE = 'Perjanjian Kerja Sama Pelatihan Pemasaran Digital UMKM Laporan Tahunan';
const FOLLOW_UP = 'Pelatihan dilanjutkan dengan angkatan kedua pada tahun 2026 bersama mitra.';

// The division generates an annual report, edits one section, finalises it and downloads its PDF,
// whose text holds the Permendagri 25/2020 Ps 37(1) headings for the agreement. Last year's report
// comes with the demo, already sent; this one is the year before's.
describe('the annual report on the implementation of cooperation', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  const year = new Date().getUTCFullYear() - 2;

  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp(), launchBrowser()]);
    const api = await apiClient(running.baseUrl);
    await api.createAgreement({
      docType: 'PKS',
      title: TITLE,
      numberOurs: `LAPTAH/${year}/001`,
      signedOn: `${year}-02-01`,
      startsOn: `${year}-02-01`,
      endsOn: `${year + 3}-01-31`,
      partners: [{ name: 'PT Mitra Laporan Tahunan', categoryCode: 'swasta' }],
    });
    page = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    await login(page, running.baseUrl);
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  it('generates the report of the year before last in the background and opens it', async () => {
    await page.goto(`${running.baseUrl}/app/reports`);
    await page.getByRole('heading', { name: 'Laporan kerja sama' }).waitFor();
    await page.getByRole('heading', { name: 'Tenggat laporan' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('textbox', { name: 'Tahun', exact: true }).fill(String(year));
    await page.getByRole('button', { name: 'Buat laporan' }).click();
    await page.waitForURL(/\/app\/reports\/[0-9a-f-]+$/);
    await page.getByRole('button', { name: 'Finalkan laporan' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Cari kerja sama').fill(TITLE);
    const section = page.locator('[data-testid^="section-"]').filter({ hasText: TITLE });
    for (const key of SECTION_KEYS) await section.getByRole('heading', { name: SECTION_HEADINGS[key].id, exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'annual-report-draft');
  });

  it('edits a section of the draft', async () => {
    const section = page.locator('[data-testid^="section-"]').filter({ hasText: TITLE });
    await section.getByRole('button', { name: 'Ubah bagian Analisis dan rencana tindak lanjut' }).click();
    await section.getByLabel('Ubah bagian Analisis dan rencana tindak lanjut').fill(FOLLOW_UP);
    await section.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Bagian laporan disimpan.').waitFor();
    await section.getByText(FOLLOW_UP).waitFor();
  });

  it('finalises the report: no more editing', async () => {
    await page.getByRole('button', { name: 'Finalkan laporan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Finalkan laporan' }).click();
    await page.getByText('Laporan telah final.').waitFor();
    await page.getByTestId('report-status').getByText('Final').waitFor();
    expect(await page.getByRole('button', { name: /^Ubah bagian/ }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Pengiriman laporan' }).waitFor();
    await expectAccessible(page);
  });

  it('downloads the PDF with the Ps 37(1) headings for the agreement and the edited text', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`laporan-tahunan-kerja-sama-${year}.pdf`);
    const { text } = await pdfText(await readFile(await download.path()));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`Laporan Pelaksanaan Kerja Sama Tahun ${year}`);
    expect(flat).toContain(`LAPTAH/${year}/001`);
    for (const key of SECTION_KEYS) expect(flat).toContain(SECTION_HEADINGS[key].id);
    expect(flat).toContain(FOLLOW_UP);
  });

  it('records the submission to the Gubernur', async () => {
    await page.getByLabel('Nomor surat').fill(`100.3/7/${year + 1}`);
    await page.getByRole('button', { name: 'Catat pengiriman' }).click();
    await page
      .getByTestId('submission')
      .getByText(`100.3/7/${year + 1}`)
      .waitFor();
    await page.getByTestId('report-status').getByText('Terkirim').waitFor();
    await screenshot(page, 'annual-report-submitted');
  });

  it('reads well on a phone', async () => {
    const phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    await login(phone, running.baseUrl);
    await phone.goto(`${running.baseUrl}/app/reports`);
    await phone.getByRole('link', { name: `Laporan tahunan — ${year}` }).waitFor();
    await expectNoHorizontalScroll(phone);
    await expectAccessible(phone);
    await screenshot(phone, 'annual-report-list-phone');
  });
});
