import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const PARTNER = 'Universitas Uji Kesehatan Mitra';
const SLEEPING = 'Kesepakatan Bersama beasiswa yang tertidur';
const FRESH = 'Perjanjian Kerja Sama magang yang baru ditandatangani';
const ENDED = 'Kesepakatan Bersama penelitian yang sudah berakhir';

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// A partner with one agreement asleep for two years, one signed last month and not disseminated,
// and one ended: its page, opened from the partners list, tells how each is doing and why.
describe('a partner page with its agreements health', () => {
  let running: RunningApp;
  let browser: Browser;
  let api: ApiClient;
  let desk: Page;
  let phone: Page;
  let partnerId: string;
  let freshId: string;

  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp(), launchBrowser()]);
    api = await apiClient(running.baseUrl);
    const sleeping = await api.createAgreement({ title: SLEEPING, partners: [{ name: PARTNER, categoryCode: 'swasta' }], signedOn: daysFromToday(-800), startsOn: daysFromToday(-800), endsOn: daysFromToday(900) });
    const partner = sleeping.partners[0];
    if (!partner) throw new Error('no partner on the agreement');
    partnerId = partner.id;
    const fresh = await api.createAgreement({ docType: 'PKS', title: FRESH, partners: [{ id: partnerId }], signedOn: daysFromToday(-30), startsOn: daysFromToday(-30), endsOn: daysFromToday(700) });
    freshId = fresh.id;
    await api.createAgreement({ title: ENDED, partners: [{ id: partnerId }], signedOn: daysFromToday(-1500), startsOn: daysFromToday(-1500), endsOn: daysFromToday(-400) });
    desk = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    await login(desk, running.baseUrl);
    await login(phone, running.baseUrl);
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  const rowOf = (page: Page, title: string) => page.getByTestId('partner-agreement').filter({ hasText: title });

  it('opens the partner from the partners list and sees each agreement with its health and reasons', async () => {
    await desk.goto(`${running.baseUrl}/app/partners`);
    await desk.getByRole('searchbox', { name: 'Cari mitra' }).fill(PARTNER);
    await desk.getByRole('link', { name: PARTNER }).click();
    await desk.getByRole('heading', { level: 1, name: PARTNER }).waitFor();
    expect(await desk.getByTestId('partner-health-summary').textContent()).toBe('0 sehat · 1 perlu perhatian · 1 dorman · 1 tidak sedang berlaku');
    await rowOf(desk, SLEEPING).getByText('Dorman', { exact: true }).waitFor();
    await rowOf(desk, SLEEPING).getByText(/tanpa rencana kegiatan atau realisasi terverifikasi baru-baru ini/).waitFor();
    await rowOf(desk, FRESH).getByText('Perlu perhatian', { exact: true }).waitFor();
    await rowOf(desk, FRESH).getByText(/belum didiseminasikan/).waitFor();
    await rowOf(desk, ENDED).getByText('Tidak dinilai: naskah tidak sedang berlaku').waitFor();
    // The most urgent first.
    expect(await desk.getByTestId('partner-agreement').getByRole('link').allTextContents()).toEqual([SLEEPING, FRESH, ENDED]);
    await expectAccessible(desk);
    await screenshot(desk, 'partner-health-desktop');
  });

  it('goes from a row to the agreement and back through the partner name', async () => {
    await rowOf(desk, FRESH).getByRole('link', { name: FRESH }).click();
    await desk.waitForURL(`**/app/agreements/${freshId}`);
    await desk.getByTestId('agreement-health').getByText('Perlu perhatian', { exact: true }).waitFor();
    await desk.getByRole('link', { name: PARTNER }).click();
    await desk.waitForURL(`**/app/partners/${partnerId}`);
    await desk.getByTestId('partner-health-summary').waitFor();
  });

  it('reads on a phone as cards, without sideways scrolling', async () => {
    await phone.goto(`${running.baseUrl}/app/partners/${partnerId}`);
    await rowOf(phone, SLEEPING).getByText('Dorman', { exact: true }).waitFor();
    expect(await phone.getByTestId('partner-agreement').count()).toBe(3);
    await expectNoHorizontalScroll(phone);
    await expectAccessible(phone);
    await screenshot(phone, 'partner-health-phone');
  });
});
