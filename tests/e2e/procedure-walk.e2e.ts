import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalView } from '../../src/shared/proposals';
import type { AgreementView } from '../../src/shared/agreements';
import type { SigningView } from '../../src/shared/proposal-signing';
import { startSmtpSink, type SmtpSink } from '../../src/server/modules/mail/smtp-sink.test-support';
import { makeTextPdf } from '../support/pdf-fixtures';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, launchBrowser, login, screenshot } from './support/browser';
import { CONFIRM_LINK, openMailedLink } from './support/mail';
import { startApp, type RunningApp } from './support/server';

// The whole road of issue 3: an outside initiator proposes a twin-city cooperation (KSDPL: KB, then PKS),
// the division validates, the TKKSD reviews (one revision through the private link), the KB and the PKS
// are drafted, signed and registered, and both show in the registry, in search and in the statistics.
const TITLE = 'Kota kembar Ternate dan Davao untuk perikanan tangkap';
const KB_TITLE = 'Kesepakatan Bersama Kota Ternate dan Kota Davao tentang perikanan tangkap';
const PKS_TITLE = 'Perjanjian Kerja Sama Ternate Davao tentang pelatihan nelayan';
// Only the signed KB's PDF holds this word: search must find the KB through its text.
const SIGNED_WORD = 'Sagukasbiikanfufu';
const INITIATOR_EMAIL = 'sekretariat@davao-sister.example';
const REVIEWERS = [
  { email: 'tkksd.satu@ternatekota.go.id', password: 'tkksd-e2e-rahasia-1', name: 'Hasan Albaar' },
  { email: 'tkksd.dua@ternatekota.go.id', password: 'tkksd-e2e-rahasia-2', name: 'Nurlaila Sangadji' },
];
const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = TODAY.slice(0, 4);

async function pick(page: Page, label: RegExp, option: string): Promise<void> {
  await page.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

// A document uploaded through the Dokumen tab of the proposal page, as the division does.
async function uploadOnScreen(page: Page, docLabel: string, fileName: string, pdf: Buffer): Promise<void> {
  await page.getByRole('tab', { name: /Dokumen/ }).click();
  await pick(page, /^Jenis dokumen/, docLabel);
  await page.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Unggah', exact: true }).click();
  await page.getByRole('link', { name: `Buka ${fileName}` }).waitFor();
}

// An action of the proposal page, confirmed in its dialog.
async function act(page: Page, label: string, note?: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  if (note) await dialog.getByRole('textbox').fill(note);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

// A DOCX draft from the Dokumen tab, as the browser saves it.
async function downloadDraft(page: Page, button: string): Promise<Buffer> {
  await page.getByRole('tab', { name: /Dokumen/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync(await download.path());
}

async function expectStage(page: Page, stageName: string): Promise<void> {
  await page.getByRole('tab', { name: /Tahapan/ }).click();
  await page.waitForFunction((name) => document.querySelector('[aria-current="step"]')?.textContent?.includes(name) ?? false, stageName);
}

async function yearCount(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}/app/statistics?from=${YEAR}&to=${YEAR}`);
  const year = page.getByTestId(`stats-year-${YEAR}`);
  await year.getByText(/\d+ kerja sama/).first().waitFor();
  const count = /(\d+) kerja sama/.exec(await year.innerText())?.[1];
  expect(count).toBeDefined();
  return Number(count);
}

describe('the procedure walk: from the public form to a registered KB and PKS', () => {
  let running: RunningApp;
  let sink: SmtpSink;
  let browser: Browser;
  let admin: ApiClient;
  let reviewerIds: string[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    [running, browser] = await Promise.all([startApp({ SMTP_URL: sink.url, JALIN_DEMO: '0' }), launchBrowser()]);
    admin = await apiClient(running.baseUrl);
    // Setup, not the walk: the two TKKSD members, and one agreement already signed this year.
    reviewerIds = [];
    for (const reviewer of REVIEWERS) {
      reviewerIds.push((await admin.request<{ id: string }>('POST', '/users', { ...reviewer, role: 'tkksd' })).id);
    }
    await admin.createAgreement({ title: 'Kesepakatan bersama yang sudah ada tahun ini', signedOn: TODAY, startsOn: TODAY, endsOn: `${Number(YEAR) + 3}-01-01` });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await sink?.close();
  });

  it('walks every stage through the public pages and the staff screens (the API only for set-up and to read results)', async () => {
    const base = running.baseUrl;
    const initiator = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' })).newPage();
    const staff = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' })).newPage();
    const pdf = (line: string) => makeTextPdf([line]);

    // The staff session's own API calls, for the steps no screen offers yet.
    async function staffApi<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await staff.request.fetch(`${base}/api${path}`, { method, ...(body === undefined ? {} : { data: body }) });
      const text = await response.text();
      if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    }

    // A TKKSD member on the proposal page's TKKSD tab, in a browser of their own.
    const reviewerPage = async (account: (typeof REVIEWERS)[number]): Promise<Page> => {
      const page = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' })).newPage();
      await login(page, base, account);
      return page;
    };
    const decide = async (page: Page, decision: string, comment?: string): Promise<void> => {
      await page.goto(staff.url());
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await page.getByRole('tab', { name: 'TKKSD' }).click();
      await page.getByRole('radio', { name: decision }).check();
      if (comment) await page.getByRole('textbox', { name: /^Komentar/ }).fill(comment);
      await page.getByRole('button', { name: 'Kirim keputusan' }).click();
      await page.getByText('Keputusan tercatat.').waitFor();
    };

    await login(staff, base);
    const countBefore = await yearCount(staff, base);

    // 1. The outside initiator proposes through the public form.
    await initiator.goto(`${base}/usulan`);
    await expectAccessible(initiator);
    await initiator.locator('#institution').fill('Sekretariat Kota Kembar Davao');
    await initiator.locator('#contactName').fill('Maria Santos');
    await initiator.locator('#email').fill(INITIATOR_EMAIL);
    await initiator.locator('#kind').selectOption('KSDPL');
    await initiator.locator('#title').fill(TITLE);
    await initiator.locator('#partner-0-name').fill('Pemerintah Kota Davao');
    await initiator.locator('#partner-0-category').selectOption({ index: 1 });
    await initiator.locator('input[name="sectorCodes"]').first().check();
    await initiator.locator('#latarBelakang').fill('Ternate dan Davao sama-sama kota pesisir dengan nelayan tangkap skala kecil.');
    await initiator.locator('#maksudTujuan').fill('Bertukar pengetahuan perikanan tangkap dan pengolahan hasil laut.');
    await initiator.locator('#ruangLingkup').fill('Pelatihan nelayan, kunjungan kerja dan promosi produk olahan ikan.');
    await initiator.locator('#manfaat').fill('Pendapatan nelayan meningkat dan produk olahan ikan dikenal lebih luas.');
    await initiator.locator('#jangkaWaktuBulan').fill('36');
    await initiator.getByRole('button', { name: 'Kirim usulan' }).click();
    await initiator.getByText(/Kode usulan:/).waitFor();

    // 2. The confirmation e-mail opens the confirmation page; the tracking e-mail opens the tracking page.
    await openMailedLink(initiator, sink, { subject: /^Konfirmasi usulan/, to: INITIATOR_EMAIL, link: CONFIRM_LINK });
    const code = (await initiator.locator('#tracking-code').textContent())?.trim();
    expect(code).toMatch(/\S+/);
    const trackLink = await openMailedLink(initiator, sink, { subject: /^Tautan pelacakan/, to: INITIATOR_EMAIL, link: /http:\/\/\S+\/usulan\/lacak#\S+/ });
    await initiator.getByRole('heading', { name: TITLE }).waitFor();
    expect((await initiator.locator('#tracking-code').textContent())?.trim()).toBe(code);
    // The initiator sends the letter of offer the registration stage asks of an outside party.
    await initiator.locator('#docType').selectOption('surat_penawaran');
    await initiator.locator('#file').setInputFiles({ name: 'surat-penawaran-davao.pdf', mimeType: 'application/pdf', buffer: await pdf('Surat penawaran kerja sama kota kembar') });
    await initiator.getByRole('button', { name: 'Unggah' }).click();
    await initiator.getByText('Dokumen diterima: surat-penawaran-davao.pdf').waitFor();
    await expectAccessible(initiator);

    // 3. The admin finds the proposal, adds the KAK and validates it.
    await staff.goto(`${base}/app/proposals`);
    await staff.getByRole('link', { name: TITLE }).first().click();
    await staff.waitForURL(/\/app\/proposals\/[0-9a-f-]{36}$/);
    const proposalId = /[0-9a-f-]{36}$/.exec(staff.url())?.[0] ?? '';
    await staff.getByRole('heading', { name: TITLE }).waitFor();
    await expectAccessible(staff);
    await uploadOnScreen(staff, 'Kerangka Acuan Kerja (KAK)', 'kak-davao.pdf', await pdf('Kerangka acuan kerja kota kembar'));
    await staff.getByText('Semua dokumen wajib tahap ini sudah ada.').waitFor();
    await act(staff, 'Validasi', 'Dokumen persiapan lengkap.');
    await expectStage(staff, 'Pembahasan oleh TKKSD');

    // 4. Two TKKSD reviewers in one tier where all must approve.
    await staff.getByRole('tab', { name: 'TKKSD' }).click();
    for (const reviewer of REVIEWERS) {
      await staff.getByLabel('Peninjau tingkat 1').first().click();
      await staff.getByRole('option', { name: `${reviewer.name} (${reviewer.email})` }).click();
    }
    await staff.keyboard.press('Escape');
    expect(await staff.getByLabel('Aturan tingkat 1').first().inputValue()).toBe('Semua harus menyetujui');
    await staff.getByRole('button', { name: 'Tetapkan peninjau' }).click();
    await staff.getByText(/Peninjauan berjalan/).waitFor();
    // One after the other: two cold logins at once are slow on a busy machine.
    const first = await reviewerPage(REVIEWERS[0]!);
    const second = await reviewerPage(REVIEWERS[1]!);
    const revisionRequest = 'Mohon perbaiki KAK: jadwal pelatihan nelayan belum ada.';
    await decide(first, 'Minta perbaikan', revisionRequest);
    // The initiator reads the request on the private page and sends the revised KAK there
    // (a fresh load: the page drops the token from its address, so the link would only change the hash).
    await initiator.goto('about:blank');
    await initiator.goto(trackLink);
    await initiator.getByRole('heading', { name: 'Permintaan Bagian Kerja Sama' }).waitFor();
    await initiator.getByText(revisionRequest, { exact: false }).waitFor();
    await initiator.locator('#docType').selectOption('kak');
    await initiator.locator('#file').setInputFiles({ name: 'kak-davao-revisi.pdf', mimeType: 'application/pdf', buffer: await pdf('Kerangka acuan kerja revisi dengan jadwal pelatihan') });
    await initiator.getByRole('button', { name: 'Unggah' }).click();
    await initiator.getByText('Dokumen diterima: kak-davao-revisi.pdf').waitFor();
    await initiator.getByText(/versi 2: kak-davao-revisi\.pdf/).waitFor();
    await expectAccessible(initiator);
    // The division resumes the proposal where it was and files the minutes of the discussion.
    await staff.reload();
    await staff.getByRole('heading', { name: TITLE }).waitFor();
    await act(staff, 'Lanjutkan');
    await uploadOnScreen(staff, 'Berita acara', 'berita-acara-tkksd.pdf', await pdf('Berita acara pembahasan TKKSD'));
    await decide(first, 'Setuju', 'Revisi KAK sudah sesuai.');
    await decide(second, 'Setuju');
    await staff.reload();
    await expectStage(staff, 'Penawaran dan tanggapan');

    // 5. The offer and the reply, then the KB draft.
    await uploadOnScreen(staff, 'Surat tanggapan', 'surat-tanggapan-davao.pdf', await pdf('Surat tanggapan Kota Davao'));
    await act(staff, 'Selesaikan tahap');
    await expectStage(staff, 'Penyusunan Kesepakatan Bersama');
    const docx = await downloadDraft(staff, 'Unduh rancangan KB');
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const documentXml = await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string');
    expect(documentXml).toContain(TITLE);
    await uploadOnScreen(staff, 'Rancangan Kesepakatan Bersama', 'rancangan-kb.pdf', await pdf('Rancangan Kesepakatan Bersama yang disepakati'));
    await act(staff, 'Selesaikan tahap');
    await expectStage(staff, 'Penandatanganan Kesepakatan Bersama');

    // 6. Signing the KB: schedule, post-signing check, the signed PDF, registration.
    const leadUnit = admin.master.units[0]!.name;
    const signKb = async (docType: 'kb' | 'pks', title: string, signedLabel: string, signedFile: string, signedText: string) => {
      // Scheduling and the post-signing check on the Penandatanganan tab.
      await staff.getByRole('tab', { name: 'Penandatanganan' }).click();
      await pick(staff, /^Naskah$/, docType === 'kb' ? 'Kesepakatan Bersama' : 'Perjanjian Kerja Sama');
      await staff.getByLabel(/^Tanggal/).first().fill(TODAY);
      await staff.getByLabel(/^Tempat/).first().fill('Kantor Wali Kota Ternate');
      await staff.getByRole('button', { name: 'Simpan jadwal' }).click();
      for (const check of ['Paraf di setiap halaman', 'Meterai', 'Cap di setiap rangkap']) {
        await staff.getByRole('checkbox', { name: check, disabled: false, checked: false }).click();
        await staff.getByRole('checkbox', { name: check, disabled: false, checked: true }).waitFor();
      }
      await uploadOnScreen(staff, signedLabel, signedFile, await pdf(signedText));
      const signing = (await staffApi<SigningView[]>('GET', `/proposals/${proposalId}/signings`)).find((candidate) => candidate.docType === docType);
      expect(signing?.check.complete).toBe(true);
      expect(signing?.blockers).toEqual([]);
      // Registration back on the Penandatanganan tab: the title in the register and, for a proposal from outside, its lead OPD.
      await staff.getByRole('tab', { name: 'Penandatanganan' }).click();
      await staff.getByLabel('Judul naskah di register').fill(title);
      await pick(staff, /^OPD pengampu naskah/, leadUnit);
      await staff.getByRole('button', { name: 'Daftarkan ke register' }).click();
      await staff.getByRole('link', { name: 'Buka kerja sama di register' }).nth(docType === 'kb' ? 0 : 1).waitFor();
      const registered = (await staffApi<SigningView[]>('GET', `/proposals/${proposalId}/signings`)).find((candidate) => candidate.docType === docType);
      const agreement = await staffApi<AgreementView>('GET', `/agreements/${registered!.agreementId!}`);
      const proposal = await staffApi<ProposalView>('GET', `/proposals/${proposalId}`);
      return { agreementId: agreement.id, parentId: agreement.parent?.id ?? null, proposalStageCode: proposal.stageCode, proposalState: proposal.state };
    };
    const kb = await signKb('kb', KB_TITLE, 'Kesepakatan Bersama (ditandatangani)', 'kb-ditandatangani.pdf', `Kesepakatan Bersama ditandatangani ${SIGNED_WORD}`);
    expect(kb.agreementId).toMatch(/^[0-9a-f-]{36}$/);
    expect(kb.proposalStageCode).toBe('penyusunan_pks');
    await staff.reload();
    await expectStage(staff, 'Penyusunan Perjanjian Kerja Sama');

    // 7. The PKS the same way, linked to the KB; the proposal is registered.
    expect((await downloadDraft(staff, 'Unduh rancangan PKS')).subarray(0, 2).toString('latin1')).toBe('PK');
    await uploadOnScreen(staff, 'Rancangan Perjanjian Kerja Sama', 'rancangan-pks.pdf', await pdf('Rancangan Perjanjian Kerja Sama pelatihan nelayan'));
    await act(staff, 'Selesaikan tahap');
    await expectStage(staff, 'Penandatanganan Perjanjian Kerja Sama');
    const pks = await signKb('pks', PKS_TITLE, 'Perjanjian Kerja Sama (ditandatangani)', 'pks-ditandatangani.pdf', 'Perjanjian Kerja Sama pelatihan nelayan ditandatangani');
    expect(pks.parentId).toBe(kb.agreementId);
    expect(pks.proposalState).toBe('terdaftar');
    const finished = await staffApi<ProposalView>('GET', `/proposals/${proposalId}`);
    expect(finished.state).toBe('terdaftar');
    await staff.reload();
    await staff.getByRole('heading', { name: TITLE }).waitFor();
    await expectAccessible(staff);
    await screenshot(staff, 'procedure-walk-registered');

    // 8. The registry lists both, search finds the KB by a word of its signed PDF, statistics count them.
    await staff.goto(`${base}/app/agreements?q=Davao`);
    await staff.getByText(KB_TITLE).first().waitFor();
    await staff.getByText(PKS_TITLE).first().waitFor();
    await staff.goto(`${base}/app/agreements?q=${SIGNED_WORD}`);
    await staff.getByText(KB_TITLE).first().waitFor();
    expect(await staff.getByText(PKS_TITLE).count()).toBe(0);
    expect(await yearCount(staff, base)).toBe(countBefore + 2);
  });
});
