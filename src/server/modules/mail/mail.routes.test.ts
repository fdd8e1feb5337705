import { createServer, type AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { OutboxResponse } from '../../../shared/notifications';
import { deliverMail, mailSettingsOf, queueMail } from './mail.service';
import { outbox } from './mail.table';
import { startSmtpSink, type SmtpSink } from './smtp-sink.test-support';
import { closeTestApp } from '../proposals/core/proposals.test-support';

const message = { to: 'pemrakarsa@mitra.id', subject: 'Uji surat Jalin', text: 'Isi surat uji: https://jalin.test/usulan/lacak#rahasia-token' };

describe('mail without an SMTP server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  it('holds the mail in the outbox, where an admin reads it whole', async () => {
    const settings = mailSettingsOf(t.env);
    const id = await queueMail({ db: t.database.db, mail: settings, now: t.clock.now }, message);
    await deliverMail({ db: t.database.db, mail: settings, now: t.clock.now }, [id]);
    const { cookie } = await t.loginAs('admin');
    const response = await t.app.inject({ method: 'GET', url: '/api/outbox?status=held', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const body: OutboxResponse = response.json();
    expect(body.items).toEqual([expect.objectContaining({ id, to: message.to, subject: message.subject, text: message.text, status: 'held', sentAt: null })]);
    expect(body.total).toBe(1);
  });

  it('shows the outbox to the division only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/outbox' })).statusCode).toBe(401);
    for (const role of ['tkksd', 'opd', 'pimpinan'] as const) {
      const { cookie } = await t.loginAs(role);
      expect((await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie } })).statusCode, role).toBe(403);
    }
  });
});

describe('mail through an SMTP server', () => {
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url, MAIL_FROM: 'Jalin Ternate <jalin@ternatekota.go.id>' } });
  });
  afterAll(async () => {
    await closeTestApp(t);
    await sink.close();
  });

  it('delivers the mail and clears its body from the outbox once sent', async () => {
    const settings = mailSettingsOf(t.env);
    const id = await queueMail({ db: t.database.db, mail: settings, now: t.clock.now }, message);
    await deliverMail({ db: t.database.db, mail: settings, now: t.clock.now }, [id]);
    expect(sink.mails).toEqual([{ from: 'jalin@ternatekota.go.id', to: [message.to], subject: message.subject, text: message.text }]);
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: 'sent', textBody: null, attempts: 1 });
  });

  it('keeps a mail that could not be sent for another try and records why, without the SMTP password', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const settings = { ...mailSettingsOf(t.env), smtpUrl: `smtp://jalin:sandi-rahasia@127.0.0.1:${port}` };
    const id = await queueMail({ db: t.database.db, mail: settings, now: t.clock.now }, message);
    await deliverMail({ db: t.database.db, mail: settings, now: t.clock.now }, [id]);
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, textBody: message.text });
    expect(row?.lastError).toBeTruthy();
    expect(row?.lastError).not.toContain('sandi-rahasia');
  });
});
