import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GapCounts, GapResponse } from '../../src/shared/plans';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const SUMMARY = 'Bank daerah membiayai pedagang pasar dengan kredit mikro berbunga rendah';
const OPD_ACCOUNT = { email: 'disperindag@jalin.local', password: 'opd-e2e-rahasia-123' };
const TRADE_OPD = 'Dinas Perindustrian dan Perdagangan';

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

// Clicks and waits for the API answer, so the next click sees the new version.
async function clickAndWait(page: Page, button: string, method: string, path: RegExp): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === method && path.test(new URL(candidate.url()).pathname)),
    page.getByRole('button', { name: button }).click(),
  ]);
  return response.status();
}

async function gapNumbers(page: Page): Promise<GapCounts> {
  const read = async (step: keyof GapCounts) => Number(await page.getByTestId(`gap-${step}`).locator('[data-value]').getAttribute('data-value'));
  return { signed: await read('signed'), disseminated: await read('disseminated'), acknowledged: await read('acknowledged'), planned: await read('planned') };
}

describe('dissemination of a signed agreement to the OPD that must act on it', () => {
  let running: RunningApp;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let agreementId = '';
  let before: GapCounts;
  let tradeBefore = { tasked: 0, acknowledged: 0, planned: 0 };

  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp(), launchBrowser()]);
    api = await apiClient(running.baseUrl);
    const trade = api.master.units.find((unit) => unit.name === TRADE_OPD);
    if (!trade) throw new Error('no trade OPD in the default units');
    const agreement = await api.createAgreement({
      title: 'Kesepakatan Bersama Pembiayaan Pedagang Pasar dan Pembayaran Retribusi Digital',
      partners: [{ name: 'PT Bank Pembangunan Daerah Maluku Malut', categoryCode: 'bumd' }],
      leadUnitId: trade.id,
      primarySectorCode: 'umkm_koperasi',
      signedOn: '2026-03-02',
      startsOn: '2026-03-02',
      endsOn: '2029-03-01',
      isPublic: true,
    });
    agreementId = agreement.id;
    await api.attachSignedDocument(agreementId);
    await api.request('POST', '/users', { email: OPD_ACCOUNT.email, name: 'PPKSD Disperindag', role: 'opd', unitId: trade.id, password: OPD_ACCOUNT.password });
    admin = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, locale: 'id-ID', timezoneId: 'Asia/Jayapura' });
    page = await admin.newPage();
    await login(page, running.baseUrl);
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  it('shows the bank agreement as signed but not disseminated on the gap dashboard', async () => {
    await page.goto(`${running.baseUrl}/app/gap`);
    await page.getByRole('heading', { name: 'Kesenjangan tindak lanjut', level: 1 }).waitFor();
    await page.getByTestId(`without-plan-${agreementId}`).waitFor();
    before = await gapNumbers(page);
    const gap = await api.request<GapResponse>('GET', '/dissemination/gap');
    tradeBefore = gap.byUnit.find((row) => row.unitName === TRADE_OPD) ?? tradeBefore;
    expect(before.signed).toBeGreaterThanOrEqual(1);
    expect(before.signed).toBeGreaterThan(before.disseminated);
    await screenshot(page, 'gap-desktop');
  });

  it('lets the admin prepare and publish the package with a financing opportunity and a task for the trade OPD', async () => {
    await page.getByTestId(`without-plan-${agreementId}`).getByRole('link', { name: 'Siapkan paket' }).click();
    await page.getByText('Naskah ini belum memiliki paket diseminasi.').waitFor();
    await page.getByLabel('Apa isi kerja sama ini').fill(`${SUMMARY}.`);
    // "Dengan siapa" and "Sampai kapan" start from the register.
    expect(await page.getByLabel('Dengan siapa').inputValue()).toBe('PT Bank Pembangunan Daerah Maluku Malut');
    expect(await page.getByLabel('Sampai kapan').inputValue()).toBe('Sampai 1 Maret 2029');
    await page.getByRole('button', { name: 'Tambah tugas' }).click();
    await pickOption(page, 'OPD', TRADE_OPD);
    await page.getByLabel('Yang harus dilakukan').fill('Mendata pedagang pasar calon penerima kredit');
    await page.getByLabel('Tenggat').fill('2026-12-31');
    await page.getByRole('button', { name: 'Tambah peluang' }).click();
    await page.getByLabel('Nama peluang').fill('Kredit mikro pedagang pasar');
    await page.getByLabel('Skema').fill('Kredit mikro bersubsidi bunga');
    const pkg = /\/api\/agreements\/[^/]+\/dissemination$/;
    const transition = /\/dissemination\/transition$/;
    expect(await clickAndWait(page, 'Buat paket diseminasi', 'PUT', pkg)).toBe(200);
    expect(await clickAndWait(page, 'Ajukan untuk ditinjau', 'POST', transition)).toBe(200);
    // Publishing asks first, saying whom it tells; financing without a deadline is then refused with a message naming it.
    await page.getByRole('button', { name: 'Terbitkan dan kirim ke OPD' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terbitkan paket diseminasi?' });
    await dialog.getByText(TRADE_OPD).waitFor();
    await dialog.getByText(/Portal publik menampilkan paket ini/).waitFor();
    await expectAccessible(page);
    expect(await clickAndWait(page, 'Ya, terbitkan', 'POST', transition)).toBe(400);
    await dialog.getByRole('alert').filter({ hasText: 'Kredit mikro pedagang pasar' }).waitFor();
    await dialog.getByRole('button', { name: 'Batal' }).click();
    expect(await clickAndWait(page, 'Kembalikan ke draf', 'POST', transition)).toBe(200);
    await page.getByLabel(/Batas waktu \(wajib/).fill('2027-06-30');
    expect(await clickAndWait(page, 'Simpan paket', 'PUT', pkg)).toBe(200);
    expect(await clickAndWait(page, 'Ajukan untuk ditinjau', 'POST', transition)).toBe(200);
    await page.getByRole('button', { name: 'Terbitkan dan kirim ke OPD' }).click();
    expect(await clickAndWait(page, 'Ya, terbitkan', 'POST', transition)).toBe(200);
    await page.getByText('Diterbitkan', { exact: true }).first().waitFor();
    await page.getByText(TRADE_OPD).last().waitFor();
    await screenshot(page, 'package-published-desktop');
  });

  it('downloads the dissemination sheet PDF with the summary in it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh lembar diseminasi (PDF)' }).click()]);
    const path = await download.path();
    const bytes = await readFile(path);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain(SUMMARY);
    expect(download.suggestedFilename()).toMatch(/^lembar-diseminasi-.*\.pdf$/);
  });

  it('lets the trade OPD open, acknowledge and plan, on a phone', async () => {
    const phone = await browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jayapura', isMobile: true, hasTouch: true });
    const opd = await phone.newPage();
    await login(opd, running.baseUrl, OPD_ACCOUNT);
    // The liaison lands on its tasks: the published package waits there to be acknowledged.
    await opd.waitForURL(/\/app\/home$/);
    const waiting = opd.getByTestId('home-package_to_acknowledge');
    await waiting.getByRole('link', { name: 'Kesepakatan Bersama Pembiayaan Pedagang Pasar dan Pembayaran Retribusi Digital' }).waitFor();
    await expectNoHorizontalScroll(opd);
    await expectAccessible(opd);
    await screenshot(opd, 'home-opd-phone');
    await opd.goto(`${running.baseUrl}/app/plans`);
    const card = opd.getByTestId(`inbox-${agreementId}`);
    await card.getByText('Belum direncanakan').waitFor();
    await expectNoHorizontalScroll(opd);
    await screenshot(opd, 'plans-inbox-phone');
    await card.getByRole('link', { name: 'Buka paket' }).click();
    await opd.getByText(SUMMARY, { exact: false }).first().waitFor();
    await opd.getByRole('button', { name: 'Konfirmasi penerimaan' }).click();
    await opd.getByText('Paket telah dikonfirmasi OPD Anda.').waitFor();
    await expectNoHorizontalScroll(opd);
    await screenshot(opd, 'package-opd-phone');
    await opd.goto(`${running.baseUrl}/app/plans`);
    await card.getByRole('button', { name: 'Tambah rencana kegiatan' }).click();
    await card.getByLabel('Nama kegiatan').fill('Pendataan dan pendampingan pedagang pasar calon debitur');
    await card.getByLabel('Pagu anggaran (Rp)').fill('-5000');
    await card.getByRole('button', { name: 'Simpan rencana' }).click();
    await card.getByText('Nilai anggaran tidak boleh negatif.').first().waitFor();
    await card.getByLabel('Pagu anggaran (Rp)').fill('75000000');
    await card.getByLabel('Kode program').fill('3.31.02');
    await card.getByRole('button', { name: 'Simpan rencana' }).click();
    await card.getByText('1 rencana').waitFor();
    await phone.close();
  });

  it('shows the change on the dashboard and in the follow-up per OPD', async () => {
    await page.goto(`${running.baseUrl}/app/gap`);
    await page.getByTestId('gap-signed').waitFor();
    await expect.poll(() => gapNumbers(page)).toEqual({ signed: before.signed, disseminated: before.disseminated + 1, acknowledged: before.acknowledged + 1, planned: before.planned + 1 });
    expect(await page.getByTestId(`without-plan-${agreementId}`).count()).toBe(0);
    const gap = await api.request<GapResponse>('GET', '/dissemination/gap');
    expect(gap.byUnit.find((row) => row.unitName === TRADE_OPD)).toMatchObject({ tasked: tradeBefore.tasked + 1, acknowledged: tradeBefore.acknowledged + 1, planned: tradeBefore.planned + 1 });
    await page.goto(`${running.baseUrl}/app/dissemination`);
    await page.getByRole('heading', { name: 'Diseminasi kerja sama', level: 1 }).waitFor();
    const steps = page.locator('[data-step][data-done="true"]');
    await expect.poll(() => steps.count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'tracking-desktop');
    await page.setViewportSize(PHONE);
    await page.goto(`${running.baseUrl}/app/gap`);
    await page.getByTestId('gap-signed').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'gap-phone');
  });

  it('lets a visitor find the published opportunity on the portal, open the agreement page and download the open data', async () => {
    const visitor = await browser.newContext({ viewport: PHONE, acceptDownloads: true, locale: 'id-ID' });
    const portal = await visitor.newPage();
    await portal.goto(`${running.baseUrl}/peluang`);
    await portal.getByRole('heading', { name: 'Kredit mikro pedagang pasar' }).waitFor();
    await portal.getByRole('link', { name: 'Kesepakatan Bersama Pembiayaan Pedagang Pasar dan Pembayaran Retribusi Digital' }).first().click();
    await portal.getByRole('heading', { name: 'Kesepakatan Bersama Pembiayaan Pedagang Pasar dan Pembayaran Retribusi Digital', level: 1 }).waitFor();
    expect(await portal.getByText(SUMMARY).count()).toBeGreaterThan(0);
    await expectNoHorizontalScroll(portal);
    await portal.goto(`${running.baseUrl}/data`);
    const [download] = await Promise.all([portal.waitForEvent('download'), portal.getByRole('link', { name: 'Unduh CSV: Daftar kerja sama' }).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('Kesepakatan Bersama Pembiayaan Pedagang Pasar dan Pembayaran Retribusi Digital');
    await visitor.close();
  });
  it('lets the admin correct the published summary through the same editor, and the portal shows it at once', async () => {
    const corrected = 'Bank daerah membiayai pedagang pasar dengan kredit mikro tanpa agunan';
    await page.setViewportSize(DESKTOP);
    await page.goto(`${running.baseUrl}/app/dissemination/${agreementId}`);
    await page.getByRole('button', { name: 'Ubah paket' }).click();
    await page.getByText('Paket ini sudah terbit.', { exact: false }).waitFor();
    await screenshot(page, 'package-edit-published-desktop');
    // The phone layout is judged on a page loaded at phone width, not one shrunk mid-way.
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('button', { name: 'Ubah paket' }).click();
    await page.getByText('Paket ini sudah terbit.', { exact: false }).waitFor();
    await screenshot(page, 'package-edit-published-phone');
    await expectNoHorizontalScroll(page);
    await page.getByLabel('Apa isi kerja sama ini').fill(`${corrected}.`);
    // The trade OPD acknowledged its task: the editor sends it back with its id, so the edit is accepted.
    expect(await clickAndWait(page, 'Simpan perubahan', 'PUT', /\/api\/agreements\/[^/]+\/dissemination$/)).toBe(200);
    await page.getByRole('button', { name: 'Ubah paket' }).waitFor();
    await page.getByText(corrected).first().waitFor();
    const visitor = await browser.newContext({ viewport: PHONE, locale: 'id-ID' });
    const portal = await visitor.newPage();
    await portal.goto(`${running.baseUrl}/peluang`);
    await portal.getByRole('link', { name: 'Kesepakatan Bersama Pembiayaan Pedagang Pasar dan Pembayaran Retribusi Digital' }).first().click();
    await portal.getByText(corrected).first().waitFor();
    expect(await portal.getByText(`${SUMMARY}.`, { exact: true }).count()).toBe(0);
    await visitor.close();
  });
});

