import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObligationView } from '../../src/shared/obligations';
import { makeTextPdf } from '../support/pdf-fixtures';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const OPD_ACCOUNT = { email: 'kewajiban-opd@jalin.local', password: 'opd-e2e-kewajiban-456' };
const DESCRIPTION = 'Menyampaikan rekap pendampingan UMKM setiap triwulan';

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

// The division enters a recurring obligation the city owes through the lead OPD; its first due
// date has passed, so it shows late; the OPD marks it met from a phone with a PDF.
describe('obligations on the agreement page', () => {
  let running: RunningApp;
  let browser: Browser;
  let api: ApiClient;
  let admin: Page;
  let opd: Page;
  let agreementId: string;
  let unitName: string;

  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp(), launchBrowser()]);
    api = await apiClient(running.baseUrl);
    const unit = api.master.units[0];
    if (!unit) throw new Error('no OPD in the master data');
    unitName = unit.name;
    const agreement = await api.createAgreement({ title: 'Pendampingan UMKM bersama PT Kewajiban Uji', partners: [{ name: 'PT Kewajiban Uji', categoryCode: 'swasta' }], leadUnitId: unit.id, endsOn: daysFromToday(700) });
    agreementId = agreement.id;
    await api.request('POST', '/users', { email: OPD_ACCOUNT.email, name: 'PPKSD kewajiban', role: 'opd', unitId: unit.id, password: OPD_ACCOUNT.password });
    admin = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    opd = await (await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    await login(admin, running.baseUrl);
    await login(opd, running.baseUrl, OPD_ACCOUNT);
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  it('lets the division add a recurring obligation whose first due date has passed, shown late', async () => {
    await admin.goto(`${running.baseUrl}/app/agreements/${agreementId}?tab=obligations`);
    await admin.getByText('Belum ada kewajiban yang dicatat untuk naskah ini.').waitFor();
    await admin.getByRole('button', { name: 'Tambah kewajiban' }).click();
    const form = admin.getByRole('form', { name: 'Tambah kewajiban' });
    await pickOption(admin, 'OPD yang menanggung', unitName);
    await form.getByLabel('Pasal').fill('Pasal 5 ayat (3)');
    await form.getByLabel(/^Yang wajib dilakukan/).fill(DESCRIPTION);
    await pickOption(admin, 'Jenis', 'Berulang');
    await form.getByLabel(/^Jatuh tempo pertama/).fill(daysFromToday(-40));
    await form.getByLabel(/^Setiap berapa bulan/).fill('3');
    await form.getByLabel('Pemenuhan wajib disertai bukti').check();
    await expectAccessible(admin);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByText('Kewajiban disimpan.').waitFor();
    const card = admin.getByTestId('obligation');
    await card.getByRole('heading', { name: DESCRIPTION }).waitFor();
    expect(await card.getAttribute('data-state')).toBe('late');
    await card.getByText('Berulang setiap 3 bulan').waitFor();
    await card.getByText(`Pemerintah Kota melalui ${unitName}`).waitFor();
    expect(await card.getByTestId('occurrence').first().getByText('Terlambat').count()).toBe(1);
    await expectAccessible(admin);
    await screenshot(admin, 'obligations-division');
  });

  it('lets the lead OPD mark the late occurrence met from a phone with a PDF, refusing it without one', async () => {
    await opd.goto(`${running.baseUrl}/app/agreements/${agreementId}#obligations`);
    const card = opd.getByTestId('obligation');
    await card.getByRole('heading', { name: DESCRIPTION }).waitFor();
    expect(await card.getByRole('button', { name: /^Bebaskan/ }).count()).toBe(0);
    await expectNoHorizontalScroll(opd);
    await expectAccessible(opd);
    await screenshot(opd, 'obligations-opd-phone');
    await card.getByRole('button', { name: /^Tandai dipenuhi: jatuh tempo/ }).first().click();
    const dialog = opd.getByRole('form', { name: 'Tandai kewajiban dipenuhi' });
    await dialog.getByRole('button', { name: 'Tandai dipenuhi' }).click();
    await opd.getByText('Kewajiban ini memerlukan bukti').waitFor();
    await opd.locator('input[type="file"]').setInputFiles({ name: 'rekap-triwulan.pdf', mimeType: 'application/pdf', buffer: await makeTextPdf(['Rekap pendampingan UMKM triwulan']) });
    await dialog.getByLabel('Catatan').fill('Disampaikan melalui surat dinas');
    await dialog.getByRole('button', { name: 'Tandai dipenuhi' }).click();
    await opd.getByText('Kewajiban ditandai dipenuhi.').waitFor();
    await card.getByText('Bukti: rekap-triwulan.pdf').waitFor();
    await expect.poll(() => card.getAttribute('data-state')).toBe('open');
    await expectNoHorizontalScroll(opd);
    await expectAccessible(opd);
    await screenshot(opd, 'obligations-opd-met');
    const [obligation] = await api.request<ObligationView[]>('GET', `/agreements/${agreementId}/obligations`);
    expect(obligation?.occurrences[0]).toMatchObject({ state: 'met', note: 'Disampaikan melalui surat dinas', evidence: { fileName: 'rekap-triwulan.pdf', mimeType: 'application/pdf' } });
  });
});
