import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { EvaluationView } from '../../../shared/evaluation';
import type { Db } from '../../db/client';
import { DEFAULT_EVALUATION_FORM } from '../../seed/default-evaluation-form';
import { disseminationPackages, disseminationRecipients } from '../dissemination/dissemination.table';
import { obligationOccurrences, obligations } from '../monitoring/obligations.table';
import { activityPlans } from '../plans/plans.table';
import { realisationReports } from '../realisation/realisation.table';
import { seedEvaluationForm } from './evaluation-form.service';
import { evaluationComputedValues } from './evaluation.table';

type Units = { lead: string; supporting: string };

async function insertPlans(db: Db, agreementId: string, units: Units): Promise<{ p1: string; p2: string }> {
  const plan = (unitId: string, indicators: { name: string; unit: string; target: number }[]) => ({ agreementId, unitId, budgetYear: 2026, title: 'Rencana uji', budgetAmount: '0', budgetSource: 'APBD' as const, indicators });
  const rows = await db
    .insert(activityPlans)
    .values([plan(units.lead, [{ name: 'Warga terlatih', unit: 'orang', target: 200 }, { name: 'Jalan', unit: 'km', target: 5 }]), plan(units.supporting, [])])
    .returning({ id: activityPlans.id });
  return { p1: rows[0]!.id, p2: rows[1]!.id };
}

async function insertReport(db: Db, input: { agreementId: string; planId: string; unitId: string; period: string; status: 'submitted' | 'verified'; submittedAt: string; beneficiaries: number }): Promise<void> {
  const { submittedAt, beneficiaries, ...rest } = input;
  await db.insert(realisationReports).values({ ...rest, summary: 'Kegiatan dilaksanakan', submittedAt: new Date(submittedAt), beneficiaries: [{ group: 'warga', count: beneficiaries }] });
}

// A recurring obligation due every three months from 31 March 2026: met on time, met late, waived,
// and the December one never recorded.
async function insertObligation(db: Db, agreementId: string, unitId: string): Promise<void> {
  const [row] = await db.insert(obligations).values({ agreementId, party: 'city', unitId, description: 'Laporan triwulan', kind: 'recurring', dueOn: '2026-03-31', everyMonths: 3 }).returning({ id: obligations.id });
  const obligationId = row!.id;
  await db.insert(obligationOccurrences).values([
    { obligationId, dueOn: '2026-03-31', status: 'met', recordedAt: new Date('2026-03-30T02:00:00Z') },
    { obligationId, dueOn: '2026-06-30', status: 'met', recordedAt: new Date('2026-07-05T02:00:00Z') },
    { obligationId, dueOn: '2026-09-30', status: 'waived', waiverReason: 'Kegiatan ditunda', recordedAt: new Date('2026-09-01T02:00:00Z') },
  ]);
}

async function insertPackage(db: Db, agreementId: string, units: Units): Promise<string> {
  const [pkg] = await db.insert(disseminationPackages).values({ agreementId, status: 'published', summaryWhat: 'Ringkasan', publishedAt: new Date('2026-02-01T00:00:00Z') }).returning({ id: disseminationPackages.id });
  const sentAt = new Date('2026-02-01T00:00:00Z');
  await db.insert(disseminationRecipients).values([
    { packageId: pkg!.id, unitId: units.lead, sentAt, acknowledgedAt: new Date('2026-02-03T00:00:00Z') },
    { packageId: pkg!.id, unitId: units.supporting, sentAt },
  ]);
  return pkg!.id;
}

function figuresOf(view: EvaluationView) {
  return Object.fromEntries(view.computed.map((value) => [value.code, { score: value.score, figures: value.figures }]));
}

describe('computed indicators of an evaluation', () => {
  let t: TestApp;
  let cookie: string;
  let agreementId: string;
  let units: Units;
  let plans: { p1: string; p2: string };
  let packageId: string;
  let final: EvaluationView;

  beforeAll(async () => {
    // After the close of 2026-S2's reporting window (30 days after 31 December).
    t = await createTestApp({ now: new Date('2027-02-10T03:00:00Z') });
    const db = t.database.db;
    await seedEvaluationForm(db, { form: DEFAULT_EVALUATION_FORM, now: t.clock.now });
    units = { lead: (await buildUnit(db, { name: 'Dinas Terhitung Utama' })).id, supporting: (await buildUnit(db, { name: 'Dinas Terhitung Pendukung' })).id };
    agreementId = (await buildAgreement(db, { leadUnitId: units.lead, supportingUnitIds: [units.supporting], signedOn: '2025-12-01', startsOn: '2026-01-01', endsOn: '2029-12-31' })).id;
    plans = await insertPlans(db, agreementId, units);
    const report = { agreementId, status: 'verified' as const };
    await insertReport(db, { ...report, planId: plans.p1, unitId: units.lead, period: '2026-S1', submittedAt: '2026-07-20T02:00:00Z', beneficiaries: 70 });
    await insertReport(db, { ...report, planId: plans.p1, unitId: units.lead, period: '2026-S2', submittedAt: '2027-01-25T02:00:00Z', beneficiaries: 50 });
    await insertReport(db, { ...report, status: 'submitted', planId: plans.p2, unitId: units.supporting, period: '2026-S1', submittedAt: '2026-08-05T02:00:00Z', beneficiaries: 999 });
    await insertObligation(db, agreementId, units.lead);
    packageId = await insertPackage(db, agreementId, units);
    cookie = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('shows each computed indicator with its figures while the evaluation is open, and counts it in the score', async () => {
    const opened = (await call('POST', `/api/agreements/${agreementId}/evaluations`, { period: '2026-S2' })).json<EvaluationView>();
    const answers = DEFAULT_EVALUATION_FORM.indicators.filter((indicator) => indicator.respondents.includes('admin')).map(({ code }) => ({ code, score: 3, evidenceVerified: true }));
    await call('PUT', `/api/evaluations/${opened.id}/response`, { answers });
    const view = (await call('GET', `/api/evaluations/${opened.id}`)).json<EvaluationView>();
    expect(view.computedFrozenAt).toBeNull();
    expect(figuresOf(view)).toEqual({
      // 31 Mar on time, 30 Jun late, 30 Sep waived, 31 Dec never recorded.
      kewajiban_tepat_waktu: { score: 1, figures: { count: 1, of: 3 } },
      rencana_kegiatan: { score: 4, figures: { count: 2, of: null } },
      diseminasi_diterima: { score: 2, figures: { count: 1, of: 2 } },
      // Verified only: 70 + 50 of the 200 people targeted (the km target is not people).
      penerima_manfaat: { score: 2, figures: { count: 120, of: 200 } },
      // S1: one on time, one late; S2: one on time, one missing.
      laporan_berkala: { score: 2, figures: { count: 2, of: 4 } },
    });
    expect(view.computed.find((value) => value.code === 'penerima_manfaat')).toMatchObject({ question: 'Jumlah penerima manfaat dibanding target', dimension: 'mutualisme', weight: 3 });
    // Simbiosis: kontribusi_mitra 3 × 3, kewajiban 1 × 2, rencana 4 × 1, diseminasi 2 × 1, over weights 7.
    expect(view.result.dimensions.simbiosis).toBe(2.43);
  });

  it('freezes the values at finalisation: later data never change a final evaluation', async () => {
    const [open] = (await call('GET', `/api/agreements/${agreementId}/evaluations`)).json<{ id: string }[]>();
    final = (await call('POST', `/api/evaluations/${open!.id}/finalise`, { version: 1 })).json<EvaluationView>();
    expect(final.computedFrozenAt).toBe(t.clock.now.toISOString());
    const db = t.database.db;
    await db.update(disseminationRecipients).set({ acknowledgedAt: t.clock.now }).where(eq(disseminationRecipients.packageId, packageId));
    await insertReport(db, { agreementId, status: 'verified', planId: plans.p2, unitId: units.supporting, period: '2026-S2', submittedAt: '2027-01-20T02:00:00Z', beneficiaries: 200 });
    t.clock.now = new Date('2027-03-01T03:00:00Z');
    cookie = (await t.loginAs('admin')).cookie;
    const later = (await call('GET', `/api/evaluations/${final.id}`)).json<EvaluationView>();
    expect(later.computed).toEqual(final.computed);
    expect(later.result).toEqual(final.result);
    await expect(db.update(evaluationComputedValues).set({ score: 4 }).where(eq(evaluationComputedValues.evaluationId, final.id))).rejects.toThrow();
  });

  it('computes a reopened evaluation afresh from the data as they are now', async () => {
    const reopened = (await call('POST', `/api/evaluations/${final.id}/reopen`)).json<EvaluationView>();
    expect(figuresOf(reopened)).toMatchObject({
      diseminasi_diterima: { score: 4, figures: { count: 2, of: 2 } },
      penerima_manfaat: { score: 4, figures: { count: 320, of: 200 } },
      laporan_berkala: { score: 3, figures: { count: 3, of: 4 } },
    });
  });
});
