import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Actor } from '../../lib/context';
import { createPlan } from '../plans/plans.service';
import { createReport, lastVerifiedOnByAgreement, plansAwaitingReport, reportedPlanIds, reportsDue, returnReport, submitReport, verifyReport } from './realisation.service';

// What monitoring reads of the realisation reports: reported and verified are different facts.
describe('realisation read functions for monitoring', () => {
  let t: TestApp;
  let admin: Actor;
  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-12-04T03:00:00Z') });
    const { user } = await t.loginAs('admin');
    admin = { id: user.id, email: user.email, name: user.name, role: 'admin', unitId: null };
  });
  afterAll(async () => {
    await t.close();
  });

  async function planOf(agreementId: string, unitId: string): Promise<string> {
    const ctx = { ...t.ctx(admin), actor: admin };
    const plan = await createPlan(ctx, { agreementId, unitId, title: 'Rencana kegiatan', budgetYear: 2026, budgetAmount: '1000', budgetSource: 'APBD', indicators: [] });
    return plan.id;
  }

  it('tells per agreement in force with plans whether its plans were reported, and when a report was last verified', async () => {
    const ctx = { ...t.ctx(admin), actor: admin };
    const lead = await buildUnit(t.database.db);
    const reportedAgreement = await buildAgreement(t.database.db, { leadUnitId: lead.id });
    const silentAgreement = await buildAgreement(t.database.db, { leadUnitId: lead.id });
    const endedAgreement = await buildAgreement(t.database.db, { leadUnitId: lead.id, startsOn: '2020-01-01', endsOn: '2025-01-01' });
    const withoutPlans = await buildAgreement(t.database.db, { leadUnitId: lead.id });
    const verifiedPlan = await planOf(reportedAgreement.id, lead.id);
    const draftPlan = await planOf(silentAgreement.id, lead.id);
    await planOf(endedAgreement.id, lead.id);

    const verified = await createReport(ctx, { planId: verifiedPlan, period: '2026-S2', summary: 'Kegiatan terlaksana', beneficiaries: [], funds: [], completion: 'completed' });
    await submitReport(ctx, { reportId: verified.id, version: 1 });
    await verifyReport(ctx, { reportId: verified.id, version: 2 });
    await createReport(ctx, { planId: draftPlan, period: '2026-S2', summary: 'Baru draf', beneficiaries: [], funds: [], completion: 'not_started' });

    expect(await reportedPlanIds(ctx, { period: '2026-S2' })).toEqual([verifiedPlan]);
    expect(await reportedPlanIds(ctx, { period: '2026-S1' })).toEqual([]);
    const due = await reportsDue(ctx, { period: '2026-S2' });
    const byId = new Map(due.map((row) => [row.agreementId, row]));
    expect(byId.get(reportedAgreement.id)).toEqual({ agreementId: reportedAgreement.id, leadUnitIds: [lead.id], planCount: 1, reportedPlanCount: 1, verifiedPlanCount: 1, reported: true });
    expect(byId.get(silentAgreement.id)).toMatchObject({ planCount: 1, reportedPlanCount: 0, reported: false });
    expect(byId.has(endedAgreement.id)).toBe(false);
    expect(byId.has(withoutPlans.id)).toBe(false);

    const last = await lastVerifiedOnByAgreement(ctx, { agreementIds: [reportedAgreement.id, silentAgreement.id] });
    expect([...last]).toEqual([[reportedAgreement.id, '2026-12-04']]);
    expect(await lastVerifiedOnByAgreement(ctx, { agreementIds: [] })).toEqual(new Map());
    await expect(reportsDue(ctx, { period: '2026' })).rejects.toMatchObject({ field: 'period' });
  });

  it('lists the plans still owing a report, returned ones first, and counts all of them past the limit', async () => {
    const ctx = { ...t.ctx(admin), actor: admin };
    const lead = await buildUnit(t.database.db);
    const other = await buildUnit(t.database.db);
    const agreement = await buildAgreement(t.database.db, { leadUnitId: lead.id, supportingUnitIds: [other.id] });
    const returnedPlans = [await planOf(agreement.id, lead.id), await planOf(agreement.id, lead.id)];
    const draftPlan = await planOf(agreement.id, lead.id);
    await planOf(agreement.id, lead.id);
    const sentPlan = await planOf(agreement.id, lead.id);
    await planOf(agreement.id, other.id);
    for (const planId of returnedPlans) {
      const report = await createReport(ctx, { planId, period: '2026-S2', summary: 'Kegiatan terlaksana', beneficiaries: [], funds: [], completion: 'completed' });
      await submitReport(ctx, { reportId: report.id, version: 1 });
      await returnReport(ctx, { reportId: report.id, version: 2, reason: 'Lampirkan daftar hadir' });
    }
    await createReport(ctx, { planId: draftPlan, period: '2026-S2', summary: 'Baru draf', beneficiaries: [], funds: [], completion: 'not_started' });
    const sent = await createReport(ctx, { planId: sentPlan, period: '2026-S2', summary: 'Terkirim', beneficiaries: [], funds: [], completion: 'completed' });
    await submitReport(ctx, { reportId: sent.id, version: 1 });

    const firstOne = await plansAwaitingReport(ctx, { period: '2026-S2', unitId: lead.id, limit: 1 });
    expect(firstOne).toMatchObject({ total: 4, returnedTotal: 2 });
    expect(firstOne.rows).toHaveLength(1);
    expect(firstOne.rows[0]).toMatchObject({ status: 'returned', returnReason: 'Lampirkan daftar hadir', unitId: lead.id });
    const all = await plansAwaitingReport(ctx, { period: '2026-S2', unitId: lead.id, limit: null });
    expect(all.rows.map((row) => row.status)).toEqual(['returned', 'returned', 'draft', null]);
    expect(all.rows.map((row) => row.planId)).not.toContain(sentPlan);
    expect((await plansAwaitingReport(ctx, { period: '2026-S2', unitId: other.id, limit: null })).total).toBe(1);
    expect((await plansAwaitingReport(ctx, { period: '2027-S1', unitId: lead.id, limit: null })).total).toBe(0);
  });
});
