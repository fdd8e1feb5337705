import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTextPdf } from '../support/pdf-fixtures';
import { apiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const OPD_ACCOUNT = { email: 'rahma.hasan@ternatekota.go.id', password: 'opd-e2e-rahasia-1' };
const TITLE = 'Pelatihan pemasaran digital bagi UMKM Pasar Gamalama';
// KSDPK, initiated by an OPD: the registration stage needs these four.
const REGISTRATION_DOCS = ['Kerangka Acuan Kerja (KAK)', 'Studi kelayakan', 'Surat inisiasi kepada Sekda/Ketua TKKSD', 'SK Pejabat Penghubung (PPKSD)'];

async function openPage(browser: Browser, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'id-ID' });
  return context.newPage();
}

async function pick(page: Page, label: RegExp, option: string) {
  await page.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('proposals: an OPD proposes, the division validates it from the board', () => {
  let running: RunningApp;
  let browser: Browser;
  let unitName = '';
  let categoryName = '';
  let sectorName = '';
  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp({ JALIN_DEMO: '0' }), launchBrowser()]);
    const admin = await apiClient(running.baseUrl);
    const unit = admin.master.units.find((candidate) => candidate.name.includes('Koperasi')) ?? admin.master.units[0];
    unitName = unit?.name ?? '';
    categoryName = admin.master.partnerCategories[0]?.name ?? '';
    sectorName = admin.master.sectors[0]?.name ?? '';
    await admin.request('POST', '/users', { ...OPD_ACCOUNT, name: 'Rahma Hasan', role: 'opd', unitId: unit?.id });
    await admin.request('POST', '/users', { email: 'ikbal.tkksd@ternatekota.go.id', password: 'tkksd-e2e-rahasia-1', name: 'Ikbal Sangaji', role: 'tkksd' });
    await admin.request('POST', '/users', { email: 'sofyan.tkksd@ternatekota.go.id', password: 'tkksd-e2e-rahasia-2', name: 'Sofyan Daud', role: 'tkksd' });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('walks from a new proposal to a validated one, with the refusal and the timeline on screen', async () => {
    // The OPD fills in the preparation fields and submits.
    const opd = await openPage(browser);
    await login(opd, running.baseUrl, OPD_ACCOUNT);
    await opd.goto(`${running.baseUrl}/app/proposals/new`);
    await opd.getByRole('heading', { name: 'Usulan kerja sama baru' }).waitFor();
    await opd.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    // Nothing is sent while required fields are empty; the first one says why.
    await opd.getByText('Paling sedikit 5 karakter.').first().waitFor();
    await opd.getByRole('textbox', { name: /^Judul usulan/ }).fill(TITLE);
    await opd.getByRole('textbox', { name: /^Nama calon mitra 1/ }).fill('PT Niaga Digital Maluku Utara');
    await pick(opd, /^Kategori calon mitra 1/, categoryName);
    await opd.getByLabel(/^Bidang/).first().click();
    await opd.getByRole('option', { name: sectorName, exact: true }).click();
    await opd.keyboard.press('Escape');
    await opd.getByRole('textbox', { name: /^Latar belakang/ }).fill('Pedagang Pasar Gamalama belum memakai pemasaran dan pembayaran digital.');
    await opd.getByRole('textbox', { name: /^Maksud dan tujuan/ }).fill('Meningkatkan penjualan pedagang melalui pemasaran digital.');
    await opd.getByRole('textbox', { name: /^Ruang lingkup/ }).fill('Pelatihan, pendampingan toko daring dan pembayaran QRIS.');
    await opd.getByRole('textbox', { name: /^Manfaat/ }).fill('Omzet pedagang naik dan retribusi dibayar secara digital.');
    await opd.getByRole('textbox', { name: /^Jangka waktu \(bulan\)/ }).fill('24');
    await screenshot(opd, 'proposal-new-desktop');
    await expectAccessible(opd);
    await opd.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    await opd.waitForURL(/\/app\/proposals\/[0-9a-f-]{36}$/);
    await opd.getByRole('heading', { name: TITLE }).waitFor();
    await opd.getByText('Berjalan', { exact: true }).first().waitFor();
    await opd.getByText('Dokumen wajib yang belum ada untuk tahap ini').waitFor();
    const proposalUrl = opd.url();

    // The division finds it on the board, in the registration column.
    const admin = await openPage(browser);
    await login(admin, running.baseUrl);
    await admin.goto(`${running.baseUrl}/app/proposals?view=board`);
    const column = admin.getByRole('region', { name: 'Registrasi dan validasi usulan' });
    const card = column.getByRole('link', { name: TITLE });
    await card.waitFor();
    expect(await column.innerText()).toContain('dari 7 hari');
    await screenshot(admin, 'proposals-board-desktop');
    await expectAccessible(admin);
    await card.click();
    await admin.waitForURL(proposalUrl);
    await admin.getByRole('heading', { name: TITLE }).waitFor();
    expect(await admin.locator('[aria-current="step"]').innerText()).toContain('Registrasi dan validasi usulan');

    // Before the documents are in, validating is not offered, and the screen names what is missing.
    const missing = admin.getByText('Dokumen wajib yang belum ada untuk tahap ini').locator('xpath=ancestor::*[@role="alert"][1]');
    expect(await missing.innerText()).toMatch(/Studi kelayakan[\s\S]*SK Pejabat Penghubung/);
    expect(await admin.getByRole('button', { name: 'Validasi' }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: 'Kembalikan' }).count()).toBe(1);
    await screenshot(admin, 'proposal-missing-desktop');
    await expectAccessible(admin);

    // The admin uploads the required documents.
    await admin.getByRole('tab', { name: /Dokumen/ }).click();
    const pdf = await makeTextPdf(['Dokumen persiapan usulan kerja sama.']);
    for (const [index, docType] of REGISTRATION_DOCS.entries()) {
      await pick(admin, /^Jenis dokumen/, docType);
      await admin.locator('input[type="file"]').setInputFiles({ name: `dokumen-${index + 1}.pdf`, mimeType: 'application/pdf', buffer: pdf });
      await admin.getByRole('button', { name: 'Unggah', exact: true }).click();
      await admin.getByRole('link', { name: `Buka dokumen-${index + 1}.pdf` }).waitFor();
    }
    await admin.getByText('Semua dokumen wajib tahap ini sudah ada.').waitFor();
    // Each document version has its own comment thread.
    await admin.getByRole('button', { name: 'Komentar untuk dokumen-2.pdf' }).click();
    await admin.getByText('Belum ada komentar pada versi ini.').waitFor();
    await admin.getByLabel('Komentar baru').fill('Lampirkan data pedagang per los pasar.');
    await admin.getByRole('button', { name: 'Kirim komentar' }).click();
    await admin.getByText('Lampirkan data pedagang per los pasar.', { exact: true }).waitFor();
    await screenshot(admin, 'proposal-documents-desktop');
    await expectAccessible(admin);

    // Now it validates, and the proposal moves to the TKKSD stage.
    await admin.getByRole('button', { name: 'Validasi' }).click();
    await admin.getByRole('dialog', { name: 'Validasi' }).getByRole('textbox').fill('Dokumen persiapan lengkap.');
    await admin.getByRole('dialog', { name: 'Validasi' }).getByRole('button', { name: 'Validasi' }).click();
    await admin.getByRole('dialog', { name: 'Validasi' }).waitFor({ state: 'detached' });
    await admin.getByRole('tab', { name: /Tahapan/ }).click();
    await admin.waitForFunction(() => document.querySelector('[aria-current="step"]')?.textContent?.includes('Pembahasan oleh TKKSD'));
    await admin.getByRole('heading', { name: 'Lama per tahap' }).waitFor();
    await screenshot(admin, 'proposal-progress-desktop');
    await expectAccessible(admin);

    // The timeline says who did what.
    await admin.getByRole('tab', { name: /Riwayat/ }).click();
    const timeline = admin.getByRole('region', { name: 'Riwayat usulan' });
    await timeline.getByText('Divalidasi').waitFor();
    const text = await timeline.innerText();
    expect(text).toMatch(/Usulan dibuat[\s\S]*rahma\.hasan@ternatekota\.go\.id/);
    expect(text).toMatch(/Diajukan[\s\S]*Dokumen diunggah[\s\S]*Divalidasi[\s\S]*admin@jalin\.local/);
    expect(text).toContain('Dokumen persiapan lengkap.');
    expect(text).toContain(`ke Pembahasan oleh TKKSD`);
    await screenshot(admin, 'proposal-timeline-desktop');
    await expectAccessible(admin);
    expect(unitName).not.toBe('');

    // At the TKKSD stage the division sets a reviewer and records the discussion meeting.
    await admin.getByRole('tab', { name: /TKKSD/ }).click();
    await admin.getByRole('heading', { name: 'Pembahasan TKKSD' }).waitFor();
    await admin.getByLabel(/^Peninjau tingkat 1/).first().click();
    await admin.getByRole('option', { name: /Ikbal Sangaji/ }).click();
    await admin.keyboard.press('Escape');
    await admin.getByRole('button', { name: 'Tetapkan peninjau' }).click();
    await admin.getByText(/Peninjauan berjalan/).waitFor();
    await admin.getByText('Belum memutuskan').waitFor();
    // A reviewer who cannot take part is replaced while the review runs.
    await admin.getByLabel('Ganti Ikbal Sangaji dengan').first().click();
    await admin.getByRole('option', { name: /Sofyan Daud/ }).click();
    await admin.getByRole('button', { name: 'Ganti peninjau' }).click();
    await admin.getByLabel('Ganti Sofyan Daud dengan').first().waitFor();
    expect(await admin.getByRole('region', { name: 'Pembahasan TKKSD' }).innerText()).not.toContain('Ikbal Sangaji');
    await screenshot(admin, 'proposal-review-desktop');
    await expectAccessible(admin);
    await admin.getByRole('tab', { name: /Rapat/ }).click();
    await admin.getByLabel(/^Waktu rapat/).fill('2026-11-20T09:30');
    await admin.getByLabel(/^Tempat/).fill('Ruang rapat Setda Kota Ternate');
    await admin.getByLabel(/^Peserta/).fill('Ikbal Sangaji\nRahma Hasan');
    await admin.getByLabel(/^Notulen/).fill('Usulan dibahas; pemrakarsa melengkapi rencana anggaran.');
    await admin.getByRole('button', { name: 'Simpan rapat' }).click();
    await admin.getByText('Usulan dibahas; pemrakarsa melengkapi rencana anggaran.').waitFor();
    await screenshot(admin, 'proposal-meetings-desktop');
    await expectAccessible(admin);

    // A signing cannot be scheduled this early, and the screen says from which stage it can.
    await admin.getByRole('tab', { name: /Penandatanganan/ }).click();
    await admin.getByText('Belum ada jadwal penandatanganan.').waitFor();
    await admin.getByLabel(/^Tanggal/).fill('2026-12-10');
    await admin.getByLabel(/^Tempat/).fill('Kantor Wali Kota Ternate');
    await admin.getByRole('button', { name: 'Simpan jadwal' }).click();
    const signingRefusal = admin.getByRole('region', { name: 'Penandatanganan' }).getByRole('alert');
    await signingRefusal.waitFor();
    expect(await signingRefusal.innerText()).toContain('Penandatanganan dijadwalkan mulai tahap');
    await screenshot(admin, 'proposal-signing-desktop');
    await expectAccessible(admin);
  });

  it('fits the board and the proposal on a phone without sideways scrolling', async () => {
    const phone = await openPage(browser, PHONE);
    await login(phone, running.baseUrl);
    await phone.goto(`${running.baseUrl}/app/proposals?view=board`);
    await phone.getByRole('link', { name: TITLE }).waitFor();
    await screenshot(phone, 'proposals-board-phone');
    await expectNoHorizontalScroll(phone);
    await expectAccessible(phone);
    await phone.getByRole('link', { name: TITLE }).click();
    await phone.getByRole('heading', { name: TITLE }).waitFor();
    await phone.getByRole('heading', { name: 'Lama per tahap' }).waitFor();
    await screenshot(phone, 'proposal-phone');
    await expectNoHorizontalScroll(phone);
    await phone.goto(`${running.baseUrl}/app/proposals`);
    await phone.getByRole('link', { name: TITLE }).waitFor();
    await screenshot(phone, 'proposals-list-phone');
    await expectNoHorizontalScroll(phone);
    await phone.goto(`${running.baseUrl}/app/statistics`);
    await phone.getByRole('heading', { name: 'Lama proses usulan' }).waitFor();
    await phone.getByRole('heading', { name: /KSDPK/ }).waitFor();
    await screenshot(phone, 'statistics-durations-phone');
    await expectNoHorizontalScroll(phone);
    await expectAccessible(phone);
  });
});
