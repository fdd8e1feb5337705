import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement, buildPartner } from '../../../../tests/support/registry-builders';
import { caller, signInRoles, type RoleSessions } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Answer } from '../../../shared/evaluation';
import type { FunnelList, LeadershipDashboard } from '../../../shared/leadership';
import type { BeneficiaryEntry, FundEntry } from '../../../shared/realisation';
import type { Db } from '../../db/client';
import { DEFAULT_EVALUATION_FORM } from '../../seed/default-evaluation-form';
import { annualReports } from '../annual-report/annual-report.table';
import { disseminationPackages, disseminationRecipients } from '../dissemination/dissemination.table';
import { seedEvaluationForm } from '../evaluation/evaluation-form.service';
import { evaluationResponses, evaluations } from '../evaluation/evaluation.table';
import { buildPlan } from '../monitoring/monitoring.test-support';
import { realisationReports } from '../realisation/realisation.table';

// 6 December 2026 in Ternate. The period asked for is the first half of 2026; the previous one of
// the same length (181 days) runs from 4 July to 31 December 2025.
const NOW = new Date('2026-12-06T01:00:00Z');
const PERIOD = 'from=2026-01-01&to=2026-06-30';

async function buildFinalEvaluation(db: Db, input: { agreementId: string; period: string }): Promise<void> {
  const [row] = await db.insert(evaluations).values({ ...input, formRevision: 1, status: 'final', openedAt: NOW, finalisedAt: NOW }).returning({ id: evaluations.id });
  if (!row) throw new Error('no evaluation');
  for (const respondent of ['opd', 'tkksd', 'admin'] as const) {
    const answers: Answer[] = DEFAULT_EVALUATION_FORM.indicators.filter((indicator) => indicator.respondents.includes(respondent)).map((indicator) => ({ code: indicator.code, score: 4 }));
    await db.insert(evaluationResponses).values({ evaluationId: row.id, respondent, answers, submittedAt: NOW });
  }
}

type ReportInput = { planId: string; agreementId: string; unitId: string; period: string; status: 'submitted' | 'verified'; beneficiaries?: BeneficiaryEntry[]; funds?: FundEntry[] };

async function buildReport(db: Db, input: ReportInput): Promise<void> {
  await db.insert(realisationReports).values({ ...input, summary: 'Kegiatan dilaksanakan', verifiedAt: input.status === 'verified' ? NOW : null });
}

async function publish(db: Db, input: { agreementId: string; unitId: string; publishedOn: string; acknowledgedOn: string | null }): Promise<void> {
  const publishedAt = new Date(`${input.publishedOn}T02:00:00Z`);
  const [pkg] = await db.insert(disseminationPackages).values({ agreementId: input.agreementId, status: 'published', summaryWhat: 'Ringkasan', publishedAt }).returning({ id: disseminationPackages.id });
  if (!pkg) throw new Error('no package');
  const acknowledgedAt = input.acknowledgedOn ? new Date(`${input.acknowledgedOn}T02:00:00Z`) : null;
  await db.insert(disseminationRecipients).values({ packageId: pkg.id, unitId: input.unitId, sentAt: publishedAt, acknowledgedAt });
}

describe('leadership dashboard routes', () => {
  let t: TestApp;
  let roles: RoleSessions;
  const ids: Record<string, string> = {};
  const units: Record<string, string> = {};
  const call = caller(() => t.app);

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    roles = await signInRoles(t);
    const db = t.database.db;
    await seedEvaluationForm(db, { form: DEFAULT_EVALUATION_FORM, now: NOW });
    units.koperasi = (await buildUnit(db, { name: 'Dinas Koperasi dan UKM Uji Dasbor' })).id;
    units.pendidikan = (await buildUnit(db, { name: 'Dinas Pendidikan Uji Dasbor' })).id;
    const bank = { id: (await buildPartner(db, { name: 'PT Bank Uji Dasbor', categoryCode: 'bumd' })).id };
    // A1: UMKM financing, disseminated and acknowledged in 2025, planned, verified with UMKM and traders reached, evaluated.
    const a1 = await buildAgreement(db, { numberOurs: 'DSB/1', title: 'Pembiayaan UMKM Uji', signedOn: '2025-03-01', startsOn: '2025-03-01', endsOn: '2030-02-28', primarySectorCode: 'umkm_koperasi', leadUnitId: units.koperasi, partners: [bank] });
    await publish(db, { agreementId: a1.id, unitId: units.koperasi, publishedOn: '2025-04-01', acknowledgedOn: '2025-04-05' });
    const a1Plan2025 = await buildPlan(db, { agreementId: a1.id, unitId: units.koperasi, budgetYear: 2025 });
    await buildReport(db, { planId: a1Plan2025, agreementId: a1.id, unitId: units.koperasi, period: '2025-S2', status: 'verified', beneficiaries: [{ group: 'umkm', count: 5 }] });
    const a1Plan = await buildPlan(db, { agreementId: a1.id, unitId: units.koperasi, budgetYear: 2026 });
    await buildReport(db, {
      planId: a1Plan,
      agreementId: a1.id,
      unitId: units.koperasi,
      period: '2026-S1',
      status: 'verified',
      beneficiaries: [{ group: 'umkm', count: 30 }, { group: 'pedagang', count: 10 }],
      funds: [{ source: 'APBD', realised: '2000000' }],
    });
    await buildFinalEvaluation(db, { agreementId: a1.id, period: '2026-S1' });
    // A2: signed in the period, disseminated but not acknowledged, planned, its report only submitted.
    const a2 = await buildAgreement(db, { numberOurs: 'DSB/2', signedOn: '2026-02-01', startsOn: '2026-02-01', endsOn: '2029-01-31', leadUnitId: units.pendidikan });
    await publish(db, { agreementId: a2.id, unitId: units.pendidikan, publishedOn: '2026-03-01', acknowledgedOn: null });
    const a2Plan = await buildPlan(db, { agreementId: a2.id, unitId: units.pendidikan, budgetYear: 2026 });
    await buildReport(db, { planId: a2Plan, agreementId: a2.id, unitId: units.pendidikan, period: '2026-S1', status: 'submitted' });
    // A3: signed in the period and planned; its report for 2026-S1 never came (overdue today).
    const a3 = await buildAgreement(db, { numberOurs: 'DSB/3', signedOn: '2026-05-01', startsOn: '2026-05-01', endsOn: '2029-04-30', leadUnitId: units.pendidikan });
    await buildPlan(db, { agreementId: a3.id, unitId: units.pendidikan, budgetYear: 2026 });
    // A7: health, implemented with a verified report that reached no one and spent nothing; ends soon.
    const a7 = await buildAgreement(db, { numberOurs: 'DSB/7', signedOn: '2024-01-01', startsOn: '2024-01-01', endsOn: '2027-02-01', primarySectorCode: 'kesehatan', leadUnitId: units.koperasi });
    const a7Plan = await buildPlan(db, { agreementId: a7.id, unitId: units.koperasi, budgetYear: 2026 });
    await buildReport(db, { planId: a7Plan, agreementId: a7.id, unitId: units.koperasi, period: '2026-S1', status: 'verified' });
    // A8: in force since 2023 and nothing done: dormant.
    const a8 = await buildAgreement(db, { numberOurs: 'DSB/8', signedOn: '2023-01-10', startsOn: '2023-01-10', endsOn: '2031-01-09', leadUnitId: units.pendidikan });
    // Outside both periods or not counted: ended in 2024, signed after the period, a draft, an adendum.
    await buildAgreement(db, { numberOurs: 'DSB/4', signedOn: '2020-01-01', startsOn: '2020-01-01', endsOn: '2024-12-31', leadUnitId: units.pendidikan });
    await buildAgreement(db, { numberOurs: 'DSB/6', signedOn: '2026-07-15', startsOn: '2026-07-15', endsOn: '2028-07-14', leadUnitId: units.pendidikan });
    await buildAgreement(db, { isDraft: true, signedOn: null, startsOn: '2026-02-01', endsOn: '2027-02-01', leadUnitId: units.pendidikan });
    await buildAgreement(db, { docType: 'ADENDUM', parentId: a1.id, signedOn: '2026-02-01', startsOn: '2026-02-01', endsOn: '2030-02-28', leadUnitId: units.koperasi });
    Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id, a7: a7.id, a8: a8.id });
  });

  afterAll(async () => {
    await t.close();
  });

  const dashboard = async (query = PERIOD): Promise<LeadershipDashboard> => {
    const response = await call('GET', `/api/leadership/dashboard?${query}`, roles.pimpinan);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('counts each step of the funnel for the period and the previous period of the same length', async () => {
    const body = await dashboard();
    expect(body.period).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(body.previousPeriod).toEqual({ from: '2025-07-04', to: '2025-12-31' });
    expect(Object.fromEntries(body.funnel.map((step) => [step.step, [step.count, step.previous]]))).toEqual({
      signed: [5, 3],
      disseminated: [2, 1],
      acknowledged: [1, 1],
      planned: [4, 1],
      implemented: [2, 1],
      evaluated: [1, 0],
      impact: [1, 1],
    });
    expect(body.signedInPeriod).toEqual({ count: 2, previous: 0 });
  });

  it('counts down to the statutory reports, and shows one submitted once its letter is recorded', async () => {
    const annual2025 = (body: LeadershipDashboard) => body.deadlines.find((deadline) => deadline.label === 'Laporan tahunan pelaksanaan kerja sama 2025');
    expect(annual2025(await dashboard())).toEqual({ label: 'Laporan tahunan pelaksanaan kerja sama 2025', dueOn: '2026-01-07', submitted: false });
    expect((await dashboard()).deadlines.map((deadline) => deadline.dueOn)).toEqual(['2026-01-07', '2026-01-14', '2026-07-14', '2027-01-07', '2027-01-14']);
    // Recording a submission moves no register revision: the kept figures must not hide it.
    await t.database.db.insert(annualReports).values({ kind: 'annual', year: 2025, period: '2025', status: 'submitted', jobStatus: 'ready', createdAt: NOW, updatedAt: NOW, letterNumber: '000.1/12/2026', letterDate: '2026-01-05', recipient: 'Gubernur Maluku Utara', submittedAt: NOW });
    expect(annual2025(await dashboard())?.submitted).toBe(true);
  });

  it('sums beneficiaries by group and funds by source from verified reports only', async () => {
    const body = await dashboard();
    const beneficiaries = Object.fromEntries(body.beneficiaries.map((row) => [row.group, [row.count, row.previous]]));
    expect(beneficiaries).toMatchObject({ umkm: [30, 5], pedagang: [10, 0], warga: [0, 0] });
    expect(body.funds).toEqual([
      { source: 'APBD', realised: '2000000', previous: '0' },
      { source: 'mitra', realised: '0', previous: '0' },
      { source: 'lainnya', realised: '0', previous: '0' },
    ]);
  });

  it('counts the bands of the final evaluations of the period', async () => {
    const body = await dashboard();
    expect(body.bands.map((band) => band.band)).toEqual(['efektif', 'cukup', 'kurang', 'dorman']);
    expect(body.bands.reduce((sum, band) => sum + band.count, 0)).toBe(1);
    expect(body.bands.reduce((sum, band) => sum + band.previous, 0)).toBe(0);
  });

  it('tells who turns agreements into activity, per OPD and per sector', async () => {
    const body = await dashboard();
    const ours = body.byUnit.filter((row) => Object.values(units).includes(row.unitId));
    expect(ours).toEqual([
      { unitId: units.koperasi, unitName: 'Dinas Koperasi dan UKM Uji Dasbor', assigned: 2, planned: 2, implemented: 2, evaluated: 1 },
      { unitId: units.pendidikan, unitName: 'Dinas Pendidikan Uji Dasbor', assigned: 3, planned: 2, implemented: 0, evaluated: 0 },
    ]);
    expect(body.bySector.map((row) => [row.sectorCode, row.agreements, row.planned, row.implemented, row.evaluated])).toEqual([
      ['pendidikan', 3, 2, 0, 0],
      ['kesehatan', 1, 1, 1, 0],
      ['umkm_koperasi', 1, 1, 1, 1],
    ]);
  });

  it('shows the UMKM lens: agreements, plans, budget, UMKM and traders reached, financing', async () => {
    const { umkm } = await dashboard();
    expect(umkm.sectorCodes).toEqual(['umkm_koperasi']);
    expect(umkm.beneficiaryGroups).toEqual(['umkm', 'pedagang']);
    expect(umkm.agreements).toEqual({ count: 1, previous: 1 });
    expect(umkm.planned).toEqual({ count: 1, previous: 1 });
    expect(umkm.implemented).toEqual({ count: 1, previous: 1 });
    expect(umkm.plannedBudget).toEqual({ amount: '0', previous: '0' });
    expect(umkm.beneficiaries).toEqual([
      { group: 'umkm', count: 30, previous: 5 },
      { group: 'pedagang', count: 10, previous: 0 },
    ]);
    expect(umkm.funds[0]).toEqual({ source: 'APBD', realised: '2000000', previous: '0' });
  });

  it('names dormant and expiring agreements and the reports overdue as of today', async () => {
    const body = await dashboard();
    expect(body.dormant.top.map((row) => row.id)).toContain(ids.a8);
    expect(body.dormant.total).toBeGreaterThanOrEqual(1);
    expect(body.expiring.top.map((row) => [row.id, row.endsOn])).toContainEqual([ids.a7, '2027-02-01']);
    expect(body.overdueReports.period).toBe('2026-S1');
    expect(body.overdueReports.top.map((row) => row.agreementId)).toContain(ids.a3);
    expect(body.overdueReports.top.map((row) => row.agreementId)).not.toContain(ids.a2);
  });

  it('defaults to the year to date', async () => {
    const response = await call('GET', '/api/leadership/dashboard', roles.admin);
    expect(response.statusCode).toBe(200);
    const body: LeadershipDashboard = response.json();
    expect(body.period).toEqual({ from: '2026-01-01', to: '2026-12-06' });
    expect(body.previousPeriod).toEqual({ from: '2025-01-26', to: '2025-12-31' });
  });

  it('lists the agreements behind a step with partner and OPD, a page at a time', async () => {
    const planned = await call('GET', `/api/leadership/funnel/planned?${PERIOD}`, roles.tkksd);
    expect(planned.statusCode).toBe(200);
    const list: FunnelList = planned.json();
    expect(list.total).toBe(4);
    expect(list.items.map((item) => item.id).sort()).toEqual([ids.a1, ids.a2, ids.a3, ids.a7].sort());
    const acknowledged: FunnelList = (await call('GET', `/api/leadership/funnel/acknowledged?${PERIOD}`, roles.pimpinan)).json();
    expect(acknowledged.items).toEqual([
      { id: ids.a1, numberOurs: 'DSB/1', numberPartner: null, title: 'Pembiayaan UMKM Uji', signedOn: '2025-03-01', partnerName: 'PT Bank Uji Dasbor', unitName: 'Dinas Koperasi dan UKM Uji Dasbor' },
    ]);
    const second: FunnelList = (await call('GET', `/api/leadership/funnel/signed?${PERIOD}&page=2&pageSize=2`, roles.pimpinan)).json();
    expect(second.items).toHaveLength(2);
    expect(second.total).toBe(5);
  });

  it.each([
    ['from=2026-07-01&to=2026-01-01', 'from'],
    ['from=2026-02-30', 'from'],
    ['to=kemarin', 'to'],
    ['from=2000-01-01&to=2026-01-01', 'to'],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const response = await call('GET', `/api/leadership/dashboard?${query}`, roles.pimpinan);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe(field);
  });

  it('answers 400 for a step that does not exist', async () => {
    expect((await call('GET', '/api/leadership/funnel/signed-up', roles.pimpinan)).statusCode).toBe(400);
  });

  it('lets the pimpinan, the division and the TKKSD read; refuses an OPD and an anonymous caller', async () => {
    for (const [cookie, status] of [
      [roles.pimpinan, 200],
      [roles.admin, 200],
      [roles.tkksd, 200],
      [roles.opdOwn, 403],
      ['', 401],
    ] as const) {
      expect((await call('GET', `/api/leadership/dashboard?${PERIOD}`, cookie)).statusCode).toBe(status);
      expect((await call('GET', `/api/leadership/funnel/signed?${PERIOD}`, cookie)).statusCode).toBe(status);
    }
  });
});
