import * as OTPAuth from 'otpauth';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, login } from './support/browser';
import { startApp, type RunningApp } from './support/server';

// axe-core needs a page from an explicit browser context.
async function openPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'id-ID' });
  return context.newPage();
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

// What the person's authenticator app shows at a moment.
function authenticatorCode(secret: string, at: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at });
}

async function sessionCookie(page: Page): Promise<string> {
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

async function choose(scope: Locator, label: string, option: string, typed?: string) {
  // The label's text ends in the required-field asterisk.
  const input = scope.getByLabel(new RegExp(`^${label}\\b`));
  await input.click();
  if (typed) await input.fill(typed);
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

describe('administration screens', () => {
  let running: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp({ JALIN_DEMO: '0' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('creates an OPD user, refusing it first without an OPD, and lists it', async () => {
    const page = await openPage(browser);
    // The password estimator's word lists are loaded by the password forms only, never at sign-in.
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await login(page, running.baseUrl);
    expect(scripts.filter((url) => url.includes('password-strength'))).toEqual([]);
    await page.goto(`${running.baseUrl}/app/admin/users`);
    await page.getByRole('table', { name: 'Daftar pengguna' }).getByText('admin@jalin.local').waitFor();
    await shoot(page, 'admin-users-desktop');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
    await dialog.getByLabel('Nama lengkap').fill('Nurlaila Umar');
    await dialog.getByLabel('E-mail').fill('nurlaila.umar@ternatekota.go.id');
    // The same verdict as the server's, while typing: her own name is no password.
    await dialog.getByLabel('Kata sandi awal').fill('nurlailaumar1');
    await dialog.getByText(/Kata sandi terlalu lemah.*data akun ini sendiri/).waitFor();
    await dialog.getByRole('button', { name: 'Buat sandi' }).click();
    await dialog.getByText('Kata sandi cukup kuat.').waitFor();
    await dialog.getByRole('button', { name: 'Buat akun' }).click();
    // The role is Perangkat Daerah by default, and such a user needs an OPD.
    await dialog.getByText('Pengguna Perangkat Daerah harus terikat pada satu OPD.').waitFor();
    await shoot(page, 'admin-user-form-desktop');
    await expectAccessible(page);

    await choose(dialog, 'OPD', 'Dinas Koperasi dan UKM', 'Koperasi');
    await dialog.getByRole('button', { name: 'Buat akun' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'Daftar pengguna' }).getByRole('row').filter({ hasText: 'nurlaila.umar@ternatekota.go.id' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Nurlaila Umar[\s\S]*Perangkat Daerah[\s\S]*Dinas Koperasi dan UKM[\s\S]*Aktif/i);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(400);
    await shoot(page, 'admin-users-phone');
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows "reload" when someone else saved the user first, then saves on the fresh version', async () => {
    const page = await openPage(browser);
    await login(page, running.baseUrl);
    const created = await page.request.post(`${running.baseUrl}/api/users`, {
      data: { name: 'Siti Rahmawati', email: 'siti.stale@ternatekota.go.id', role: 'pimpinan', password: 'rahasia-awal-123' },
    });
    expect(created.status()).toBe(201);
    const siti = (await created.json()) as { id: string; version: number };
    await page.goto(`${running.baseUrl}/app/admin/users`);
    const table = page.getByRole('table', { name: 'Daftar pengguna' });
    await table.getByText('siti.stale@ternatekota.go.id').waitFor();
    await table.getByRole('row').filter({ hasText: 'siti.stale@ternatekota.go.id' }).getByRole('button', { name: 'Ubah pengguna Siti Rahmawati' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama lengkap').fill('Siti Rahmawati, S.E.');

    // Another admin renames her in the meantime.
    const patched = await page.request.patch(`${running.baseUrl}/api/users/${siti.id}`, { data: { name: 'Siti R.', version: siti.version } });
    expect(patched.status()).toBe(200);

    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('Data sudah diubah orang lain').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Muat ulang data' }).click();
    await expect.poll(() => dialog.getByLabel('Nama lengkap').inputValue()).toBe('Siti R.');
    await dialog.getByLabel('Nama lengkap').fill('Siti Rahmawati, S.E.');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await table.getByText('Siti Rahmawati, S.E.').waitFor();
    await page.context().close();
  });

  it('lets a user change her own password from her account page, signing out her other device', async () => {
    const admin = await openPage(browser);
    await login(admin, running.baseUrl);
    const account = { email: 'rina.akun@ternatekota.go.id', password: 'rahasia-awal-456' };
    expect((await admin.request.post(`${running.baseUrl}/api/users`, { data: { name: 'Rina Lestari', role: 'pimpinan', ...account } })).status()).toBe(201);
    const laptop = await openPage(browser);
    await login(laptop, running.baseUrl, account);
    const page = await openPage(browser, 375);
    await login(page, running.baseUrl, account);

    await page.getByRole('button', { name: /Menu pengguna/ }).click();
    await page.getByRole('menuitem', { name: 'Akun saya' }).click();
    await page.getByRole('heading', { name: 'Akun saya', level: 1 }).waitFor();
    await page.getByText('rina.akun@ternatekota.go.id', { exact: true }).waitFor();
    await page.getByLabel('Kata sandi saat ini').fill('bukan-sandi-lama-1');
    await page.getByLabel(/^Kata sandi baru/).fill('rinalestari1');
    // The same verdict as the server's, while typing: her own name is no password.
    await page.getByText(/terlalu lemah/i).waitFor();
    await page.getByLabel(/^Kata sandi baru/).fill('layar-cengkih-batu-angus-7');
    await page.getByLabel('Ulangi kata sandi baru').fill('layar-cengkih-batu-angus-7');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByText('Kata sandi saat ini salah.').waitFor();
    await expectAccessible(page);
    await shoot(page, 'account-phone');

    await page.getByLabel('Kata sandi saat ini').fill(account.password);
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByText('Kata sandi diganti. 1 perangkat lain telah dikeluarkan.').waitFor();
    // This device stays signed in; the laptop is sent to the sign-in page at its next request.
    await page.reload();
    await page.getByRole('heading', { name: 'Akun saya', level: 1 }).waitFor();
    await laptop.goto(`${running.baseUrl}/app/agreements`);
    await laptop.waitForURL(/\/app\/login$/);
    await login(laptop, running.baseUrl, { ...account, password: 'layar-cengkih-batu-angus-7' });

    // Two-step sign-in: turned on from the phone with the app's first code; the next sign-in asks
    // for a code after the password.
    await page.getByLabel('Kata sandi akun Anda').fill('layar-cengkih-batu-angus-7');
    await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
    const secret = await page.locator('code').innerText();
    await page.locator('.mantine-PinInput-input').first().click();
    await page.keyboard.type(authenticatorCode(secret, Date.now()));
    await page.getByRole('button', { name: 'Periksa kode dan aktifkan' }).click();
    await page.getByText(/^Aktif sejak/).waitFor();
    await expectAccessible(page);
    const office = await openPage(browser);
    await office.goto(`${running.baseUrl}/app/login`);
    await office.getByLabel(/e-mail/i).fill(account.email);
    await office.getByLabel(/kata sandi/i).fill('layar-cengkih-batu-angus-7');
    await office.getByRole('button', { name: /masuk/i }).click();
    // A code is used once: the office takes the app's next one (one step ahead is accepted).
    await office.getByLabel('Kode autentikator').fill(authenticatorCode(secret, Date.now() + 30_000));
    await office.getByRole('button', { name: /masuk/i }).click();
    await office.waitForURL((url) => !url.pathname.endsWith('/login'));
    await Promise.all([admin.context().close(), laptop.context().close(), page.context().close(), office.context().close()]);
  });

  it('adds a sector after rejecting a code the shared schema refuses, and saves a setting', async () => {
    const page = await openPage(browser);
    await login(page, running.baseUrl);
    await page.goto(`${running.baseUrl}/app/admin/master?tab=sectors`);
    await page.getByRole('table', { name: 'Bidang' }).getByText('umkm_koperasi').waitFor();
    await shoot(page, 'admin-master-desktop');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Tambah bidang' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah bidang' });
    await dialog.getByLabel('Kode').fill('Ekonomi Kreatif');
    await dialog.getByLabel('Nama bidang').fill('Ekonomi Kreatif');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('kode: huruf kecil, angka dan garis bawah').waitFor();
    await dialog.getByLabel('Kode').fill('ekonomi_kreatif');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Bidang' }).getByText('ekonomi_kreatif').waitFor();

    // Merging OPDs asks which OPD receives everything and says it cannot be undone.
    await page.goto(`${running.baseUrl}/app/admin/master?tab=units`);
    await page.getByRole('button', { name: 'Gabungkan: Dinas Pariwisata' }).click();
    const merge = page.getByRole('dialog', { name: 'Gabungkan OPD Dinas Pariwisata' });
    await merge.getByText('Penggabungan tidak dapat dibatalkan.').waitFor();
    expect(await merge.getByRole('button', { name: 'Gabungkan' }).isDisabled()).toBe(true);
    await shoot(page, 'admin-master-merge-desktop');
    await expectAccessible(page);
    await merge.getByRole('button', { name: 'Batal' }).click();
    await merge.waitFor({ state: 'detached' });

    await page.goto(`${running.baseUrl}/app/admin/settings`);
    const days = page.getByLabel('Peringatan akan berakhir');
    await expect.poll(() => days.inputValue()).toBe('180 hari');
    await shoot(page, 'admin-settings-desktop');
    await expectAccessible(page);
    await days.fill('90');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Pengaturan disimpan.').waitFor();
    const saved = (await (await page.request.get(`${running.baseUrl}/api/settings`)).json()) as { expiryWarningDays: number };
    expect(saved.expiryWarningDays).toBe(90);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${running.baseUrl}/app/admin/master`);
    // On a phone the rows are cards in a list, not a table.
    await page.getByRole('list', { name: 'OPD' }).getByText('Dinas Koperasi dan UKM').waitFor();
    await shoot(page, 'admin-master-phone');
    await expectAccessible(page);
    await page.context().close();
  });

  it('changes a stage of the KSDPK procedure, which the public guide then shows, and refuses a PKS template without its required sections', async () => {
    const page = await openPage(browser);
    await login(page, running.baseUrl);
    await page.goto(`${running.baseUrl}/app/admin/procedures`);
    await page.getByText('KSDPK', { exact: true }).click();
    const second = page.getByRole('listitem', { name: /^Tahap 2:/ });
    // The TKKSD review finds this stage by its code, so the screen does not let the code change.
    expect(await second.getByLabel(/^Kode/).isEditable()).toBe(false);
    await second.getByLabel(/^Nama tahap/).fill('Pembahasan bersama TKKSD');
    await second.getByLabel(/^Target \(hari\)/).fill('21');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Prosedur KSDPK tersimpan.').waitFor();
    await expectAccessible(page);
    // The guide the public reads comes from the same rows.
    const guide = await (await fetch(`${running.baseUrl}/usulan/panduan/KSDPK`)).text();
    expect(guide).toContain('Pembahasan bersama TKKSD');

    await page.goto(`${running.baseUrl}/app/admin/draft-templates`);
    await page.getByText('PKS', { exact: true }).click();
    await page.getByRole('textbox', { name: /^Judul bagian/ }).first().waitFor();
    // Remove every section that names sanctions: PP 28/2018 Ps 19(2) makes the save fail and say so.
    let removed = 0;
    for (;;) {
      const headings = page.getByRole('textbox', { name: /^Judul bagian/ });
      const values = await headings.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      const at = values.findIndex((value) => /sanksi/i.test(value));
      if (at < 0) break;
      removed += 1;
      await page.getByRole('button', { name: `Hapus bagian ${String(at + 1)}` }).click();
    }
    expect(removed).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: /sanksi/i }).waitFor();
    await expectAccessible(page);
    const template = await (await fetch(`${running.baseUrl}/api/draft-templates/pks`, { headers: { cookie: await sessionCookie(page) } })).json() as { version: number };
    expect(template.version).toBe(1);
    await page.context().close();
  });
});

