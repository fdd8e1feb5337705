import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationView } from '../../src/shared/evaluation';
import type { RenewalView } from '../../src/shared/renewal';
import { startSmtpSink, type SmtpSink } from '../../src/server/modules/mail/smtp-sink.test-support';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { openMailedLink } from './support/mail';
import { startApp, type RunningApp } from './support/server';

const PARTNER_EMAIL = 'kerja.sama@bank-evaluasi.example';

// The division evaluates an agreement on screen: opens the period, mails the partner its private
// link, the partner answers on a phone without an account, the division answers and finalises, and
// the band shows; then it records the renewal, which needs an override reason without the OPD's view.
describe('evaluation and renewal on the agreement page', () => {
  let running: RunningApp;
  let sink: SmtpSink;
  let browser: Browser;
  let api: ApiClient;
  let page: Page;
  let agreementId: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    [running, browser] = await Promise.all([startApp({ SMTP_URL: sink.url }), launchBrowser()]);
    api = await apiClient(running.baseUrl);
    const agreement = await api.createAgreement({ title: 'Pembiayaan UMKM bersama PT Bank Evaluasi', partners: [{ name: 'PT Bank Evaluasi', categoryCode: 'swasta' }], signedOn: '2024-03-01', startsOn: '2024-03-01', endsOn: '2027-03-01' });
    agreementId = agreement.id;
    page = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    await login(page, running.baseUrl);
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
    await sink.close();
  });

  it('opens an evaluation, gets the partner’s answers through the mailed link, answers, finalises and shows the band', async () => {
    await page.goto(`${running.baseUrl}/app/agreements/${agreementId}`);
    // Health before: signed in 2024 with no activity plan, so dormant; never evaluated.
    const health = page.getByTestId('agreement-health');
    await health.getByText('Dorman', { exact: true }).waitFor();
    await health.getByText(/belum didiseminasikan/).waitFor();
    expect(await health.getByText(/evaluasi terakhir/).count()).toBe(0);
    await page.getByRole('tab', { name: 'Evaluasi' }).click();
    await page.getByRole('textbox', { name: /Periode/ }).fill('2026-S2');
    await page.getByRole('button', { name: 'Buka evaluasi' }).click();
    await page.getByRole('button', { name: 'Lihat 2026-S2' }).click();
    await page.getByRole('textbox', { name: 'E-mail mitra' }).fill(PARTNER_EMAIL);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByText(new RegExp(`^Dikirim ke ${PARTNER_EMAIL.replaceAll('.', '\\.')} pada`)).waitFor();

    const phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'id-ID' })).newPage();
    await openMailedLink(phone, sink, { subject: /Penilaian kerja sama 2026-S2/, to: PARTNER_EMAIL, link: /http:\/\/\S+\/penilaian#\S+/ });
    const questions = phone.locator('#eval-questions fieldset');
    await questions.first().waitFor();
    for (let index = 0; index < (await questions.count()); index += 1) await questions.nth(index).getByRole('radio').nth(4).check();
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
    await phone.getByText('Terima kasih. Penilaian Anda telah disimpan').waitFor();

    await page.reload();
    await page.getByRole('tab', { name: 'Evaluasi' }).click();
    await page.getByRole('button', { name: 'Lihat 2026-S2' }).click();
    await page.getByText(/Mitra menjawab pada/).waitFor();
    const answers = page.locator('form', { has: page.getByRole('heading', { name: 'Jawaban sebagai Bagian Kerja Sama' }) });
    const groups = answers.getByRole('radiogroup');
    await groups.first().waitFor();
    for (let index = 0; index < (await groups.count()); index += 1) await groups.nth(index).getByRole('radio', { name: /^4 — / }).check();
    await answers.getByRole('button', { name: 'Simpan jawaban' }).click();
    await page.getByText('Jawaban disimpan.').waitFor();
    await page.getByRole('button', { name: 'Tetapkan final' }).click();
    await page.getByText('Evaluasi ditetapkan final.').waitFor();
    const view = (await api.request<EvaluationView[]>('GET', `/agreements/${agreementId}/evaluations`))[0];
    // Only the partner and the division answered: the indicators the OPD and the TKKSD answer count
    // for nothing yet, and the band says so.
    expect(view?.result.band).toBe('kurang');
    await page.getByText('Perlu rencana perbaikan sebelum diperpanjang.').first().waitFor();
    // The agreement's health now names the weak evaluation and its band.
    await health.getByText(/evaluasi terakhir lemah.*evaluasi terakhir: Kurang efektif/).waitFor();
    expect(await page.getByRole('row', { name: /2026-S2.*Final/ }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'evaluation-final-desktop');
  }, 120_000);

  it('refuses an extension without the OPD’s evaluation until an override reason is written', async () => {
    const panel = page.getByTestId('renewal-panel');
    await panel.getByRole('radio', { name: 'Diperpanjang' }).check();
    await panel.getByRole('textbox', { name: 'Alasan', exact: true }).fill('Kredit UMKM berjalan baik dan mitra ingin melanjutkan.');
    await panel.getByRole('button', { name: 'Simpan keputusan' }).click();
    // The partner answered through its link; the OPD has not: the server names what is missing.
    await panel.getByText(/Perpanjangan memerlukan evaluasi oleh OPD dan mitra .*belum ada: OPD/).waitFor();
    expect((await api.request<RenewalView>('GET', `/agreements/${agreementId}/renewal`)).decision).toBeNull();
    const override = panel.getByRole('textbox', { name: /Alasan pengecualian/ });
    await override.fill('OPD sedang menyusun evaluasinya; keputusan perlu sebelum penyaluran tahap berikutnya.');
    await panel.getByRole('button', { name: 'Simpan keputusan' }).click();
    await panel.getByTestId('renewal-decision').waitFor();
    const renewal = await api.request<RenewalView>('GET', `/agreements/${agreementId}/renewal`);
    expect(renewal.decision).toMatchObject({ decision: 'extend', overrideReason: 'OPD sedang menyusun evaluasinya; keputusan perlu sebelum penyaluran tahap berikutnya.' });
    await expectAccessible(page);
    await screenshot(page, 'renewal-decided-desktop');
  }, 60_000);
});
