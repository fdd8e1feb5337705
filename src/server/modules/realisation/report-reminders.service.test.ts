import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../../../tests/support/builders';
import { queuedMails, rowCount } from '../../../../tests/support/outbox-mails';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { signInRoles } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { TEST_DB_KIND, type TestDatabase } from '../../../../tests/support/test-db';
import { openDatabase, type Db } from '../../db/client';
import { buildCtx } from '../../lib/context';
import { buildPlan, buildReport } from '../monitoring/monitoring.test-support';
import { runReportReminders } from './report-reminders.service';

const mails = (db: Db) => queuedMails(db, 'activity_plan');
const reminderCount = (db: Db) => rowCount(db, 'report_reminders');

// Plans of 2026 under agreements in force; 2026-S2's reporting window closes on 2027-01-30.
describe('realisation report reminders', () => {
  let t: TestApp;
  const on = (isoDate: string) => new Date(`${isoDate}T01:00:00Z`);
  let emails: { admin: string; pimpinan: string; lead: string; otherUnit: string };
  let plans: { reported: string; missing: string; draft: string; otherUnit: string };

  beforeAll(async () => {
    t = await createTestApp({ now: on('2027-01-16') });
    const s = await signInRoles(t);
    const otherUnit = await buildUnit(t.database.db, { name: `Dinas Lain ${Date.now()}` });
    const otherLiaison = await buildUser(t.database.db, { role: 'opd', unitId: otherUnit.id, email: `lain-${Date.now()}@ternatekota.go.id` });
    const result: unknown = await t.database.db.execute(sql`SELECT role, email FROM users WHERE (role IN ('admin', 'pimpinan') OR unit_id = ${s.unit.id}) AND is_active`);
    const byRole = Object.fromEntries((result as { rows: { role: string; email: string }[] }).rows.map((row) => [row.role, row.email]));
    emails = { admin: byRole.admin!, pimpinan: byRole.pimpinan!, lead: byRole.opd!, otherUnit: otherLiaison.email };
    const agreement = await buildAgreement(t.database.db, { leadUnitId: s.unit.id, signedOn: '2025-03-01', startsOn: '2025-03-01', endsOn: '2029-03-01', title: 'Kerja sama pelatihan UMKM' });
    const ended = await buildAgreement(t.database.db, { leadUnitId: s.unit.id, signedOn: '2024-01-01', startsOn: '2024-01-01', endsOn: '2026-06-30', title: 'Kerja sama yang sudah berakhir' });
    const plan = (unitId: string, agreementId = agreement.id) => buildPlan(t.database.db, { agreementId, unitId, budgetYear: 2026 });
    plans = { reported: await plan(s.unit.id), missing: await plan(s.unit.id), draft: await plan(s.unit.id), otherUnit: await plan(otherUnit.id) };
    await buildPlan(t.database.db, { agreementId: ended.id, unitId: s.unit.id, budgetYear: 2026 });
    await buildPlan(t.database.db, { agreementId: agreement.id, unitId: s.unit.id, budgetYear: 2027 });
    await buildReport(t.database.db, { planId: plans.reported, agreementId: agreement.id, unitId: s.unit.id, period: '2026-S2', status: 'submitted' });
    await t.database.db.execute(sql`INSERT INTO realisation_reports (plan_id, agreement_id, unit_id, period, status, summary) VALUES (${plans.draft}, ${agreement.id}, ${s.unit.id}, '2026-S2', 'draft', 'Masih draf')`);
  });
  afterAll(async () => {
    await t.close();
  });

  const run = (isoDate: string) => runReportReminders(buildCtx({ env: t.env, files: t.files }, { db: t.database.db, now: on(isoDate) }));

  it('reminds each OPD of its own unreported plans 14 days before the close, in one digest', async () => {
    // 2027-01-16 also finds 2026-S1 overdue (closed 2026-07-30): the agreement that ended on
    // 2026-06-30 was in force then, so its plan and the others of 2026 are overdue for S1.
    const before = (await mails(t.database.db)).length;
    const result = await run('2027-01-16');
    const sent = (await mails(t.database.db)).slice(before);
    const lead = sent.filter((mail) => mail.to_address === emails.lead);
    expect(lead).toHaveLength(1);
    expect(lead[0]?.text_body).toContain('Laporan realisasi 2026-S2: batas 2027-01-30, 14 hari lagi');
    expect(lead[0]?.text_body).toContain('Laporan realisasi 2026-S1 terlambat');
    expect(lead[0]?.text_body).toContain('/app/realisation');
    expect(sent.filter((mail) => mail.to_address === emails.otherUnit)).toHaveLength(1);
    expect(result.people).toBe(4);
    expect(result.mails).toBe(4);
    // 2026-S2 reminders name the draft and the missing plan, not the submitted one.
    const remindedS2: unknown = await t.database.db.execute(sql`SELECT plan_id FROM report_reminders WHERE period = '2026-S2' AND stage = 'before_14'`);
    const ids = new Set((remindedS2 as { rows: { plan_id: string }[] }).rows.map((row) => row.plan_id));
    expect(ids).toEqual(new Set([plans.missing, plans.draft, plans.otherUnit]));
  });

  it('sends nothing again the same day, nor after a restart', async () => {
    const before = await reminderCount(t.database.db);
    expect(await run('2027-01-16')).toEqual({ reminders: 0, people: 0, mails: 0 });
    expect(await runReportReminders(buildCtx({ env: t.env, files: t.files }, { db: t.database.db, now: new Date('2027-01-16T09:00:00Z') }))).toEqual({ reminders: 0, people: 0, mails: 0 });
    expect(await reminderCount(t.database.db)).toBe(before);
  });

  it('sends the 3-day stage once when two runs race', async () => {
    const before = await reminderCount(t.database.db);
    const [first, second] = await Promise.all([run('2027-01-27'), run('2027-01-27')]);
    expect((first?.reminders ?? 0) + (second?.reminders ?? 0)).toBe(3);
    expect(await reminderCount(t.database.db)).toBe(before + 3);
  });

  it('escalates to the division and the pimpinan after the close, once, across two processes', async () => {
    const runOnce = async (db: Db) => runReportReminders(buildCtx({ env: t.env, files: t.files }, { db, now: on('2027-01-31') }));
    const before = (await mails(t.database.db)).length;
    if (TEST_DB_KIND === 'postgres') {
      const other = await openDatabase({ databaseUrl: (t.database as TestDatabase).url!, dataDir: mkdtempSync(path.join(tmpdir(), 'jalin-second-')) });
      try {
        const runs = await Promise.all([runOnce(t.database.db), runOnce(other.db)]);
        expect(runs.reduce((sum, one) => sum + one.mails, 0)).toBe(4);
      } finally {
        await other.close();
      }
    } else {
      expect((await runOnce(t.database.db)).mails).toBe(4);
    }
    const sent = (await mails(t.database.db)).slice(before);
    expect(sent.map((mail) => mail.to_address).sort()).toEqual([emails.admin, emails.lead, emails.otherUnit, emails.pimpinan].sort());
    const leader = sent.find((mail) => mail.to_address === emails.pimpinan);
    expect(leader?.subject).toBe('Laporan realisasi terlambat / Realisation reports overdue (3)');
    expect(leader?.text_body).toContain('Laporan realisasi 2026-S2 terlambat (batas 2027-01-30)');
    expect((await runOnce(t.database.db)).mails).toBe(0);
  });
});
