import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageView } from '../../src/shared/dissemination';
import { startSmtpSink, type SmtpSink } from '../../src/server/modules/mail/smtp-sink.test-support';
import { makeTextPdf } from '../support/pdf-fixtures';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, PHONE, screenshot } from './support/browser';
import { CONFIRM_LINK, openMailedLink, waitForMail } from './support/mail';
import { startApp, type RunningApp } from './support/server';

const AGREEMENT = 'Kerja sama layanan perbankan Bank Maluku Malut untuk pedagang pasar';
const OPPORTUNITY = 'Kredit modal usaha pedagang pasar Gamalama';
const PROPOSAL = 'Pengembangan wisata bahari Pulau Hiri';

// Both widths: what a citizen on a cheap phone sees, and a desktop.
async function lookAt(context: { phone: Page; desktop: Page }, url: string, name: string): Promise<void> {
  for (const [width, page] of Object.entries(context)) {
    await page.goto(url);
    await expectAccessible(page);
    if (width === 'phone') await expectNoHorizontalScroll(page);
    await screenshot(page, `portal-${name}-${width}`);
  }
}

describe('the public portal', () => {
  let running: RunningApp;
  let sink: SmtpSink;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let phone: Page;
  let api: ApiClient;
  let agreementId = '';

  beforeAll(async () => {
    sink = await startSmtpSink();
    [running, browser] = await Promise.all([startApp({ SMTP_URL: sink.url }), launchBrowser()]);
    api = await apiClient(running.baseUrl);
    desktop = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, locale: 'id-ID', timezoneId: 'Asia/Jayapura' });
    page = await desktop.newPage();
    phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'id-ID' })).newPage();
    // A banking agreement with a published financing opportunity, made as the division would.
    const agreement = await api.createAgreement({ title: AGREEMENT, partners: [{ name: 'PT Bank Maluku Malut Uji', categoryCode: 'bumd' }], primarySectorCode: 'umkm_koperasi', signedOn: '2025-03-10', startsOn: '2025-03-10', endsOn: '2030-03-09', isPublic: true });
    agreementId = agreement.id;
    // On the portal only once chosen public and with its signed document attached.
    await api.attachSignedDocument(agreementId);
    const saved = await api.request<PackageView>('PUT', `/agreements/${agreementId}/dissemination`, {
      summaryWhat: 'Kredit modal usaha dan pembayaran pajak daerah secara digital melalui bank daerah.',
      summaryWhy: 'Pedagang pasar mendapat modal dengan bunga ringan.',
      opportunities: [{ type: 'pembiayaan', title: OPPORTUNITY, sectorCodes: ['umkm_koperasi'], deadline: '2099-12-31', applyUrl: 'https://bank.example/kredit', scheme: 'Kredit usaha rakyat', howToApply: 'Datang ke kantor cabang terdekat dengan KTP dan surat keterangan usaha.' }],
    });
    const submitted = await api.request<PackageView>('POST', `/agreements/${agreementId}/dissemination/transition`, { action: 'submit', version: saved.version });
    await api.request<PackageView>('POST', `/agreements/${agreementId}/dissemination/transition`, { action: 'publish', version: submitted.version });
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
    await sink.close();
  });

  it('lets a visitor go from the home page to an opportunity, its agreement and the open data', async () => {
    await page.goto(`${running.baseUrl}/`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Lihat peluang untuk warga' }).click();
    await page.getByRole('heading', { name: 'Peluang bagi warga', level: 1 }).waitFor();
    await page.getByLabel('Jenis').selectOption('pembiayaan');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByRole('heading', { name: OPPORTUNITY }).waitFor();
    expect(page.url()).toContain('jenis=pembiayaan');
    await expectAccessible(page);
    await page.getByRole('link', { name: AGREEMENT }).click();
    await page.getByRole('heading', { name: AGREEMENT, level: 1 }).waitFor();
    expect(await page.getByText('Kredit modal usaha dan pembayaran pajak daerah secara digital').count()).toBe(1);
    await expectAccessible(page);
    const click = await page.request.get(`${running.baseUrl}${await page.getByRole('link', { name: /Cara mendaftar/ }).first().getAttribute('href')}`, { maxRedirects: 0 });
    expect(click.status()).toBe(302);
    expect(click.headers().location).toBe('https://bank.example/kredit');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Data terbuka' }).click();
    await page.getByRole('heading', { name: 'Data terbuka kerja sama', level: 1 }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV: Daftar kerja sama' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain(AGREEMENT);
    expect(csv.split('\r\n')[0]).toContain('judul');
    const [statistics] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV: Statistik kerja sama' }).click()]);
    expect(readFileSync(await statistics.path(), 'utf8').split('\r\n')[0]).toContain('jumlah_naskah');
    await page.getByRole('link', { name: '/data/catalog.json' }).waitFor();
  });

  it('takes a proposal from the public form through the e-mailed confirmation to the private tracking page', async () => {
    await page.goto(`${running.baseUrl}/usulan`);
    await page.locator('#institution').fill('Yayasan Bahari Hiri');
    await page.locator('#contactName').fill('Rahmawati Umar');
    await page.locator('#email').fill('rahma@yayasan.example');
    await page.locator('#title').fill(PROPOSAL);
    await page.locator('#partner-0-name').fill('Yayasan Bahari Hiri');
    await page.locator('#partner-0-category').selectOption({ index: 1 });
    await page.locator('input[name="sectorCodes"]').first().check();
    await page.locator('#latarBelakang').fill('Pulau Hiri memiliki potensi wisata bahari yang belum dikelola.');
    await page.locator('#maksudTujuan').fill('Mengembangkan paket wisata bahari bersama masyarakat.');
    await page.locator('#ruangLingkup').fill('Pelatihan pemandu, perahu wisata dan promosi bersama.');
    await page.locator('#manfaat').fill('Pendapatan warga dan pendapatan asli daerah meningkat.');
    await page.getByRole('button', { name: 'Kirim usulan' }).click();
    await page.getByText(/Kode usulan:/).waitFor();
    // Sent: the answer stands above the form and holds the focus, and the form is empty again.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('proposal-result');
    const [answerTop, formTop] = await Promise.all([page.locator('#proposal-result').boundingBox(), page.locator('#proposal-form').boundingBox()]);
    expect(answerTop!.y).toBeLessThan(formTop!.y);
    expect(await page.locator('#title').inputValue()).toBe('');
    await expectAccessible(page);
    await openMailedLink(page, sink, { subject: /^Konfirmasi usulan/, to: 'rahma@yayasan.example', link: CONFIRM_LINK });
    const code = await page.locator('#tracking-code').textContent();
    expect(code).toMatch(/\S+/);
    // The token leaves the address bar once read.
    expect(new URL(page.url()).hash).toBe('');
    await expectAccessible(page);
    await screenshot(page, 'portal-konfirmasi-desktop');
    const trackMail = await waitForMail(sink, /^Tautan pelacakan/);
    expect(trackMail.text).toMatch(/\/usulan\/lacak#/);
    await page.getByRole('link', { name: 'buka halaman pelacakan' }).click();
    await page.getByRole('heading', { name: PROPOSAL }).waitFor();
    expect(await page.locator('#tracking-code').textContent()).toBe(code);
    await page.getByRole('heading', { name: 'Unggah dokumen' }).waitFor();
    // The first requested document, sent through the tracking link's upload route.
    await page.locator('#file').setInputFiles({ name: 'surat-penawaran.pdf', mimeType: 'application/pdf', buffer: await makeTextPdf(['Surat penawaran kerja sama wisata bahari']) });
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.getByText('Dokumen diterima: surat-penawaran.pdf').waitFor();
    await page.getByText(/Surat penawaran versi 1: surat-penawaran\.pdf/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'portal-lacak-desktop');
  });

  it('reads well and passes axe on a phone and on a desktop', async () => {
    const pages = { phone, desktop: page };
    const slug = new URL(await (async () => {
      await page.goto(`${running.baseUrl}/kerja-sama?q=${encodeURIComponent('Bank Maluku')}`);
      return page.getByRole('link', { name: AGREEMENT }).evaluate((link) => (link as HTMLAnchorElement).href);
    })()).pathname;
    for (const [name, url] of Object.entries({ beranda: '/', daftar: '/kerja-sama', naskah: slug, peluang: '/peluang', usulan: '/usulan', panduan: '/usulan/panduan/KSDPK', data: '/data', hilang: '/kerja-sama/tidak-ada-0123abcd' })) {
      await lookAt(pages, `${running.baseUrl}${url}`, name);
    }
  });
});
