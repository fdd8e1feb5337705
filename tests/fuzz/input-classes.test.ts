import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTextPdf, multipartBody } from '../support/pdf-fixtures';
import { buildAgreement, buildPartner } from '../support/registry-builders';
import { createTestApp, type TestApp } from '../support/test-app';

// The five kinds of input that once ended in a 500: each is refused with a 400 that names the field.
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.loginAs('admin')).cookie;
});
afterAll(async () => {
  await t.close();
});

type Reply = { statusCode: number; json: () => { error: { code: string; message: string; messageEn: string; field?: string } } };

function expectRefused(response: Reply, field?: string) {
  expect(response.statusCode, JSON.stringify(response.json())).toBe(400);
  const { error } = response.json();
  expect(error.code).toBe('VALIDATION');
  expect(error.message).not.toMatch(/select|insert|update|postgres|relation/i);
  expect(error.messageEn).not.toMatch(/select|insert|update|postgres|relation/i);
  if (field) expect(error.field).toBe(field);
}

const someId = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('a. an impossible date', () => {
  it('answers an anonymous caller 401 for a date that is not a date, never a 500', async () => {
    // The route gate (lib/access.ts) asks who is calling before the body is validated.
    const response = await t.app.inject({ method: 'POST', url: `/api/agreements/${someId}/dissemination-events`, payload: { heldOn: 'x' } });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a date that is not a date with a 400 naming the field', async () => {
    const response = await t.app.inject({ method: 'POST', url: `/api/agreements/${someId}/dissemination-events`, headers: { cookie: admin }, payload: { heldOn: 'x' } });
    expectRefused(response, 'heldOn');
  });
});

describe('b. a NUL character', () => {
  it('refuses a NUL in the e-mail of a login', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a\u0000@b.id', password: 'x' } });
    expectRefused(response, 'email');
  });

  it('refuses a NUL in a query string', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/partners?q=a%00b', headers: { cookie: admin } });
    expectRefused(response, 'q');
  });

  it('refuses a NUL in a path parameter', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: '/api/sectors/a%00b', headers: { cookie: admin }, payload: { version: 1 } });
    expectRefused(response, 'code');
  });

  it('refuses a NUL in the public proposal form with the form page naming the field', async () => {
    const form = new URLSearchParams({
      institution: 'Yayasan Bahari Hiri', contactName: 'Rahmawati Umar', email: 'rahma@yayasan.example', kind: 'KSDPK', title: 'Wisata bahari Pulau Hiri',
      'partner-0-name': 'Yayasan Bahari Hiri', sectorCodes: 'pendidikan',
      latarBelakang: 'Potensi wisata\u0000 bahari belum dikelola.', maksudTujuan: 'Mengembangkan paket wisata bersama warga.', ruangLingkup: 'Pelatihan pemandu dan perahu wisata.', manfaat: 'Pendapatan warga meningkat setiap tahun.', website: '',
    });
    const response = await t.app.inject({ method: 'POST', url: '/usulan', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('latarBelakang');
    expect(response.body).toContain('NUL');
  });
});

describe('c. a lone surrogate', () => {
  it('refuses half of a surrogate pair in a partner name and keeps the partner as it was', async () => {
    const partner = await buildPartner(t.database.db);
    const response = await t.app.inject({ method: 'PATCH', url: `/api/partners/${partner.id}`, headers: { cookie: admin }, payload: { name: 'Mitra \ud800', version: partner.version } });
    expectRefused(response, 'name');
    const after = await t.app.inject({ method: 'GET', url: `/api/partners/${partner.id}`, headers: { cookie: admin } });
    expect(after.json()).toMatchObject({ name: partner.name, version: partner.version });
  });
});

describe('d. an integer beyond a PostgreSQL integer', () => {
  it('refuses a version of 2^31', async () => {
    const partner = await buildPartner(t.database.db);
    const response = await t.app.inject({ method: 'PATCH', url: `/api/partners/${partner.id}`, headers: { cookie: admin }, payload: { name: 'Mitra Baru', version: 2147483648 } });
    expectRefused(response, 'version');
  });
});

describe('e. a broken multipart body', () => {
  async function brokenUpload() {
    const { payload, headers } = multipartBody({ fields: { kind: 'naskah' }, file: { fileName: 'a.pdf', content: await makeTextPdf(['isi']) } });
    return { payload: payload.subarray(0, payload.length - 60), headers };
  }

  it('refuses a truncated upload of an agreement document', async () => {
    const agreement = await buildAgreement(t.database.db);
    const { payload, headers } = await brokenUpload();
    const response = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreement.id}/documents`, headers: { ...headers, cookie: admin }, payload });
    expectRefused(response);
  });

  it('refuses a truncated import file', async () => {
    const { payload, headers } = await brokenUpload();
    const response = await t.app.inject({ method: 'POST', url: '/api/imports', headers: { ...headers, cookie: admin }, payload });
    expectRefused(response);
  });

  it('refuses a multipart body without its boundary', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/imports', headers: { 'content-type': 'multipart/form-data', cookie: admin }, payload: 'garbage' });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});
