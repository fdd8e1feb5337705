import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationBand, EvaluationSummary } from '../../src/shared/evaluation';
import type { RenewalView } from '../../src/shared/renewal';
import { startSmtpSink, type SmtpSink } from '../../src/server/modules/mail/smtp-sink.test-support';
import { apiClient, type ApiClient } from './support/api';
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { openMailedLink } from './support/mail';
import { startApp, type RunningApp } from './support/server';

const PARTNER_EMAIL = 'kerja.sama@bank-evaluasi.example';
const OPD_ACCOUNT = { email: 'evaluasi-opd@jalin.local', password: 'opd-evaluasi-rahasia-456' };
const TKKSD_ACCOUNT = { email: 'evaluasi-tkksd@jalin.local', password: 'tkksd-evaluasi-rahasia-456' };
// The brief's phone: OPD liaisons answer from the field.
const PHONE_390 = { width: 390, height: 844 };
const TITLE = 'Pembiayaan UMKM bersama PT Bank Evaluasi';

// The band the finished evaluation lands in: the OPD and the TKKSD answer 3 ("Baik"), the partner
// and the division 4 ("Sangat baik", the division with its evidence verified). Cukup: the OPD's
// "Kegiatan terlaksana" and the TKKSD's "Realisasi anggaran" need evidence the division verifies
// only on indicators it answers itself, so they count 1; and the computed indicators (decision 0018)
// score 0 for "rencana kegiatan" and "diseminasi diterima" (no plan, nothing disseminated), which
// lowers Simbiosis, while obligations, beneficiaries and reports have no data and are left out. Scoring decides the band and is still growing: when it moves
// the band, change this one line. What the screens say for each band is below it.
const EXPECTED_FINAL_BAND: EvaluationBand = 'cukup';

const ON_SCREEN: Record<EvaluationBand, { label: string; recommendation: string; health: RegExp }> = {
  efektif: { label: 'Efektif', recommendation: 'Lanjutkan; kerja sama layak diperpanjang.', health: /evaluasi terakhir: Efektif/ },
  cukup: { label: 'Cukup efektif', recommendation: 'Lanjutkan dengan perbaikan pada elemen yang lemah.', health: /evaluasi terakhir: Cukup efektif/ },
  kurang: { label: 'Kurang efektif', recommendation: 'Perlu rencana perbaikan sebelum diperpanjang.', health: /evaluasi terakhir lemah.*evaluasi terakhir: Kurang efektif/ },
  dorman: { label: 'Dorman', recommendation: 'Kerja sama tidak berjalan; pertimbangkan untuk diakhiri atau dibiarkan berakhir.', health: /evaluasi terakhir lemah.*evaluasi terakhir: Dorman/ },
};

// Chooses the step whose label starts with `score` in every question of an answer form.
async function answerAll(form: Locator, score: number): Promise<void> {
  const groups = form.getByRole('radiogroup');
  await groups.first().waitFor();
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) await groups.nth(index).getByRole('radio', { name: new RegExp(`^${String(score)} — `) }).check();
}

function answerForm(page: Page, respondent: string): Locator {
  return page.locator('form', { has: page.getByRole('heading', { name: `Jawaban sebagai ${respondent}` }) });
}

// The evaluation loop on screen, in the order the division's practice follows: the division opens
// the period and mails the partner its private link; the lead OPD's liaison finds the evaluation
// on its home screen and answers on a phone; the TKKSD answers its part; the partner answers on a
// phone through the mailed link without an account; the division sees every respondent side by
// side, answers, finalises, and the band and the agreement's health change. Renewal is refused
// while the partner's view is missing and recorded once the OPD and the partner have evaluated.
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
    const lead = api.master.units[0];
    if (!lead) throw new Error('no OPD in the master data');
    await api.request('POST', '/users', { email: OPD_ACCOUNT.email, name: 'PPKSD Evaluasi', role: 'opd', unitId: lead.id, password: OPD_ACCOUNT.password });
    await api.request('POST', '/users', { email: TKKSD_ACCOUNT.email, name: 'Anggota TKKSD Evaluasi', role: 'tkksd', unitId: null, password: TKKSD_ACCOUNT.password });
    const agreement = await api.createAgreement({ title: TITLE, leadUnitId: lead.id, partners: [{ name: 'PT Bank Evaluasi', categoryCode: 'swasta' }], signedOn: '2024-03-01', startsOn: '2024-03-01', endsOn: '2027-03-01' });
    agreementId = agreement.id;
    page = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    await login(page, running.baseUrl);
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
    await sink.close();
  });

  it('opens an evaluation period and mails the partner its link', async () => {
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
  });

  it('lets the lead OPD’s liaison find it on its home screen and answer it on a phone', async () => {
    const phone = await (await browser.newContext({ viewport: PHONE_390, isMobile: true, hasTouch: true, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    await login(phone, running.baseUrl, OPD_ACCOUNT);
    const waiting = phone.getByTestId('home-evaluation_to_answer');
    await waiting.getByText('2026-S2').waitFor();
    await expectNoHorizontalScroll(phone);
    await expectAccessible(phone);
    await screenshot(phone, 'evaluation-opd-home-phone');
    await waiting.getByRole('link', { name: TITLE }).click();

    // The task opens the evaluation tab on that evaluation, scrolled to the OPD's own form.
    const form = answerForm(phone, 'OPD pengampu');
    await form.getByTestId('answer-state').getByText('Anda belum menjawab.', { exact: false }).waitFor();
    expect(new URL(phone.url()).searchParams.get('tab')).toBe('evaluation');
    await expect.poll(() => form.evaluate((element) => element.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    // Only the division manages the evaluation and the partner's link.
    expect(await phone.getByRole('button', { name: 'Buka evaluasi' }).count()).toBe(0);
    expect(await phone.getByRole('button', { name: 'Tetapkan final' }).count()).toBe(0);
    expect(await phone.getByRole('textbox', { name: 'E-mail mitra' }).count()).toBe(0);

    // Saving with nothing chosen names each unanswered question and goes to the first.
    await form.getByRole('button', { name: 'Simpan jawaban' }).click();
    await form.getByText('Pilih satu nilai untuk pertanyaan ini.').first().waitFor();
    expect(await form.getByText('Pilih satu nilai untuk pertanyaan ini.').count()).toBe(await form.getByRole('radiogroup').count());
    await expect.poll(() => form.getByRole('radio').first().evaluate((radio) => radio === document.activeElement)).toBe(true);
    await answerAll(form, 3);
    await form.getByRole('textbox', { name: 'Catatan / bukti' }).first().fill('Rapat koordinasi bulanan dengan bank berjalan.');
    await form.getByRole('button', { name: 'Simpan jawaban' }).click();
    await phone.getByText('Jawaban disimpan.').waitFor();
    await form.getByTestId('answer-state').getByText(/^Disimpan oleh PPKSD Evaluasi pada /).waitFor();
    // A band from the OPD's answers alone, said to be provisional.
    await phone.getByText(/^Hasil sementara: dapat berubah/).waitFor();
    // The computed indicators beside it: provisional, no plan (0), and no data where nothing is due.
    const computed = phone.getByTestId('computed-indicators');
    await computed.getByText(/Sementara: dihitung ulang/).waitFor();
    await computed.getByRole('row', { name: /Ada rencana kegiatan.*0 rencana kegiatan/ }).waitFor();
    await computed.getByRole('row', { name: /Kewajiban para pihak.*tidak ada data/ }).waitFor();
    await phone.getByRole('row', { name: /2026-S2/ }).getByText('Terbuka').waitFor();
    await expectNoHorizontalScroll(phone);
    await expectAccessible(phone);
    await screenshot(phone, 'evaluation-opd-answered-phone');

    // Answered, the task leaves the OPD's home.
    await phone.goto(`${running.baseUrl}/app`);
    await waiting.getByText('Tidak ada evaluasi yang menunggu.').waitFor();
    await phone.context().close();
  });

  it('lets the TKKSD find it on its home screen and answer its part', async () => {
    const desk = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jayapura' })).newPage();
    await login(desk, running.baseUrl, TKKSD_ACCOUNT);
    await desk.getByTestId('home-evaluation_to_answer').getByRole('link', { name: TITLE }).click();
    const form = answerForm(desk, 'TKKSD');
    await answerAll(form, 3);
    await form.getByRole('button', { name: 'Simpan jawaban' }).click();
    await desk.getByText('Jawaban disimpan.').waitFor();
    await form.getByTestId('answer-state').getByText(/^Disimpan oleh Anggota TKKSD Evaluasi pada /).waitFor();
    // The OPD's answers stand beside the TKKSD's; the TKKSD cannot finalise.
    const scores = desk.getByRole('table').filter({ has: desk.getByRole('rowheader', { name: 'Simbiosis' }) });
    await scores.getByRole('columnheader', { name: 'OPD pengampu', exact: true }).waitFor();
    await scores.getByRole('columnheader', { name: 'TKKSD', exact: true }).waitFor();
    expect(await desk.getByRole('button', { name: 'Tetapkan final' }).count()).toBe(0);
    await expectAccessible(desk);
    await screenshot(desk, 'evaluation-tkksd-answered-desktop');
    await desk.context().close();
  });

  it('refuses an extension while the partner has not evaluated', async () => {
    await page.reload();
    const panel = page.getByTestId('renewal-panel');
    await panel.getByText(/OPD: \d/).waitFor();
    await panel.getByRole('radio', { name: 'Diperpanjang' }).check();
    await panel.getByRole('textbox', { name: 'Alasan', exact: true }).fill('Kredit UMKM berjalan baik dan mitra ingin melanjutkan.');
    await panel.getByRole('button', { name: 'Simpan keputusan' }).click();
    // The OPD answered on its phone; the partner has not: the server names what is missing.
    await panel.getByText(/Perpanjangan memerlukan evaluasi oleh OPD dan mitra .*belum ada: mitra/).waitFor();
    // The form offers the written override (the server tests record one); the division waits for the partner.
    await panel.getByRole('textbox', { name: /Alasan pengecualian/ }).waitFor();
    expect((await api.request<RenewalView>('GET', `/agreements/${agreementId}/renewal`)).decision).toBeNull();
  });

  it('takes the partner’s answers on a phone through the mailed link, without an account', async () => {
    const phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'id-ID' })).newPage();
    await openMailedLink(phone, sink, { subject: /Penilaian kerja sama 2026-S2/, to: PARTNER_EMAIL, link: /http:\/\/\S+\/penilaian#\S+/ });
    const questions = phone.locator('#eval-questions fieldset');
    await questions.first().waitFor();
    for (let index = 0; index < (await questions.count()); index += 1) await questions.nth(index).getByRole('radio').nth(4).check();
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
    await phone.getByText('Terima kasih. Penilaian Anda telah disimpan').waitFor();
    await phone.context().close();
  });

  it('shows every respondent side by side, takes the division’s answers, finalises, and the band and health change', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Lihat 2026-S2' }).click();
    await page.getByText(/Mitra menjawab pada/).waitFor();
    const answers = answerForm(page, 'Bagian Kerja Sama');
    await answerAll(answers, 4);
    for (const evidence of await answers.getByRole('checkbox', { name: 'Bukti telah diverifikasi' }).all()) await evidence.check();
    await answers.getByRole('button', { name: 'Simpan jawaban' }).click();
    await page.getByText('Jawaban disimpan.').waitFor();
    const scores = page.getByRole('table').filter({ has: page.getByRole('rowheader', { name: 'Simbiosis' }) });
    for (const respondent of ['OPD pengampu', 'TKKSD', 'Mitra', 'Bagian Kerja Sama', 'Selisih mitra − OPD']) await scores.getByRole('columnheader', { name: respondent, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Tetapkan final' }).click();
    await page.getByText('Evaluasi ditetapkan final.').waitFor();

    const view = (await api.request<EvaluationSummary[]>('GET', `/agreements/${agreementId}/evaluations`))[0];
    expect([...(view?.respondents ?? [])].sort()).toEqual(['admin', 'opd', 'partner', 'tkksd']);
    expect(view?.result.band).toBe(EXPECTED_FINAL_BAND);
    const expected = ON_SCREEN[EXPECTED_FINAL_BAND];
    await page.getByTestId('evaluation-band').getByText(expected.label, { exact: true }).first().waitFor();
    await page.getByText(expected.recommendation).first().waitFor();
    await page.getByTestId('agreement-health').getByText(expected.health).waitFor();
    expect(await page.getByRole('row', { name: /2026-S2.*Final/ }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/^Hasil sementara/).count()).toBe(0);
    await page.getByTestId('computed-indicators').getByText(/Dibekukan saat ditetapkan final/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'evaluation-final-desktop');
  });

  it('records the extension without an override once the OPD and the partner have evaluated', async () => {
    const panel = page.getByTestId('renewal-panel');
    await panel.getByText(/OPD: \d.*mitra: \d/).waitFor();
    await panel.getByRole('radio', { name: 'Diperpanjang' }).check();
    await panel.getByRole('textbox', { name: 'Alasan', exact: true }).fill('Kredit UMKM berjalan baik dan mitra ingin melanjutkan.');
    expect(await panel.getByRole('textbox', { name: /Alasan pengecualian/ }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Simpan keputusan' }).click();
    await panel.getByTestId('renewal-decision').waitFor();
    const renewal = await api.request<RenewalView>('GET', `/agreements/${agreementId}/renewal`);
    expect(renewal.decision).toMatchObject({ decision: 'extend', overrideReason: null });
    await expectAccessible(page);
    await screenshot(page, 'renewal-decided-desktop');
  });
});
