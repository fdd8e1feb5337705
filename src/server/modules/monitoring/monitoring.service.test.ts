import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db';
import { AppError } from '../../lib/errors';
import { SETTING_KEYS } from '../../../shared/settings';
import { settings } from '../settings/settings.table';
import { monitorAsOf } from './monitoring.service';
import { buildPlan, buildPublishedPackage, buildReport } from './monitoring.test-support';

// The health rules on a real register: dates at the edges of the warning window and of the dormancy
// age, plans and published packages read from their own modules' tables.

describe('monitoring as of a date', () => {
  let database: TestDatabase;
  const on = '2026-12-04';
  const ctx = () => ({ db: database.db, now: new Date('2026-12-05T01:00:00Z') });

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    // Expiry: the day itself, the last day of the 180-day window, one day past it, one already ended, one ended early, a draft.
    await buildAgreement(db, { numberOurs: 'EXP/TODAY', signedOn: '2026-11-01', startsOn: '2026-11-01', endsOn: on });
    await buildAgreement(db, { numberOurs: 'EXP/LAST', signedOn: '2026-11-01', startsOn: '2026-11-01', endsOn: '2027-06-02' });
    await buildAgreement(db, { numberOurs: 'EXP/AFTER', signedOn: '2026-11-01', startsOn: '2026-11-01', endsOn: '2027-06-03' });
    await buildAgreement(db, { numberOurs: 'EXP/ENDED', signedOn: '2020-01-01', startsOn: '2020-01-01', endsOn: '2026-12-03' });
    await buildAgreement(db, { numberOurs: 'EXP/TERM', signedOn: '2026-11-01', startsOn: '2026-11-01', endsOn: '2027-01-01', terminationKind: 'diakhiri', terminatedOn: '2026-12-01', terminationReason: 'uji' });
    await buildAgreement(db, { numberOurs: 'EXP/DRAFT', isDraft: true, signedOn: null, startsOn: '2026-11-01', endsOn: '2027-01-01' });
    // Dormancy: signed exactly six months before, one day more, one with a plan for last year, one for two years ago.
    await buildAgreement(db, { numberOurs: 'DOR/EXACT', signedOn: '2026-06-04', startsOn: '2026-06-04', endsOn: '2030-01-01' });
    const older = await buildAgreement(db, { numberOurs: 'DOR/OLDER', signedOn: '2026-06-03', startsOn: '2026-06-03', endsOn: '2030-01-01' });
    await buildPublishedPackage(db, older.id);
    const planned = await buildAgreement(db, { numberOurs: 'DOR/PLANNED', signedOn: '2024-01-01', startsOn: '2024-01-01', endsOn: '2030-01-01' });
    await buildPlan(db, { agreementId: planned.id, unitId: planned.leadUnitId, budgetYear: 2025 });
    const stale = await buildAgreement(db, { numberOurs: 'DOR/STALE', signedOn: '2024-01-01', startsOn: '2024-01-01', endsOn: '2030-01-01' });
    await buildPlan(db, { agreementId: stale.id, unitId: stale.leadUnitId, budgetYear: 2024 });
    // A KB alive through its planned PKS, and one whose only PKS sleeps too.
    const kb = await buildAgreement(db, { numberOurs: 'KB/LIVE', signedOn: '2023-01-01', startsOn: '2023-01-01', endsOn: '2030-01-01' });
    const pks = await buildAgreement(db, { numberOurs: 'PKS/LIVE', docType: 'PKS', parentId: kb.id, signedOn: '2023-02-01', startsOn: '2023-02-01', endsOn: '2030-01-01' });
    await buildPlan(db, { agreementId: pks.id, unitId: pks.leadUnitId, budgetYear: 2026 });
    const kbAsleep = await buildAgreement(db, { numberOurs: 'KB/ASLEEP', signedOn: '2023-01-01', startsOn: '2023-01-01', endsOn: '2030-01-01' });
    await buildAgreement(db, { numberOurs: 'PKS/ASLEEP', docType: 'PKS', parentId: kbAsleep.id, signedOn: '2023-02-01', startsOn: '2023-02-01', endsOn: '2030-01-01' });
  });

  afterAll(async () => {
    await database.close();
  });

  it('lists the agreements ending within the warning window, both edges included', async () => {
    const report = await monitorAsOf(ctx(), { on });
    expect(report.on).toBe(on);
    expect(report.expiring).toEqual([
      { nomorPemda: 'EXP/TODAY', endsOn: on, daysLeft: 0 },
      { nomorPemda: 'EXP/LAST', endsOn: '2027-06-02', daysLeft: 180 },
    ]);
    // PKS/LIVE has a 2026 plan and no report for 2026-S1, whose window closed on 30 July.
    expect(report.reportsOverdue).toBe(1);
  });

  it('lists as dormant what was signed more than six months before, planless, unless a live PKS carries it', async () => {
    const report = await monitorAsOf(ctx(), { on });
    expect(report.dormant).toEqual([
      { nomorPemda: 'DOR/OLDER', reasons: ['no_plan', 'no_verified_report'] },
      { nomorPemda: 'DOR/STALE', reasons: ['no_plan', 'no_verified_report', 'not_disseminated'] },
      { nomorPemda: 'KB/ASLEEP', reasons: ['no_plan', 'no_verified_report', 'not_disseminated'] },
      { nomorPemda: 'PKS/ASLEEP', reasons: ['no_plan', 'no_verified_report', 'not_disseminated'] },
    ]);
  });

  it('follows the settings: a shorter warning window and a longer dormancy age', async () => {
    await database.db.insert(settings).values({ key: SETTING_KEYS.dormantAfterMonths, value: 12 });
    await database.db.update(settings).set({ value: 30 }).where(eq(settings.key, SETTING_KEYS.expiryWarningDays));
    const report = await monitorAsOf(ctx(), { on });
    expect(report.expiring.map((row) => row.nomorPemda)).toEqual(['EXP/TODAY']);
    expect(report.dormant.map((row) => row.nomorPemda)).toEqual(['DOR/STALE', 'KB/ASLEEP', 'PKS/ASLEEP']);
    // A plan for the year of `on` counts as current: a year later, last year's plan is too old.
    const later = await monitorAsOf(ctx(), { on: '2027-12-04' });
    expect(later.dormant.map((row) => row.nomorPemda)).toContain('DOR/PLANNED');
  });

  it('defaults to the day in Ternate and refuses a date that does not exist, naming the field', async () => {
    expect((await monitorAsOf({ db: database.db, now: new Date('2026-12-04T16:00:00Z') })).on).toBe('2026-12-05');
    for (const bad of ['2026-02-30', '04-12-2026', 'besok']) {
      const error = await monitorAsOf(ctx(), { on: bad }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ field: 'on' });
    }
  });
});

describe('monitoring with realisation reports', () => {
  let database: TestDatabase;
  const ctx = () => ({ db: database.db, now: new Date('2026-12-05T01:00:00Z') });

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    // Old plans only, but a realisation verified two months ago keeps it alive.
    const verified = await buildAgreement(db, { numberOurs: 'REP/VERIFIED', signedOn: '2024-01-01', startsOn: '2024-01-01', endsOn: '2030-01-01' });
    const oldPlan = await buildPlan(db, { agreementId: verified.id, unitId: verified.leadUnitId, budgetYear: 2024 });
    await buildReport(db, { planId: oldPlan, agreementId: verified.id, unitId: verified.leadUnitId, period: '2026-S1', status: 'verified', verifiedAt: new Date('2026-10-01T02:00:00Z') });
    // A plan for 2026 with no report for 2026-S1 (closed on 30 July with 30 days of grace): overdue.
    const silent = await buildAgreement(db, { numberOurs: 'REP/SILENT', signedOn: '2025-01-01', startsOn: '2025-01-01', endsOn: '2030-01-01' });
    await buildPlan(db, { agreementId: silent.id, unitId: silent.leadUnitId, budgetYear: 2026 });
    // Reported, not yet verified: reported is its own fact, so not overdue.
    const reported = await buildAgreement(db, { numberOurs: 'REP/SUBMITTED', signedOn: '2025-01-01', startsOn: '2025-01-01', endsOn: '2030-01-01' });
    const plan = await buildPlan(db, { agreementId: reported.id, unitId: reported.leadUnitId, budgetYear: 2026 });
    await buildReport(db, { planId: plan, agreementId: reported.id, unitId: reported.leadUnitId, period: '2026-S1', status: 'submitted' });
  });
  afterAll(async () => {
    await database.close();
  });

  it('counts a verified realisation as life and a missing report of the last closed period as overdue', async () => {
    const report = await monitorAsOf(ctx(), { on: '2026-12-04' });
    expect(report.dormant.map((agreement) => agreement.nomorPemda)).not.toContain('REP/VERIFIED');
    expect(report.reportsOverdue).toBe(1);
    // Eight months after the verification the agreement sleeps again.
    const later = await monitorAsOf(ctx(), { on: '2027-06-04' });
    expect(later.dormant.map((agreement) => agreement.nomorPemda)).toContain('REP/VERIFIED');
  });

  it('waits for the grace days before a period’s reports are overdue', async () => {
    // 2026-07-30 is the last day of 2026-S1's window: the period before it (2025-S2) is the one judged.
    expect((await monitorAsOf(ctx(), { on: '2026-07-30' })).reportsOverdue).toBe(0);
    expect((await monitorAsOf(ctx(), { on: '2026-07-31' })).reportsOverdue).toBe(1);
  });
});
