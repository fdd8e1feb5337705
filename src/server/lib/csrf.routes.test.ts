import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTextPdf, multipartBody } from '../../../tests/support/pdf-fixtures';
import { buildAgreement } from '../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { documents } from '../modules/documents/documents.table';
import { toCsv } from './sheet-files';

// The app answers at http://localhost:3000 (JALIN_PUBLIC_URL's default); an attacker's page runs on
// another port or subdomain of the same site, which SameSite cookies do not stop.
const OWN = { host: 'localhost:3000', origin: 'http://localhost:3000' };
const SAME_SITE_ATTACKER = 'http://localhost:4000';
const UUID = '00000000-0000-4000-8000-000000000000';

describe('cross-site request forgery guard', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  async function pendingImport(): Promise<string> {
    const csv = toCsv([{ nomor_pemda: `CSRF/${Date.now()}`, judul: 'Kesepakatan Bersama Uji Lintas Situs', jenis_dokumen: 'KB', jenis_kerja_sama: 'SINERGI', mitra: 'Mitra Uji', kategori_mitra: 'pemerintah_pusat', bidang: 'kominfo_statistik', opd: 'Dinas Uji', tanggal_ttd: '2022-05-10' }]);
    const body = multipartBody({ file: { fileName: 'register.csv', contentType: 'text/csv', content: csv } });
    const preview = await t.app.inject({ method: 'POST', url: '/api/imports', headers: { ...body.headers, ...OWN, cookie: admin }, payload: body.payload });
    expect(preview.statusCode).toBe(200);
    return String(preview.json().id);
  }

  it('refuses an empty text/plain form POST from another port that would confirm a pending import', async () => {
    const id = await pendingImport();
    for (const marks of [{ origin: SAME_SITE_ATTACKER }, { 'sec-fetch-site': 'same-site' }, { origin: SAME_SITE_ATTACKER, 'sec-fetch-site': 'same-site' }]) {
      const attack = await t.app.inject({ method: 'POST', url: `/api/imports/${id}/confirm`, headers: { host: OWN.host, cookie: admin, 'content-type': 'text/plain', ...marks }, payload: '' });
      expect(attack.statusCode).toBe(403);
      expect(attack.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/halaman lain/), messageEn: expect.stringMatching(/another page/) });
    }
    const run = await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: admin } });
    expect(run.json().status).toBe('preview');
    const own = await t.app.inject({ method: 'POST', url: `/api/imports/${id}/confirm`, headers: { ...OWN, cookie: admin, 'sec-fetch-site': 'same-origin' } });
    expect(own.statusCode).toBe(202);
  });

  it('refuses a no-cors multipart document upload from a sibling subdomain and stores nothing', async () => {
    const agreement = await buildAgreement(t.database.db);
    const body = multipartBody({ fields: { kind: 'naskah_ttd' }, file: { fileName: 'naskah.pdf', content: await makeTextPdf(['isi']) } });
    const attack = await t.app.inject({
      method: 'POST',
      url: `/api/agreements/${agreement.id}/documents`,
      headers: { ...body.headers, host: OWN.host, cookie: admin, origin: 'http://portal.localhost:3000', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' },
      payload: body.payload,
    });
    expect(attack.statusCode).toBe(403);
    const stored = async () => (await t.database.db.select({ n: count() }).from(documents).where(eq(documents.agreementId, agreement.id)))[0]?.n;
    expect(await stored()).toBe(0);
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/agreements/${agreement.id}/documents`,
      headers: { ...body.headers, ...OWN, cookie: admin, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' },
      payload: body.payload,
    });
    expect(own.statusCode).toBe(201);
    expect(await stored()).toBe(1);
  });

  it('accepts the configured public origin and the address the request was sent to', async () => {
    const viaPublic = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { host: '10.0.0.5:3000', origin: OWN.origin, cookie: admin } });
    expect(viaPublic.statusCode).toBe(200);
    const viaHost = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { host: '10.0.0.5:3000', origin: 'http://10.0.0.5:3000', cookie: admin } });
    expect(viaHost.statusCode).toBe(200);
    const sandboxed = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { ...OWN, origin: 'null', cookie: admin } });
    expect(sandboxed.statusCode).toBe(403);
  });

  it('lets the portal proposal form post from its own page, and refuses it from another site', async () => {
    const form = 'name=Uji';
    const own = await t.app.inject({ method: 'POST', url: '/usulan', headers: { ...OWN, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' }, payload: form });
    expect(own.statusCode).not.toBe(403);
    const foreign = await t.app.inject({ method: 'POST', url: '/usulan', headers: { host: OWN.host, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' }, payload: form });
    expect(foreign.statusCode).toBe(403);
  });

  it('refuses a cross-site or same-site request carrying a session cookie on every state-changing route', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(spec.paths).flatMap(([route, methods]) =>
      Object.keys(methods)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method: method.toUpperCase() as 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: route.replace(/\{[^}]+\}/g, UUID) })),
    );
    expect(routes.filter((route) => route.url.startsWith('/api/')).length).toBeGreaterThan(50);
    expect(routes).toContainEqual({ method: 'POST', url: `/api/imports/${UUID}/confirm` });
    const variants = [{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: SAME_SITE_ATTACKER }];
    const allowed: string[] = [];
    for (const route of routes) {
      for (const marks of variants) {
        const response = await t.app.inject({ ...route, headers: { host: OWN.host, cookie: admin, 'content-type': 'text/plain', ...marks }, payload: '' });
        if (response.statusCode !== 403) allowed.push(`${route.method} ${route.url} ${JSON.stringify(marks)} → ${String(response.statusCode)}`);
      }
    }
    expect(allowed).toEqual([]);
  });
});
