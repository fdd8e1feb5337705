import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/report-files';
import { expectAccessible, launchBrowser, login } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const DEMO_PASSWORD = 'demo-e2e-rahasia';

async function openPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'id-ID', acceptDownloads: true });
  return context.newPage();
}

describe('impact study screen', () => {
  let running: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp({ JALIN_DEMO_PASSWORD: DEMO_PASSWORD }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('lets the division edit the narrative of 2020–2022, download it as PDF, and reset it to the generated one', async () => {
    const page = await openPage(browser);
    await login(page, running.baseUrl);
    await page.getByRole('link', { name: 'Kajian dampak' }).click();
    await page.getByRole('heading', { name: 'Kajian dampak kerja sama' }).waitFor();
    await page.goto(`${running.baseUrl}/app/impact-study?from=2020&to=2022`);
    const narrative = page.getByLabel('Teks narasi');
    await expect.poll(() => narrative.inputValue()).toContain('Pada tahun 2020 jumlah kerja sama sebanyak 8 dokumen.');
    expect(await narrative.inputValue()).toContain('Kerja sama tertinggi dengan Swasta sebanyak 10 dokumen.');
    await page.getByRole('heading', { name: 'Menurut kelompok mitra' }).waitFor();
    await expectAccessible(page);

    await narrative.fill('Kerja sama 2020–2022 menghasilkan dampak bagi UMKM.\n\nParagraf kedua dari penulis.');
    await page.getByRole('button', { name: 'Simpan narasi' }).click();
    await page.getByText('Narasi disimpan.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('kajian-dampak-2020-2022.pdf');
    const { text } = await pdfText(readFileSync(await download.path()));
    expect(text).toContain('Kerja sama 2020–2022 menghasilkan dampak bagi UMKM.');

    await page.getByRole('button', { name: 'Kembalikan ke narasi dari angka' }).click();
    await expect.poll(() => narrative.inputValue()).toContain('Pada tahun 2020 jumlah kerja sama sebanyak 8 dokumen.');
  }, 180_000);

  it('shows the pimpinan the study on a phone, to read and download but not edit', async () => {
    const page = await openPage(browser, 390);
    await login(page, running.baseUrl, { email: 'pimpinan@demo.jalin.local', password: DEMO_PASSWORD });
    await page.goto(`${running.baseUrl}/app/impact-study?from=2020&to=2022`);
    await page.getByText('Pada tahun 2021 jumlah kerja sama sebanyak 27 dokumen.', { exact: false }).waitFor();
    expect(await page.getByLabel('Teks narasi').count()).toBe(0);
    await page.getByRole('button', { name: 'Unduh XLSX' }).waitFor();
    await expectAccessible(page);
  }, 120_000);
});
