import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackingRow } from '../../src/shared/dissemination';
import type { PlanView } from '../../src/shared/plans';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const OPD_ACCOUNT = { email: 'rencana-opd@jalin.local', password: 'opd-e2e-rahasia-456' };
// A budget year no demo plan uses, so filtering by it shows the plan made here and nothing else.
const YEAR = 2028;
const PLAN_TITLE = 'Pendampingan lanjutan penerima manfaat kerja sama';

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the list of every OPD’s activity plans', () => {
  let running: RunningApp;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let published: TrackingRow;
  let unitName = '';
  let plan: PlanView;

  beforeAll(async () => {
    // The demo data set (loaded on first start) has published packages with OPD tasks.
    [running, browser] = await Promise.all([startApp(), launchBrowser()]);
    api = await apiClient(running.baseUrl);
    const tracking = await api.request<TrackingRow[]>('GET', '/dissemination');
    // The package whose OPD the demo recorded beneficiaries for (Dinas Koperasi dan UKM, the Bank
    // Maluku Malut micro-credit): the plan then shows their total. Found by name, not by list order.
    const isDiskop = (recipient: { unitName: string }) => recipient.unitName === 'Dinas Koperasi dan UKM';
    const row = tracking.find((candidate) => candidate.status === 'published' && candidate.recipients.some(isDiskop));
    const recipient = row?.recipients.find(isDiskop);
    if (!row || !recipient) throw new Error('no published package with a recipient in the demo data');
    published = row;
    unitName = recipient.unitName;
    await api.request('POST', '/users', { email: OPD_ACCOUNT.email, name: 'PPKSD OPD uji', role: 'opd', unitId: recipient.unitId, password: OPD_ACCOUNT.password });
    const opd = await apiClient(running.baseUrl, OPD_ACCOUNT);
    plan = await opd.request<PlanView>('POST', '/plans', {
      agreementId: row.agreementId,
      title: PLAN_TITLE,
      budgetYear: YEAR,
      programCode: '2.17.05',
      kegiatanCode: '2.17.05.2.01',
      budgetAmount: '98500000',
      budgetSource: 'mitra',
      indicators: [],
    });
    desktop = await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jayapura' });
    page = await desktop.newPage();
    await login(page, running.baseUrl);
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  it('is reached from the gap page and lists the demo plans of every year', async () => {
    await page.goto(`${running.baseUrl}/app/gap`);
    await page.getByRole('link', { name: 'Lihat rencana aksi' }).click();
    await page.getByRole('heading', { name: 'Rencana aksi OPD', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/plans/all');
    await page.getByTestId(`plan-row-${plan.id}`).waitFor();
    // The demo's own plans (budget year 2027) come after the newer year.
    expect(await page.locator('[data-testid^="plan-row-"]').count()).toBeGreaterThan(1);
    await expect.poll(() => page.locator('[data-testid^="plan-row-"]').first().getAttribute('data-testid')).toBe(`plan-row-${plan.id}`);
  });

  it('filters by budget year and OPD, keeps both in the address, and shows the plan with its OPD and budget', async () => {
    await pickOption(page, 'Tahun anggaran', String(YEAR));
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(String(YEAR));
    await expect.poll(() => page.locator('[data-testid^="plan-row-"]').count()).toBe(1);
    const row = page.getByTestId(`plan-row-${plan.id}`);
    const cells = (await row.getByRole('cell').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    // The demo recorded beneficiaries for this OPD and agreement; the plan shows their total.
    expect(plan.beneficiaryCount).toBeGreaterThan(0);
    expect(cells).toEqual([published.agreementTitle, unitName, `${PLAN_TITLE} 2.17.05 · 2.17.05.2.01`, String(YEAR), 'Rp 98.500.000', 'Mitra', String(plan.beneficiaryCount)]);
    await pickOption(page, 'OPD', unitName);
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe(plan.unitId);
    await row.waitFor();
    // Reloading the address gives the same list: the filters are not held only in the screen.
    await page.reload();
    await page.getByTestId(`plan-row-${plan.id}`).waitFor();
    expect(await page.getByRole('combobox', { name: 'Tahun anggaran', exact: true }).inputValue()).toBe(String(YEAR));
    await expectAccessible(page);
    await screenshot(page, 'plans-list-desktop');
    await page.goto(`${running.baseUrl}/app/plans/all?year=2020`);
    await page.getByText('Tidak ada rencana kegiatan untuk saringan ini.').waitFor();
  });

  it('links each plan to its dissemination package page', async () => {
    await page.goto(`${running.baseUrl}/app/plans/all?year=${String(YEAR)}`);
    await page.getByTestId(`plan-row-${plan.id}`).getByRole('link', { name: published.agreementTitle }).click();
    await page.waitForURL(`**/app/dissemination/${published.agreementId}`);
    await page.getByText(published.agreementTitle).first().waitFor();
  });

  it('fits a phone: the table scrolls inside its own box, the page never sideways', async () => {
    const phone = await browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jayapura', isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await login(small, running.baseUrl);
    await small.goto(`${running.baseUrl}/app/plans/all?year=${String(YEAR)}`);
    await small.getByTestId(`plan-row-${plan.id}`).waitFor();
    await expectNoHorizontalScroll(small);
    await expectAccessible(small);
    await screenshot(small, 'plans-list-phone');
    await phone.close();
  });
});
