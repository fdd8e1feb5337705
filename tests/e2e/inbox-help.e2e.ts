import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalView } from '../../src/shared/proposals';
import { apiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const OPD_ACCOUNT = { email: 'nurul.opd@ternatekota.go.id', password: 'opd-e2e-rahasia-9' };
const TITLE = 'Beasiswa vokasi perikanan bagi pemuda Hiri';

describe('the notification inbox and the help it links to', () => {
  let running: RunningApp;
  let browser: Browser;
  let proposal: ProposalView;
  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp({ JALIN_DEMO: '0' }), launchBrowser()]);
    // An OPD submits a proposal: the division gets a notice about it.
    const admin = await apiClient(running.baseUrl);
    await admin.request('POST', '/users', { ...OPD_ACCOUNT, name: 'Nurul Abdullah', role: 'opd', unitId: admin.master.units[0]?.id });
    const opd = await apiClient(running.baseUrl, OPD_ACCOUNT);
    proposal = await opd.request<ProposalView>('POST', '/proposals', {
      kind: 'KSDPK',
      title: TITLE,
      plannedPartners: [{ name: 'Politeknik Kelautan dan Perikanan Bitung', categoryCode: admin.master.partnerCategories[0]?.code }],
      sectorCodes: [admin.master.sectors[0]?.code],
      latarBelakang: 'Pemuda Pulau Hiri belum banyak menempuh pendidikan vokasi perikanan.',
      maksudTujuan: 'Membuka jalur beasiswa vokasi perikanan bagi pemuda Hiri.',
      ruangLingkup: 'Seleksi, beasiswa, dan magang di kapal perikanan.',
      manfaat: 'Tenaga terampil perikanan dari Ternate sendiri.',
      jangkaWaktuBulan: 36,
    });
    await opd.request('POST', `/proposals/${proposal.id}/transitions`, { action: 'submit', version: proposal.version });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('opens every notice from the bell, marks them read, and reaches the guide section for the screen', async () => {
    const page = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' })).newPage();
    await login(page, running.baseUrl);
    await page.getByRole('button', { name: /Pemberitahuan, 1 belum dibaca/ }).click();
    await page.getByRole('link', { name: 'Lihat semua' }).click();
    await page.getByRole('heading', { name: 'Notifikasi', level: 1 }).waitFor();
    // The notice names the proposal by its tracking code and links to its page.
    const notice = page.getByRole('list', { name: 'Notifikasi' }).getByRole('link', { name: new RegExp(proposal.trackingCode) });
    expect(await notice.getAttribute('href')).toBe(`/app/proposals/${proposal.id}`);
    await page.getByText('1 notifikasi, 1 belum dibaca').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'notification-inbox');

    await page.getByRole('button', { name: 'Tandai semua dibaca' }).click();
    await page.getByText('1 notifikasi, 0 belum dibaca').waitFor();
    await page.getByText('Belum dibaca', { exact: true }).click();
    await page.getByText('Tidak ada notifikasi yang belum dibaca.').waitFor();
    expect(new URL(page.url()).search).toBe('?filter=unread');

    await page.getByRole('link', { name: 'Bantuan' }).click();
    await page.waitForURL((url) => url.pathname === '/app/help' && url.hash === '#notifications');
    await page.getByRole('heading', { name: 'Panduan pengguna Jalin', level: 1 }).waitFor();
    const section = page.locator('h3#notifications');
    expect(await section.textContent()).toBe('Notifikasi');
    await expect.poll(() => section.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(200);
    await expectAccessible(page);
    // The same anchor in the English guide.
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.locator('h3#notifications').textContent()).toBe('Notifications');
    // On a phone neither screen scrolls sideways (the guide's tables scroll in their own box).
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'help-phone');
    await page.goto(`${running.baseUrl}/app/notifications`);
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await expectNoHorizontalScroll(page);
  });
});
