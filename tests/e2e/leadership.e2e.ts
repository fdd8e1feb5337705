import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const LEADER = { email: 'dasbor-pimpinan@jalin.local', password: 'pimpinan-dasbor-rahasia-482' };
const SIGNED = 'Kesepakatan Bersama pembiayaan UMKM pasar Gamalama';
const OTHER = 'Perjanjian Kerja Sama pelatihan pedagang';

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// The pimpinan signs in and lands on the dashboard (the demo data fills it too); a step of the funnel opens the agreements
// behind it, each a link to the agreement.
describe('the leadership dashboard', () => {
  let running: RunningApp;
  let browser: Browser;
  let desk: Page;

  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp(), launchBrowser()]);
    const api = await apiClient(running.baseUrl);
    await api.request('POST', '/users', { email: LEADER.email, name: 'Wali Kota uji', role: 'pimpinan', unitId: null, password: LEADER.password });
    const start = daysFromToday(-20);
    await api.createAgreement({ title: SIGNED, signedOn: start, startsOn: start, endsOn: daysFromToday(700), primarySectorCode: 'umkm_koperasi' });
    await api.createAgreement({ docType: 'PKS', title: OTHER, signedOn: start, startsOn: start, endsOn: daysFromToday(600) });
    desk = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  it('lands the pimpinan on the dashboard after signing in', async () => {
    await login(desk, running.baseUrl, LEADER);
    await desk.waitForURL((url) => url.pathname === '/app/pimpinan');
    await desk.getByRole('heading', { level: 1, name: 'Dasbor Pimpinan' }).waitFor();
    await desk.getByRole('heading', { name: 'Dari tanda tangan ke dampak' }).waitFor();
    await desk.getByRole('link', { name: /^Ditandatangani dan berlaku: \d/ }).waitFor();
    await desk.getByRole('heading', { name: 'UMKM dan pedagang' }).waitFor();
    await screenshot(desk, 'leadership-dashboard');
    await expectAccessible(desk);
  });

  it('opens the agreements behind a funnel step, each linking to its agreement', async () => {
    await desk.getByRole('link', { name: /^Ditandatangani dan berlaku: \d/ }).click();
    await desk.waitForURL((url) => url.pathname === '/app/pimpinan/tahap/signed');
    await desk.getByRole('heading', { level: 1, name: 'Ditandatangani dan berlaku' }).waitFor();
    const row = desk.getByRole('row').filter({ hasText: SIGNED });
    await row.getByText('PT Mitra Uji').waitFor();
    expect(await desk.getByRole('row').filter({ hasText: OTHER }).count()).toBe(1);
    await expectAccessible(desk);
    await row.getByRole('link', { name: SIGNED }).click();
    await desk.getByRole('heading', { level: 1, name: SIGNED }).waitFor();
  });

  it('reads on a phone without sideways scrolling', async () => {
    const phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    await login(phone, running.baseUrl, LEADER);
    await phone.getByRole('heading', { level: 1, name: 'Dasbor Pimpinan' }).waitFor();
    await phone.getByRole('heading', { name: 'UMKM dan pedagang' }).waitFor();
    await screenshot(phone, 'leadership-dashboard-phone');
    await expectNoHorizontalScroll(phone);
  });
});
