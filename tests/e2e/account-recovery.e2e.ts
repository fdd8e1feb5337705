import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../src/server/modules/mail/smtp-sink.test-support';
import { apiClient } from './support/api';
import { DESKTOP, expectAccessible, launchBrowser, login, PHONE, screenshot } from './support/browser';
import { openMailedLink } from './support/mail';
import { startApp, type RunningApp } from './support/server';

const PERSON = { email: 'sarifa.hamid@ternatekota.go.id', name: 'Sarifa Hamid', password: 'cengkih-pala-kayumanis-42' };
const RESET_PASSWORD = 'perahu-kora-kora-tidore-83';
const CHANGED_PASSWORD = 'benteng-oranje-gamalama-57';

describe('a forgotten password', () => {
  let running: RunningApp;
  let sink: SmtpSink;
  let browser: Browser;
  beforeAll(async () => {
    sink = await startSmtpSink();
    [running, browser] = await Promise.all([startApp({ SMTP_URL: sink.url, JALIN_DEMO: '0' }), launchBrowser()]);
    const admin = await apiClient(running.baseUrl);
    await admin.request('POST', '/users', { email: PERSON.email, name: PERSON.name, role: 'tkksd', password: PERSON.password });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await sink?.close();
  });

  it('is reset through the mailed link; the person signs in, changes it on "Akun saya", and the old sessions end', async () => {
    // The office computer, signed in before the password was forgotten on the phone.
    const office = await (await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' })).newPage();
    await login(office, running.baseUrl, PERSON);

    const phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'id-ID' })).newPage();
    await phone.goto(`${running.baseUrl}/app/login`);
    await phone.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await phone.getByLabel(/^E-mail/).fill(PERSON.email);
    await phone.getByRole('button', { name: 'Kirim tautan' }).click();
    await phone.getByRole('status').getByText(/tautan untuk membuat kata sandi baru sudah dikirim/).waitFor();
    await expectAccessible(phone);

    await openMailedLink(phone, sink, { subject: /Atur ulang kata sandi Jalin/, to: PERSON.email, link: /http:\/\/\S+\/app\/password\/set#\S+/ });
    await phone.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
    // The token left the address bar once read.
    expect(new URL(phone.url()).hash).toBe('');
    await phone.getByLabel(/^Kata sandi baru/).fill(RESET_PASSWORD);
    await phone.getByLabel(/^Ulangi kata sandi baru/).fill(RESET_PASSWORD);
    await phone.getByText('Kata sandi cukup kuat.').waitFor();
    await screenshot(phone, 'password-set-phone');
    await expectAccessible(phone);
    await phone.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await phone.getByText(/Kata sandi tersimpan/).waitFor();
    // The office computer's session ended with the reset: it is sent back to sign in.
    await office.reload();
    await office.getByRole('heading', { name: 'Masuk ke akun Anda' }).waitFor();

    await login(phone, running.baseUrl, { email: PERSON.email, password: RESET_PASSWORD });
    await phone.goto(`${running.baseUrl}/app/account`);
    await phone.getByLabel(/^Kata sandi saat ini/).fill(RESET_PASSWORD);
    await phone.getByLabel(/^Kata sandi baru/).fill(CHANGED_PASSWORD);
    await phone.getByLabel(/^Ulangi kata sandi baru/).fill(CHANGED_PASSWORD);
    await phone.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await phone.getByText(/Kata sandi diganti/).waitFor();

    await login(office, running.baseUrl, { email: PERSON.email, password: CHANGED_PASSWORD });
    expect(new URL(office.url()).pathname).not.toMatch(/login/);
  });
});
