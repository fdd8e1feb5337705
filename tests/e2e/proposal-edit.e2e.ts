import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingListResponse } from '../../src/shared/proposal-reviews';
import type { ProposalView } from '../../src/shared/proposals';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { startApp, type RunningApp } from './support/server';

const OPD_ACCOUNT = { email: 'nurul.fataha@ternatekota.go.id', password: 'opd-e2e-rahasia-2' };
const TITLE = 'Penataan kios Pasar Higienis Gamalama';
const NEW_TITLE = 'Penataan kios dan sanitasi Pasar Higienis Gamalama';
const MINUTES = 'Pemrakarsa memaparkan rencana penataan kios.';
const NEW_MINUTES = 'Pemrakarsa memaparkan rencana penataan kios; TKKSD meminta peta los pasar.';

async function openPage(browser: Browser, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'id-ID' });
  return context.newPage();
}

async function pick(page: Page, label: RegExp, option: string) {
  await page.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const textbox = (page: Page, name: RegExp) => page.getByRole('textbox', { name });

describe('proposals: the initiator edits a draft, the division edits a meeting', () => {
  let running: RunningApp;
  let browser: Browser;
  let admin: ApiClient;
  let proposalUrl = '';
  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp({ JALIN_DEMO: '0' }), launchBrowser()]);
    admin = await apiClient(running.baseUrl);
    const unit = admin.master.units[0];
    await admin.request('POST', '/users', { ...OPD_ACCOUNT, name: 'Nurul Fataha', role: 'opd', unitId: unit?.id });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const proposalId = () => proposalUrl.split('/').pop() ?? '';

  it('saves a draft, edits it through "Ubah data usulan", keeps the input on a conflict and shows the new title', async () => {
    const opd = await openPage(browser);
    await login(opd, running.baseUrl, OPD_ACCOUNT);
    await opd.goto(`${running.baseUrl}/app/proposals/new`);
    await opd.getByRole('heading', { name: 'Usulan kerja sama baru' }).waitFor();
    await textbox(opd, /^Judul usulan/).fill(TITLE);
    await textbox(opd, /^Nama calon mitra 1/).fill('CV Sanitasi Maluku Utara');
    await pick(opd, /^Kategori calon mitra 1/, admin.master.partnerCategories[0]?.name ?? '');
    await opd.getByLabel(/^Bidang/).first().click();
    await opd.getByRole('option', { name: admin.master.sectors[0]?.name ?? '', exact: true }).click();
    await opd.keyboard.press('Escape');
    await textbox(opd, /^Latar belakang/).fill('Kios Pasar Gamalama belum tertata dan saluran airnya tersumbat.');
    await textbox(opd, /^Maksud dan tujuan/).fill('Menata kios dan memperbaiki sanitasi pasar bersama mitra.');
    await textbox(opd, /^Ruang lingkup/).fill('Penataan kios, perbaikan saluran air dan pelatihan kebersihan.');
    await textbox(opd, /^Manfaat/).fill('Pasar lebih bersih dan pedagang lebih mudah ditemukan pembeli.');
    await textbox(opd, /^Jangka waktu \(bulan\)/).fill('24');
    await opd.getByRole('button', { name: 'Simpan draf' }).click();
    await opd.waitForURL(/\/app\/proposals\/[0-9a-f-]{36}$/);
    await opd.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    proposalUrl = opd.url();

    // The draft is the OPD's to edit: the button is there, and the form opens with what was saved.
    await opd.getByRole('tab', { name: /Data usulan/ }).click();
    await opd.getByRole('button', { name: 'Ubah data usulan' }).click();
    await opd.getByRole('heading', { name: 'Ubah data usulan' }).waitFor();
    expect(await textbox(opd, /^Judul usulan/).inputValue()).toBe(TITLE);
    expect(await textbox(opd, /^Latar belakang/).inputValue()).toBe('Kios Pasar Gamalama belum tertata dan saluran airnya tersumbat.');
    await screenshot(opd, 'proposal-edit-desktop');
    await expectAccessible(opd);

    // A term past the five-year limit without a reason: the server names the field, under it.
    await textbox(opd, /^Jangka waktu \(bulan\)/).fill('120');
    await opd.getByRole('button', { name: 'Simpan perubahan' }).click();
    await opd.getByText('Jangka waktu lebih dari 5 tahun memerlukan alasan.').waitFor();
    expect(await textbox(opd, /^Alasan jangka waktu/).getAttribute('aria-invalid')).toBe('true');
    await textbox(opd, /^Jangka waktu \(bulan\)/).fill('36');

    // The division saves the proposal meanwhile: the OPD's save is refused and what they typed stays.
    const current = await admin.request<ProposalView>('GET', `/proposals/${proposalId()}`);
    await admin.request('PATCH', `/proposals/${proposalId()}`, { lokasi: 'Kelurahan Gamalama, Ternate Tengah', version: current.version });
    await textbox(opd, /^Judul usulan/).fill(NEW_TITLE);
    await opd.getByRole('button', { name: 'Simpan perubahan' }).click();
    await opd.getByText('Data sudah diubah orang lain').waitFor();
    expect(await textbox(opd, /^Judul usulan/).inputValue()).toBe(NEW_TITLE);
    expect(await textbox(opd, /^Jangka waktu \(bulan\)/).inputValue()).toBe('36');
    await screenshot(opd, 'proposal-edit-stale-desktop');
    await expectAccessible(opd);
    // Loading the newer data shows the division's change; the OPD makes theirs again and saves.
    await opd.getByRole('button', { name: 'Muat data terbaru' }).click();
    await expect.poll(() => textbox(opd, /^Lokasi/).inputValue()).toBe('Kelurahan Gamalama, Ternate Tengah');
    expect(await textbox(opd, /^Judul usulan/).inputValue()).toBe(TITLE);
    await textbox(opd, /^Judul usulan/).fill(NEW_TITLE);
    await opd.getByRole('button', { name: 'Simpan perubahan' }).click();

    // Back on the page: the new title in the heading and the fields, the edit on the timeline.
    await opd.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
    await opd.getByRole('button', { name: 'Ubah data usulan' }).waitFor();
    expect(await opd.getByRole('region', { name: 'Identitas usulan' }).count()).toBe(1);
    expect(await opd.getByText('Kelurahan Gamalama, Ternate Tengah').count()).toBe(1);
    await screenshot(opd, 'proposal-fields-desktop');
    await opd.getByRole('button', { name: 'Ubah data usulan' }).hover();
    await expectAccessible(opd);
    const saved = await admin.request<ProposalView>('GET', `/proposals/${proposalId()}`);
    expect(saved).toMatchObject({ title: NEW_TITLE, lokasi: 'Kelurahan Gamalama, Ternate Tengah', state: 'draf' });
    await opd.getByRole('tab', { name: /Riwayat/ }).click();
    const timeline = opd.getByRole('region', { name: 'Riwayat usulan' });
    await timeline.getByText('Usulan dibuat').waitFor();
    expect(await timeline.getByText('Data usulan diubah').count()).toBe(2);
  });

  it('records a meeting with a follow-up, then edits its minutes and marks the follow-up done', async () => {
    const page = await openPage(browser);
    await login(page, running.baseUrl);
    await page.goto(`${proposalUrl}?tab=meetings`);
    await page.getByText('Belum ada rapat tercatat.').waitFor();
    await page.getByLabel(/^Waktu rapat/).fill('2026-11-24T10:00');
    await page.getByLabel(/^Tempat/).fill('Ruang rapat Bagian Kerja Sama');
    await page.getByLabel(/^Peserta/).fill('Nurul Fataha\nKepala Bagian Kerja Sama');
    await page.getByLabel(/^Notulen/).fill(MINUTES);
    await page.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
    await textbox(page, /^Tindak lanjut 1/).fill('Lampirkan peta los pasar');
    await textbox(page, /^Penanggung jawab 1/).fill('Dinas Perindustrian dan Perdagangan');
    await page.getByRole('button', { name: 'Simpan rapat' }).click();
    await page.getByText(MINUTES, { exact: true }).waitFor();
    await page.getByText(/Lampirkan peta los pasar — Dinas Perindustrian dan Perdagangan · Belum selesai/).waitFor();

    // "Ubah" opens the same form, filled in.
    await page.getByRole('button', { name: /^Ubah rapat/ }).click();
    await page.getByRole('heading', { name: 'Ubah rapat' }).waitFor();
    expect(await page.getByLabel(/^Notulen/).inputValue()).toBe(MINUTES);
    expect(await page.getByLabel(/^Waktu rapat/).inputValue()).toBe('2026-11-24T10:00');
    expect(await textbox(page, /^Tindak lanjut 1/).inputValue()).toBe('Lampirkan peta los pasar');
    await page.getByLabel(/^Notulen/).fill(NEW_MINUTES);
    await page.getByRole('checkbox', { name: 'Tindak lanjut 1 selesai' }).check();
    await screenshot(page, 'meeting-edit-desktop');
    await expectAccessible(page);

    // Someone else saved the meeting in between: refused, input kept, then saved on the newer version.
    const [meeting] = (await admin.request<MeetingListResponse>('GET', `/proposals/${proposalId()}/meetings`)).items;
    await admin.request('PATCH', `/proposal-meetings/${meeting?.id ?? ''}`, { decisions: ['Penataan kios dibahas lagi setelah peta los ada'], version: meeting?.version });
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText('Data sudah diubah orang lain').waitFor();
    expect(await page.getByLabel(/^Notulen/).inputValue()).toBe(NEW_MINUTES);
    await page.getByRole('button', { name: 'Muat data terbaru' }).click();
    await expect.poll(() => page.getByLabel(/^Keputusan rapat/).inputValue()).toBe('Penataan kios dibahas lagi setelah peta los ada');
    await page.getByLabel(/^Notulen/).fill(NEW_MINUTES);
    await page.getByRole('checkbox', { name: 'Tindak lanjut 1 selesai' }).check();
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();

    await page.getByText(NEW_MINUTES, { exact: true }).waitFor();
    // The closing form and the refetched list may still show the old minutes for a moment.
    await expect.poll(() => page.getByText(MINUTES, { exact: true }).count()).toBe(0);
    await page.getByText(/Lampirkan peta los pasar — Dinas Perindustrian dan Perdagangan · Selesai/).waitFor();
    await page.getByText('Penataan kios dibahas lagi setelah peta los ada').waitFor();
    await page.getByRole('heading', { name: 'Catat rapat' }).waitFor();
    // Judged with the pointer resting on the new button, as it does after a click nearby.
    await page.getByRole('button', { name: /^Ubah rapat/ }).hover();
    await expectAccessible(page);
  });

  it('fits both edit forms on a phone without sideways scrolling', async () => {
    const opd = await openPage(browser, PHONE);
    await login(opd, running.baseUrl, OPD_ACCOUNT);
    await opd.goto(`${proposalUrl}?tab=fields`);
    await opd.getByRole('button', { name: 'Ubah data usulan' }).click();
    await opd.getByRole('heading', { name: 'Ubah data usulan' }).waitFor();
    await screenshot(opd, 'proposal-edit-phone');
    await expectNoHorizontalScroll(opd);
    await expectAccessible(opd);
    // The initiator reads the meetings but neither records nor edits them.
    await opd.getByRole('tab', { name: /Rapat/ }).click();
    await opd.getByText(NEW_MINUTES, { exact: true }).waitFor();
    expect(await opd.getByRole('button', { name: /^Ubah rapat/ }).count()).toBe(0);
    expect(await opd.getByRole('heading', { name: 'Catat rapat' }).count()).toBe(0);
    const division = await openPage(browser, PHONE);
    await login(division, running.baseUrl);
    await division.goto(`${proposalUrl}?tab=meetings`);
    await division.getByRole('button', { name: /^Ubah rapat/ }).click();
    await division.getByRole('heading', { name: 'Ubah rapat' }).waitFor();
    await screenshot(division, 'meeting-edit-phone');
    await expectNoHorizontalScroll(division);
    await expectAccessible(division);
  });
});
