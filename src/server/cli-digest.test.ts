import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../tests/support/builders';
import { buildAgreement } from '../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import { runCliCommand } from './cli-program';
import type { CliRuntime } from './cli-runtime';
import { buildCtx } from './lib/context';
import { startSmtpSink, type SmtpSink } from './modules/mail/smtp-sink.test-support';

// `npm run jalin -- digest` on the test database, in this process (the command's own clock).
describe('jalin digest', () => {
  let t: TestApp;
  let sink: SmtpSink;
  const output = { out: [] as string[], err: [] as string[] };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url, JALIN_PUBLIC_URL: 'https://jalin.ternatekota.go.id' } });
    await buildUser(t.database.db, { role: 'pimpinan', email: 'walikota@ternatekota.go.id' });
    await buildAgreement(t.database.db, { title: 'Kerja sama pelabuhan perikanan', signedOn: '2026-09-14', startsOn: '2026-09-14', endsOn: '2031-09-13' });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const jalin = async (args: string[]) => {
    output.out = [];
    output.err = [];
    const rt: CliRuntime = {
      out: (text) => output.out.push(text),
      err: (text) => output.err.push(text),
      env: t.env,
      cwd: process.cwd(),
      via: 'alone',
      files: t.files,
      withDatabase: (work) => work(t.database, t.env),
      withCtx: (work) => work(buildCtx({ env: t.env, files: t.files }, { db: t.database.db, now: new Date() }), t.database, t.env),
      withDataDirAlone: () => Promise.reject(new Error('not here')),
    };
    const code = await runCliCommand(args, rt);
    return { code, out: output.out.join('\n'), err: output.err.join('\n') };
  };

  it('prints the digest of a month and its recipients on --dry-run, and sends nothing', async () => {
    const run = await jalin(['digest', '--month', '2026-09', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Kepada / to: Pengguna pimpinan <walikota@ternatekota.go.id>');
    expect(run.out).toContain('Ringkasan kerja sama September 2026');
    expect(run.out).toContain('Kerja sama pelabuhan perikanan');
    expect(run.out).toContain('Uji coba: tidak ada yang dikirim');
    expect(sink.mails).toEqual([]);
  });

  it('sends a month passed over as the baseline when the division names it, once', async () => {
    expect((await jalin(['digest'])).out).toContain('dicatat sebagai awal');
    const result: unknown = await t.database.db.execute(sql`SELECT month FROM digest_runs WHERE status = 'baseline'`);
    const baseline = (result as { rows: { month: string }[] }).rows[0]?.month ?? '';
    const before = sink.mails.length;
    expect((await jalin(['digest', '--month', baseline])).out).toContain('Terkirim / sent: 1 surel');
    expect((await jalin(['digest', '--month', baseline])).out).toContain('sudah dikirim');
    expect(sink.mails.length).toBe(before + 1);
  });

  it('sends the month once, then says it was sent', async () => {
    const before = sink.mails.length;
    expect((await jalin(['digest', '--month', '2026-09'])).out).toContain('Terkirim / sent: 1 surel');
    expect(sink.mails.slice(before).map((mail) => mail.to)).toEqual([['walikota@ternatekota.go.id']]);
    expect(sink.mails.at(-1)?.text).toContain('Kerja sama pelabuhan perikanan');
    expect((await jalin(['digest', '--month', '2026-09'])).out).toContain('Tidak dikirim / not sent: ringkasan bulan ini sudah dikirim');
    expect(sink.mails).toHaveLength(before + 1);
    const result: unknown = await t.database.db.execute(sql`SELECT status FROM digest_runs WHERE month = '2026-09'`);
    expect((result as { rows: unknown[] }).rows).toEqual([{ status: 'sent' }]);
  });

  it('refuses a month that is not YYYY-MM', async () => {
    const run = await jalin(['digest', '--month', '2026-9']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('tulis YYYY-MM');
  });
});
