import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackingRow } from '../../src/shared/dissemination';
import type { PlanView } from '../../src/shared/plans';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { defaultPeriod } from '../../src/web/features/realisation/lib/periods';
import { todayInTernate } from '../../src/web/lib/format';
import { makePng, makeTextPdf } from '../support/pdf-fixtures';
import { apiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const OPD_ACCOUNT = { email: 'realisasi-opd@jalin.local', password: 'opd-e2e-rahasia-789' };
const LEADER_ACCOUNT = { email: 'realisasi-pimpinan@jalin.local', password: 'pimpinan-e2e-rahasia-789' };
// The brief's phone: OPD liaisons report from the field.
const PHONE_390 = { width: 390, height: 844 };
const PLAN_TITLE = 'Pelatihan pemasaran daring pelaku UMKM';
const REASON = 'Lampirkan daftar hadir peserta pelatihan';

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Unggah', exact: true }).click();
}

describe('realisation reports: the OPD reports from a phone, the division returns and verifies', () => {
  let running: RunningApp;
  let browser: Browser;
  let phone: BrowserContext;
  let desktop: BrowserContext;
  let opd: Page;
  let admin: Page;
  let plan: PlanView;
  let reportUrl = '';

  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp(), launchBrowser()]);
    const api = await apiClient(running.baseUrl);
    const tracking = await api.request<TrackingRow[]>('GET', '/dissemination');
    const recipient = tracking.find((row) => row.status === 'published' && row.recipients.length > 0);
    const unit = recipient?.recipients[0];
    if (!recipient || !unit) throw new Error('no published package with a recipient in the demo data');
    await api.request('POST', '/users', { email: OPD_ACCOUNT.email, name: 'PPKSD realisasi', role: 'opd', unitId: unit.unitId, password: OPD_ACCOUNT.password });
    await api.request('POST', '/users', { email: LEADER_ACCOUNT.email, name: 'Pimpinan uji', role: 'pimpinan', unitId: null, password: LEADER_ACCOUNT.password });
    // A plan of the budget year whose semester is open now, so the page offers it today.
    const year = Number(defaultPeriod(todayInTernate(), DEFAULT_SETTINGS.reportCloseDays).slice(0, 4));
    const opdApi = await apiClient(running.baseUrl, OPD_ACCOUNT);
    plan = await opdApi.request<PlanView>('POST', '/plans', { agreementId: recipient.agreementId, title: PLAN_TITLE, budgetYear: year, budgetAmount: '50000000', budgetSource: 'APBD', indicators: [] });
    phone = await browser.newContext({ viewport: PHONE_390, locale: 'id-ID', timezoneId: 'Asia/Jayapura', isMobile: true, hasTouch: true });
    desktop = await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jayapura' });
    opd = await phone.newPage();
    admin = await desktop.newPage();
    await login(opd, running.baseUrl, OPD_ACCOUNT);
    await login(admin, running.baseUrl);
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  it('lists the OPD’s plan with no report yet, and starts one', async () => {
    await opd.goto(`${running.baseUrl}/app/realisation`);
    const card = opd.getByTestId(`plan-${plan.id}`);
    await card.getByText('Belum dibuat').waitFor();
    await expectNoHorizontalScroll(opd);
    await expectAccessible(opd);
    await screenshot(opd, 'realisation-mine-phone');
    await card.getByRole('link', { name: 'Buat laporan' }).click();
    await opd.getByText('Rencana: Rp 50.000.000 (APBD)').waitFor();
  });

  it('marks a missing summary and a missing count before anything is sent', async () => {
    await opd.getByRole('button', { name: 'Tambah penerima manfaat' }).click();
    await opd.getByRole('button', { name: 'Simpan draf' }).click();
    await expect.poll(() => opd.getByLabel('Apa yang telah dilaksanakan').getAttribute('aria-invalid')).toBe('true');
    expect(await opd.getByLabel('Jumlah', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(new URL(opd.url()).pathname).toContain('/app/realisation/plans/');
  });

  it('saves a draft, refuses a file that is not what it says, and keeps a photo and a PDF', async () => {
    await opd.getByLabel('Apa yang telah dilaksanakan').fill('Pelatihan pemasaran daring bagi 25 pelaku UMKM pasar Gamalama');
    await opd.getByLabel('Lokasi', { exact: true }).fill('Aula Disperindag');
    await pickOption(opd, 'Tingkat penyelesaian', 'Selesai');
    await opd.getByLabel('Jumlah', { exact: true }).fill('25');
    await opd.getByLabel('Tempat / kelurahan', { exact: true }).fill('Gamalama');
    await opd.getByLabel('Realisasi (Rp)', { exact: true }).fill('12.500.000');
    await opd.getByRole('button', { name: 'Simpan draf' }).click();
    await opd.waitForURL('**/app/realisation/reports/**');
    reportUrl = opd.url();
    await opd.getByTestId('report-status').getByText('Draf').waitFor();
    await opd.getByText('Total realisasi: Rp 12.500.000 dari rencana Rp 50.000.000').waitFor();

    await upload(opd, { name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('bukan gambar') });
    await opd.getByText('Bukti harus berupa berkas PDF, JPEG atau PNG.').waitFor();
    await upload(opd, { name: 'foto-kegiatan.png', mimeType: 'image/png', buffer: makePng() });
    await opd.getByTestId('evidence-item').filter({ hasText: 'foto-kegiatan.png' }).waitFor();
    await pickOption(opd, 'Jenis bukti', 'Berita acara');
    await upload(opd, { name: 'berita-acara.pdf', mimeType: 'application/pdf', buffer: await makeTextPdf(['Berita acara pelatihan UMKM']) });
    await opd.getByTestId('evidence-item').filter({ hasText: 'berita-acara.pdf' }).getByText('Berita acara').waitFor();
    expect(await opd.getByTestId('evidence-item').count()).toBe(2);
    await expectNoHorizontalScroll(opd);
    await expectAccessible(opd);
    await screenshot(opd, 'realisation-form-phone');
  });

  it('submits: the report is locked for the OPD, and the leadership reads it without buttons', async () => {
    await opd.getByRole('button', { name: 'Kirim', exact: true }).click();
    await opd.getByTestId('report-status').getByText('Dikirim').waitFor();
    await opd.getByText('Laporan sudah dikirim dan terkunci').waitFor();
    expect(await opd.getByRole('button', { name: 'Simpan draf' }).count()).toBe(0);
    expect(await opd.getByRole('button', { name: /^Hapus / }).count()).toBe(0);

    const leader = await desktop.browser()?.newContext({ viewport: DESKTOP, locale: 'id-ID' });
    if (!leader) throw new Error('no browser');
    const page = await leader.newPage();
    await login(page, running.baseUrl, LEADER_ACCOUNT);
    await page.goto(reportUrl);
    await page.getByText('Pelatihan pemasaran daring bagi 25 pelaku UMKM pasar Gamalama').waitFor();
    expect(await page.getByRole('button', { name: 'Verifikasi' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Kembalikan' }).count()).toBe(0);
    await leader.close();
  });

  it('lets the division find it in the queue and return it with a required reason', async () => {
    await admin.goto(`${running.baseUrl}/app/realisation/queue`);
    const row = admin.locator('[data-testid^="queue-"]').filter({ hasText: PLAN_TITLE });
    await row.getByRole('link', { name: PLAN_TITLE }).click();
    await admin.getByRole('button', { name: 'Kembalikan' }).click();
    await admin.getByRole('button', { name: 'Kembalikan ke OPD' }).click();
    await expect.poll(() => admin.getByLabel('Alasan dikembalikan').getAttribute('aria-invalid')).toBe('true');
    await admin.getByLabel('Alasan dikembalikan').fill(REASON);
    await admin.getByRole('button', { name: 'Kembalikan ke OPD' }).click();
    await admin.getByTestId('report-status').getByText('Dikembalikan').waitFor();
    await expectAccessible(admin);
  });

  it('shows the OPD the reason; the OPD corrects and submits again', async () => {
    await opd.goto(`${running.baseUrl}/app/realisation`);
    const card = opd.getByTestId(`plan-${plan.id}`);
    await card.getByText(`Alasan dikembalikan: ${REASON}`).waitFor();
    await card.getByRole('link', { name: 'Perbaiki laporan' }).click();
    await opd.getByTestId('return-reason').getByText(REASON).waitFor();
    await pickOption(opd, 'Jenis bukti', 'Daftar hadir');
    await upload(opd, { name: 'daftar-hadir.pdf', mimeType: 'application/pdf', buffer: await makeTextPdf(['Daftar hadir peserta']) });
    await opd.getByTestId('evidence-item').filter({ hasText: 'daftar-hadir.pdf' }).waitFor();
    await opd.getByLabel('Keluaran (output)').fill('Satu angkatan pelatihan; daftar hadir terlampir');
    await opd.getByRole('button', { name: 'Kirim', exact: true }).click();
    await opd.getByTestId('report-status').getByText('Dikirim').waitFor();
  });

  it('lets the division verify it, and the OPD sees it verified', async () => {
    await admin.goto(reportUrl);
    await admin.getByText('Satu angkatan pelatihan; daftar hadir terlampir').waitFor();
    await screenshot(admin, 'realisation-review-desktop');
    await admin.getByRole('button', { name: 'Verifikasi' }).click();
    await admin.getByTestId('report-status').getByText('Diverifikasi').waitFor();
    await opd.goto(`${running.baseUrl}/app/realisation`);
    await opd.getByTestId(`plan-${plan.id}`).getByText('Diverifikasi').waitFor();
    await expectAccessible(opd);
    await screenshot(opd, 'realisation-verified-phone');
  });

  it('opens a plan\'s report from a /realisation?plan=&period= link', async () => {
    const period = defaultPeriod(todayInTernate(), DEFAULT_SETTINGS.reportCloseDays);
    await opd.goto(`${running.baseUrl}/app/realisation?plan=${plan.id}&period=${period}`);
    await opd.waitForURL(reportUrl);
    await opd.getByTestId('report-status').getByText('Diverifikasi').waitFor();
  });
});
