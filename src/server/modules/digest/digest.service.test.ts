import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../../../tests/support/builders';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { buildCtx } from '../../lib/context';
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink.test-support';
import { buildPlan } from '../monitoring/monitoring.test-support';
import { runMonthlyDigest } from './digest.service';

const PUBLIC_URL = 'https://jalin.ternatekota.go.id';

// A register as of December 2026 (Ternate): one agreement signed in November, one started in
// November, a foreign one ending in April 2027, a dormant one, one whose 2026-S1 reports are late.
describe('monthly digest', () => {
  let t: TestApp;
  let sink: SmtpSink;
  const on = (isoDate: string, hourUtc = 1) => new Date(`${isoDate}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
  let leaders: string[];
  let ids: Record<'signed' | 'started' | 'ending' | 'dormant' | 'late' | 'draft', string>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ now: on('2026-11-20'), env: { SMTP_URL: sink.url, JALIN_PUBLIC_URL: PUBLIC_URL } });
    const db = t.database.db;
    leaders = [(await buildUser(db, { role: 'pimpinan', email: 'walikota@ternatekota.go.id' })).email, (await buildUser(db, { role: 'pimpinan', email: 'sekda@ternatekota.go.id' })).email];
    await buildUser(db, { role: 'pimpinan', email: 'mantan.sekda@ternatekota.go.id', isActive: false });
    await buildUser(db, { role: 'admin', email: 'bagian.kerjasama@ternatekota.go.id' });
    const unit = await buildUnit(db, { name: `Dinas Pendidikan ${Date.now()}` });
    const agreement = async (title: string, dates: { signedOn: string; startsOn: string; endsOn: string }, extra: Parameters<typeof buildAgreement>[1] = {}) =>
      (await buildAgreement(db, { leadUnitId: unit.id, title, ...dates, ...extra })).id;
    ids = {
      signed: await agreement('Kerja sama beasiswa taruna', { signedOn: '2026-11-12', startsOn: '2026-12-01', endsOn: '2031-11-11' }, { numberOurs: '100/PKS/XI/2026' }),
      started: await agreement('Kerja sama pembiayaan UMKM', { signedOn: '2026-10-20', startsOn: '2026-11-03', endsOn: '2029-11-02' }),
      ending: await agreement('Kerja sama kota kembar', { signedOn: '2022-05-01', startsOn: '2022-05-01', endsOn: '2027-04-30' }, { kind: 'KSDLL', partners: [{ name: 'Kota Kembar Uji', categoryCode: 'luar_negeri' }] }),
      dormant: await agreement('Kerja sama air bersih', { signedOn: '2024-01-10', startsOn: '2024-01-10', endsOn: '2029-01-09' }),
      late: await agreement('Kerja sama pelatihan guru', { signedOn: '2025-02-01', startsOn: '2025-02-01', endsOn: '2030-01-31' }),
      draft: await agreement('Draf kerja sama rahasia', { signedOn: '2026-11-15', startsOn: '2026-11-15', endsOn: '2027-03-01' }, { isDraft: true }),
    };
    await buildPlan(db, { agreementId: ids.late, unitId: unit.id, budgetYear: 2026 });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const run = (instant: Date) => runMonthlyDigest(buildCtx({ env: t.env, files: t.files }, { db: t.database.db, now: instant }));
  const runs = async () => {
    const result: unknown = await t.database.db.execute(sql`SELECT month, status, recipients FROM digest_runs ORDER BY month`);
    return (result as { rows: { month: string; status: string; recipients: number }[] }).rows;
  };

  it('sends nothing at the first check of a new install: the month before it is only recorded', async () => {
    expect((await run(on('2026-11-20'))).decision).toEqual({ action: 'baseline', month: '2026-10' });
    expect((await run(on('2026-11-25'))).decision).toEqual({ action: 'none', reason: 'before_baseline' });
    expect(sink.mails).toEqual([]);
    expect(await runs()).toEqual([{ month: '2026-10', status: 'baseline', recipients: 0 }]);
  });

  it('on the digest day sends last month to every active pimpinan, in text and HTML, with a link to each agreement', async () => {
    const result = await run(on('2026-12-01'));
    expect(result.decision).toEqual({ action: 'send', month: '2026-11' });
    expect(result.mails).toBe(2);
    expect(sink.mails.flatMap((mail) => mail.to).sort()).toEqual([...leaders].sort());
    const [mail] = sink.mails;
    expect(mail?.subject).toBe('Ringkasan kerja sama November 2026 / Cooperation digest');
    const text = mail?.text ?? '';
    const section = (title: string, next: string) => text.slice(text.indexOf(title), text.indexOf(next));
    expect(section('Ditandatangani / Signed: 1', 'Mulai berlaku')).toContain('100/PKS/XI/2026 — Kerja sama beasiswa taruna');
    expect(section('Mulai berlaku / Started: 1', 'Dorman')).toContain('Kerja sama pembiayaan UMKM');
    expect(section('Dorman', 'Berakhir dalam 6 bulan')).toContain('Kerja sama air bersih');
    const ending = section('Berakhir dalam 6 bulan / Ending within 6 months: 1', 'Laporan realisasi terlambat');
    expect(ending).toContain('Kerja sama kota kembar');
    expect(ending).toContain('berakhir 30 April 2027 (belum ada keputusan perpanjangan); surat perpanjangan ke Menteri paling lambat 30 Oktober 2026');
    expect(section('Laporan realisasi terlambat / Realisation reports overdue: 1', 'Surel ini')).toContain('1 rencana kegiatan tanpa laporan periode 2026-S1');
    for (const id of [ids.signed, ids.started, ids.ending, ids.dormant, ids.late]) {
      expect(text).toContain(`${PUBLIC_URL}/app/agreements/${id}`);
      expect(mail?.html).toContain(`<a href="${PUBLIC_URL}/app/agreements/${id}">`);
    }
    expect(text).not.toContain('rahasia');
    expect(mail?.html).toContain('<h2');
    expect(mail?.html).toContain('Berakhir dalam 6 bulan');
  });

  it('sends a month only once: not again later that day, after a restart, or later in the month', async () => {
    const before = sink.mails.length;
    expect((await run(on('2026-12-01', 9))).decision).toEqual({ action: 'none', reason: 'already_sent' });
    expect((await run(on('2026-12-20'))).decision).toEqual({ action: 'none', reason: 'already_sent' });
    expect(sink.mails.length).toBe(before);
    expect(await runs()).toEqual([
      { month: '2026-10', status: 'baseline', recipients: 0 },
      { month: '2026-11', status: 'sent', recipients: 2 },
    ]);
  });

  it('waits for the digest day of the settings, and sends nothing while the digest is off', async () => {
    await t.database.db.execute(sql`UPDATE settings SET value = '10' WHERE key = 'digest_day'`);
    expect((await run(on('2027-01-09'))).decision).toEqual({ action: 'none', reason: 'already_sent' });
    const before = sink.mails.length;
    expect((await run(on('2027-01-10'))).decision).toEqual({ action: 'send', month: '2026-12' });
    expect(sink.mails.length).toBe(before + 2);
    expect(sink.mails.at(-1)?.subject).toContain('Desember 2026');
    await t.database.db.execute(sql`UPDATE settings SET value = 'false' WHERE key = 'digest_enabled'`);
    expect((await run(on('2027-02-10'))).decision).toEqual({ action: 'none', reason: 'disabled' });
    expect(sink.mails.length).toBe(before + 2);
  });
});
