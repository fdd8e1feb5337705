import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalView } from '../../src/shared/proposals';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, launchBrowser, login, PHONE } from './support/browser';
import { startApp, type RunningApp } from './support/server';

// Light and subtle controls take their hover background from --mantine-color-<color>-light-hover,
// and so does the active navigation link; their text must keep 4.5:1 on it under the pointer.
// The other navigation links hover to grey-0 behind body text and are left out.
const LIGHT_OR_SUBTLE =
  ':is(button, a):is([data-variant="light"], [data-variant="subtle"]):not(:disabled, [data-disabled], nav a:not([aria-current="page"]))';

// Hovers every light or subtle control within the page's width in turn (the phone's closed
// navigation waits off to the side, out of the pointer's reach) and judges the page each time.
// Returns what was hovered, so a test can say which controls it covered.
async function expectAccessibleWhileHovering(page: Page): Promise<string[]> {
  const controls = page.locator(LIGHT_OR_SUBTLE);
  const reachable = await controls.evaluateAll((elements) =>
    elements.flatMap((element, index) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.left >= 0 && box.right <= document.documentElement.clientWidth ? [index] : [];
    }),
  );
  const hovered: string[] = [];
  for (const index of reachable) {
    const control = controls.nth(index);
    hovered.push((await control.getAttribute('aria-label')) ?? (await control.innerText()).trim());
    await control.hover();
    await expectAccessible(page);
  }
  return hovered;
}

const DEMO_PASSWORD = 'demo-e2e-rahasia';

// Every badge on the page with the contrast of its text on its own background (a translucent
// background laid over white, the cards' colour), as WCAG measures it.
async function badgeContrasts(page: Page): Promise<{ text: string; ratio: number }[]> {
  return page.locator('.mantine-Badge-root').evaluateAll((badges) => {
    const parse = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const linear = (channel: number) => {
      const srgb = channel / 255;
      return srgb <= 0.03928 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    return badges.map((badge) => {
      const style = getComputedStyle(badge);
      const [r = 0, g = 0, b = 0, alpha = 1] = parse(style.backgroundColor);
      const background = [r, g, b].map((channel) => channel * alpha + 255 * (1 - alpha));
      const [light, dark] = [luminance(background), luminance(parse(style.color))].sort((x, y) => y - x);
      return { text: (badge.textContent ?? '').trim(), ratio: ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05) };
    });
  });
}

describe('light and subtle controls keep their contrast under the pointer', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;

  beforeAll(async () => {
    // The demo data set fills the registry the last test hovers over.
    [running, browser] = await Promise.all([startApp({ JALIN_DEMO_PASSWORD: DEMO_PASSWORD }), launchBrowser()]);
    admin = await apiClient(running.baseUrl);
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' });
    page = await context.newPage();
    await login(page, running.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('keeps "Tambah calon mitra", "Batal" and the active navigation link readable under the pointer on the new proposal form', async () => {
    await page.goto(`${running.baseUrl}/app/proposals/new`);
    await page.getByRole('heading', { name: 'Usulan kerja sama baru' }).waitFor();
    const hovered = await expectAccessibleWhileHovering(page);
    expect(hovered).toEqual(expect.arrayContaining(['Tambah calon mitra', 'Batal', 'Usulan kerja sama']));
  });

  it('keeps the edit form on a proposal page readable under the pointer', async () => {
    const proposal = await admin.request<ProposalView>('POST', '/proposals', {
      kind: 'KSDPK',
      title: 'Pelatihan pemandu wisata Benteng Oranje',
      unitId: admin.master.units[0]?.id,
      plannedPartners: [{ name: 'PT Wisata Maluku Utara', categoryCode: admin.master.partnerCategories[0]?.code }],
      sectorCodes: [admin.master.sectors[0]?.code],
      latarBelakang: 'Pemandu wisata di Benteng Oranje belum bersertifikat.',
      maksudTujuan: 'Menyiapkan pemandu wisata yang bersertifikat.',
      ruangLingkup: 'Pelatihan dan sertifikasi pemandu wisata.',
      manfaat: 'Kunjungan wisata lebih aman dan tertata.',
    });
    await page.goto(`${running.baseUrl}/app/proposals/${proposal.id}`);
    await page.getByRole('heading', { level: 1, name: proposal.title }).waitFor();
    await page.getByRole('tab', { name: /Data usulan/ }).click();
    await page.getByRole('button', { name: 'Ubah data usulan' }).click();
    await page.getByRole('heading', { name: 'Ubah data usulan' }).waitFor();
    const hovered = await expectAccessibleWhileHovering(page);
    expect(hovered).toEqual(expect.arrayContaining(['Tambah calon mitra', 'Batal', 'Usulan kerja sama']));
  });

  it('keeps "Tampilkan filter" readable under the pointer on the registry on a phone', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${running.baseUrl}/app/agreements`);
    await page.getByRole('button', { name: 'Tampilkan filter' }).waitFor();
    const hovered = await expectAccessibleWhileHovering(page);
    expect(hovered).toEqual(expect.arrayContaining(['Tampilkan filter']));
  });

  it('keeps every status badge readable: the OPD inbox, the gap and the proposal board', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' });
    const opd = await context.newPage();
    await login(opd, running.baseUrl, { email: 'diskop@demo.jalin.local', password: DEMO_PASSWORD });
    await opd.goto(`${running.baseUrl}/app/plans`);
    await opd.locator('.mantine-Badge-root', { hasText: /rencana/ }).first().waitFor();
    const screens = [await badgeContrasts(opd)];
    await expectAccessible(opd);
    await context.close();
    for (const path of ['/app/gap', '/app/proposals?view=board']) {
      await page.goto(`${running.baseUrl}${path}`);
      await page.locator('.mantine-Badge-root').first().waitFor();
      screens.push(await badgeContrasts(page));
      await expectAccessible(page);
    }
    const badges = screens.flat();
    expect(badges.map((badge) => badge.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+ rencana$/), 'Belum didiseminasikan', 'Terlambat', 'Dikembalikan']));
    expect(badges.filter((badge) => badge.ratio < 4.5)).toEqual([]);
  });
});
