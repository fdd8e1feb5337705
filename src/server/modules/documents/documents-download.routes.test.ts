import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTextPdf, multipartBody } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { startS3Server } from '../../lib/s3-server.test-support';

// A signed document uploaded through the app and downloaded whole and in parts (a PDF viewer or a
// resumed download asks for ranges), from the local directory and from an S3 bucket alike.
function downloadsFrom(name: string, open: () => Promise<{ t: TestApp; stop: () => Promise<void> }>) {
  describe(`document download from ${name}`, () => {
    let t: TestApp;
    let stop: () => Promise<void>;
    let admin: string;
    let pdf: Buffer;
    let url: string;
    beforeAll(async () => {
      ({ t, stop } = await open());
      admin = (await t.loginAs('admin')).cookie;
      const agreement = await buildAgreement(t.database.db);
      pdf = await makeTextPdf(['Pasal 1 tentang pembiayaan pedagang', 'Pasal 2 tentang retribusi pasar']);
      const body = multipartBody({ fields: { kind: 'naskah_ttd' }, file: { fileName: 'naskah.pdf', content: pdf } });
      const uploaded = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreement.id}/documents`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
      expect(uploaded.statusCode).toBe(201);
      url = `/api/documents/${uploaded.json<{ id: string }>().id}/file`;
    });
    afterAll(async () => {
      await t.close();
      await stop();
    });

    it('sends the whole file byte-identical, saying that ranges are served', async () => {
      const whole = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
      expect(whole.statusCode).toBe(200);
      expect(whole.headers['accept-ranges']).toBe('bytes');
      expect(whole.headers['content-length']).toBe(String(pdf.length));
      expect(whole.rawPayload.equals(pdf)).toBe(true);
    });

    it('answers a range with 206 and exactly those bytes, and an open-ended and a suffix range too', async () => {
      const part = await t.app.inject({ method: 'GET', url, headers: { cookie: admin, range: 'bytes=100-199' } });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 100-199/${String(pdf.length)}`);
      expect(part.rawPayload.equals(pdf.subarray(100, 200))).toBe(true);
      const rest = await t.app.inject({ method: 'GET', url, headers: { cookie: admin, range: 'bytes=200-' } });
      expect(rest.rawPayload.equals(pdf.subarray(200))).toBe(true);
      const tail = await t.app.inject({ method: 'GET', url, headers: { cookie: admin, range: 'bytes=-50' } });
      expect(tail.headers['content-range']).toBe(`bytes ${String(pdf.length - 50)}-${String(pdf.length - 1)}/${String(pdf.length)}`);
      expect(tail.rawPayload.equals(pdf.subarray(pdf.length - 50))).toBe(true);
    });

    it('answers a range past the end with 416 and the size', async () => {
      const past = await t.app.inject({ method: 'GET', url, headers: { cookie: admin, range: `bytes=${String(pdf.length)}-` } });
      expect(past.statusCode).toBe(416);
      expect(past.headers['content-range']).toBe(`bytes */${String(pdf.length)}`);
    });

    it('still asks who is reading before any byte goes out', async () => {
      const anonymous = await t.app.inject({ method: 'GET', url, headers: { range: 'bytes=0-9' } });
      expect(anonymous.statusCode).toBe(401);
    });
  });
}

downloadsFrom('the local directory', async () => ({ t: await createTestApp(), stop: async () => undefined }));
downloadsFrom('an S3 bucket', async () => {
  const s3 = await startS3Server();
  const t = await createTestApp({ env: { ...s3.env, JALIN_STORAGE_URL: `s3://${s3.bucket}/jalin` } });
  // The file really went into the bucket, not into the test's directory.
  expect(t.files.location).toBe(`s3://${s3.bucket}/jalin`);
  return { t, stop: s3.stop };
});
