import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationView } from '../../src/shared/evaluation';
import { startSmtpSink, type SmtpSink } from '../../src/server/modules/mail/smtp-sink.test-support';
import { apiClient, type ApiClient } from './support/api';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, PHONE, screenshot } from './support/browser';
import { openMailedLink } from './support/mail';
import { startApp, type RunningApp } from './support/server';

const EMAIL = 'humas@mitra-evaluasi.example';

describe('the partner answers its evaluation through the mailed private link', () => {
  let running: RunningApp;
  let sink: SmtpSink;
  let browser: Browser;
  let phone: Page;
  let api: ApiClient;
  let evaluation: EvaluationView;

  beforeAll(async () => {
    sink = await startSmtpSink();
    [running, browser] = await Promise.all([startApp({ SMTP_URL: sink.url }), launchBrowser()]);
    api = await apiClient(running.baseUrl);
    phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'id-ID' })).newPage();
    const agreement = await api.createAgreement({ title: 'Pelatihan UMKM bersama PT Mitra Evaluasi', partners: [{ name: 'PT Mitra Evaluasi', categoryCode: 'swasta' }] });
    evaluation = await api.request<EvaluationView>('POST', `/agreements/${agreement.id}/evaluations`, { period: '2026-S1' });
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
    await sink.close();
  });

  it('shows the questions with the scale meanings at phone width, takes the answers and says so', async () => {
    await api.request('POST', `/evaluations/${evaluation.id}/partner-link`, { email: EMAIL });
    const link = await openMailedLink(phone, sink, { subject: /Penilaian kerja sama 2026-S1/, to: EMAIL, link: /http:\/\/\S+\/penilaian#\S+/ });
    await phone.getByText('Pelatihan UMKM bersama PT Mitra Evaluasi').waitFor();
    const groups = phone.locator('#eval-questions fieldset');
    const count = await groups.count();
    expect(count).toBeGreaterThan(0);
    await expectAccessible(phone);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'partner-evaluation-phone');
    // Sending with a question unanswered is stopped in the page.
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
    await phone.getByText('Pilih satu nilai untuk setiap pertanyaan.').waitFor();
    for (let index = 0; index < count; index += 1) await groups.nth(index).getByRole('radio').nth(3).check();
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
    await phone.getByText('Terima kasih. Penilaian Anda telah disimpan').waitFor();
    await expectAccessible(phone);
    await screenshot(phone, 'partner-evaluation-sent');
    const view = await api.request<EvaluationView>('GET', `/evaluations/${evaluation.id}`);
    expect(view.responses.find((response) => response.respondent === 'partner')?.answers.every((answer) => answer.score === 3)).toBe(true);
    // English on request, the earlier answers kept.
    await phone.reload();
    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByRole('button', { name: 'Send evaluation' }).waitFor();
    expect(await groups.nth(0).getByRole('radio').nth(3).isChecked()).toBe(true);
    // Revoked: the same address now says so and offers no form.
    await api.request('DELETE', `/evaluations/${evaluation.id}/partner-link`);
    await phone.goto(link);
    await phone.reload();
    await phone.getByText('Tautan penilaian ini telah dicabut').waitFor();
    expect(await phone.locator('#eval-form').isHidden()).toBe(true);
    await expectAccessible(phone);
    await screenshot(phone, 'partner-evaluation-revoked');
  }, 120_000);
});
