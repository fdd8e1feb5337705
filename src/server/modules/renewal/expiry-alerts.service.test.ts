import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { queuedMails, rowCount } from '../../../../tests/support/outbox-mails';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { signInRoles } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { TEST_DB_KIND, type TestDatabase } from '../../../../tests/support/test-db';
import { openDatabase } from '../../db/client';
import type { Db } from '../../db/client';
import { buildCtx } from '../../lib/context';
import { runExpiryAlerts } from './expiry-alerts.service';

const mails = (db: Db) => queuedMails(db, 'agreement');
const alertCount = (db: Db) => rowCount(db, 'expiry_alerts');

// Agreements ending at set distances from 2026-12-04 (Ternate), whose lead OPD has one liaison.
describe('expiry alerts', () => {
  let t: TestApp;
  const on = (isoDate: string) => new Date(`${isoDate}T01:00:00Z`);
  let emails: { admin: string; pimpinan: string; lead: string; other: string };
  let ids: Record<'in180' | 'in30' | 'today' | 'in181' | 'decided', string>;

  beforeAll(async () => {
    t = await createTestApp({ now: on('2026-12-04') });
    const s = await signInRoles(t);
    const other = await buildUser(t.database.db, { role: 'opd', email: `lain-${Date.now()}@ternatekota.go.id` });
    // signInRoles made one user per role; its OPD user is the lead OPD's liaison here.
    const result: unknown = await t.database.db.execute(sql`SELECT role, email FROM users WHERE (role IN ('admin', 'pimpinan') OR unit_id = ${s.unit.id}) AND is_active`);
    const byRole = Object.fromEntries((result as { rows: { role: string; email: string }[] }).rows.map((row) => [row.role, row.email]));
    emails = { admin: byRole.admin!, pimpinan: byRole.pimpinan!, lead: byRole.opd!, other: other.email };
    const ending = async (endsOn: string, title: string) => (await buildAgreement(t.database.db, { leadUnitId: s.unit.id, signedOn: '2022-01-10', startsOn: '2022-01-10', endsOn, title })).id;
    ids = {
      in180: await ending('2027-06-02', 'Kerja sama beasiswa taruna'),
      in30: await ending('2027-01-03', 'Kerja sama pembiayaan UMKM'),
      today: await ending('2026-12-04', 'Kerja sama pembayaran pajak digital'),
      in181: await ending('2027-06-03', 'Kerja sama air bersih'),
      decided: await ending('2027-01-02', 'Kerja sama pelatihan guru'),
    };
    await t.database.db.execute(sql`INSERT INTO renewal_decisions (agreement_id, decision, reason, ends_on, decided_at) VALUES (${ids.decided}, 'lapse', 'Sudah selesai semua kegiatan.', '2027-01-02', now())`);
  });
  afterAll(async () => {
    await t.close();
  });

  const run = (isoDate: string) => runExpiryAlerts(buildCtx({ env: t.env, files: t.files }, { db: t.database.db, now: on(isoDate) }));

  it('sends each person one digest of the agreements at a stage today, the pimpinan only from 30 days', async () => {
    expect(await run('2026-12-04')).toEqual({ alerts: 8, people: 3, mails: 3 });
    const sent = await mails(t.database.db);
    const to = (email: string) => sent.filter((mail) => mail.to_address === email);
    expect(to(emails.other)).toEqual([]);
    expect(sent.map((mail) => mail.to_address).sort()).toEqual([emails.admin, emails.lead, emails.pimpinan].sort());
    for (const email of [emails.admin, emails.lead]) {
      const [digest] = to(email);
      expect(digest?.subject).toBe('3 kerja sama akan berakhir / 3 agreements ending');
      for (const title of ['beasiswa taruna', 'pembiayaan UMKM', 'pajak digital']) expect(digest?.text_body).toContain(title);
      expect(digest?.text_body).not.toContain('air bersih');
      expect(digest?.text_body).not.toContain('pelatihan guru');
      expect(digest?.text_body).toContain(`/app/agreements/${ids.in180}`);
    }
    const leader = to(emails.pimpinan)[0]?.text_body ?? '';
    expect(leader).toContain('pembiayaan UMKM');
    expect(leader).toContain('berakhir hari ini / ends today');
    expect(leader).not.toContain('beasiswa taruna');
    const notes: unknown = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'expiry_alert'`);
    expect((notes as { rows: { n: number }[] }).rows[0]?.n).toBe(8);
  });

  it('sends nothing again the same day, nor after a restart', async () => {
    const before = (await mails(t.database.db)).length;
    expect(await run('2026-12-04')).toEqual({ alerts: 0, people: 0, mails: 0 });
    // A restarted server reads only the database: a fresh context, the same day later on.
    expect(await runExpiryAlerts(buildCtx({ env: t.env, files: t.files }, { db: t.database.db, now: new Date('2026-12-04T09:00:00Z') }))).toEqual({ alerts: 0, people: 0, mails: 0 });
    expect((await mails(t.database.db)).length).toBe(before);
  });

  it('sends the next stage once when two runs race', async () => {
    const before = await alertCount(t.database.db);
    // 2026-12-05: the 181-day agreement reaches 180 days.
    const [first, second] = await Promise.all([run('2026-12-05'), run('2026-12-05')]);
    expect((first?.alerts ?? 0) + (second?.alerts ?? 0)).toBe(2);
    expect(await alertCount(t.database.db)).toBe(before + 2);
  });

  it.runIf(TEST_DB_KIND === 'postgres')('sends the next stage once when two processes share one PostgreSQL', async () => {
    const other = await openDatabase({ databaseUrl: (t.database as TestDatabase).url!, dataDir: mkdtempSync(path.join(tmpdir(), 'jalin-second-')) });
    try {
      const before = await alertCount(t.database.db);
      // 2027-03-04: 90 days before 2027-06-02 (the 181-day one, at 91 days, stays at its 180 stage).
      const at = on('2027-03-04');
      const runs = await Promise.all([
        runExpiryAlerts(buildCtx({ env: t.env, files: t.files }, { db: t.database.db, now: at })),
        runExpiryAlerts(buildCtx({ env: t.env, files: t.files }, { db: other.db, now: at })),
      ]);
      expect(runs.reduce((sum, one) => sum + one.alerts, 0)).toBe(2);
      expect(runs.reduce((sum, one) => sum + one.mails, 0)).toBe(2);
      expect(await alertCount(t.database.db)).toBe(before + 2);
    } finally {
      await other.close();
    }
  });

  it('stops once a renewal decision is recorded, and starts again when an adendum moves the end', async () => {
    await t.database.db.execute(sql`INSERT INTO renewal_decisions (agreement_id, decision, reason, ends_on, decided_at) VALUES (${ids.in180}, 'extend', 'Dilanjutkan dengan adendum.', '2027-06-02', now())`);
    // 2027-04-03: 60 days before 2027-06-02.
    const before = (await mails(t.database.db)).length;
    await run('2027-04-03');
    const quiet = (await mails(t.database.db)).slice(before);
    expect(quiet.map((mail) => mail.text_body).join()).not.toContain('beasiswa taruna');
    await t.database.db.execute(sql`UPDATE agreements SET ends_on = '2027-06-01' WHERE id = ${ids.in180}`);
    const again = await run('2027-04-03');
    expect(again.alerts).toBe(2);
    expect((await mails(t.database.db)).at(-1)?.text_body).toContain('beasiswa taruna');
  });
});
