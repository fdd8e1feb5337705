import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement, buildPartner, type AgreementOverrides, type BuiltAgreement } from '../../../../tests/support/registry-builders';
import { caller, signInRoles, type RoleSessions } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Answer } from '../../../shared/evaluation';
import type { PartnerHealthView } from '../../../shared/partner-health';
import type { Db } from '../../db/client';
import { DEFAULT_EVALUATION_FORM } from '../../seed/default-evaluation-form';
import { seedEvaluationForm } from '../evaluation/evaluation-form.service';
import { evaluationResponses, evaluations } from '../evaluation/evaluation.table';
import { buildPlan, buildPublishedPackage, buildReport } from '../monitoring/monitoring.test-support';

// 5 December 2026 in Ternate: 2026-S1 is the last closed monitoring period.
const NOW = new Date('2026-12-05T01:00:00Z');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Roles = 'anonymous' | 'admin' | 'tkksd' | 'pimpinan' | 'opdOwn' | 'opdOther';

// A final evaluation every respondent answered with 4; with no evidence and no computed facts
// behind it the band comes out Kurang, a weak evaluation.
async function buildFinalEvaluation(db: Db, agreementId: string): Promise<void> {
  const [row] = await db.insert(evaluations).values({ agreementId, period: '2026-S1', formRevision: 1, status: 'final', openedAt: NOW, finalisedAt: NOW }).returning({ id: evaluations.id });
  if (!row) throw new Error('no evaluation');
  for (const respondent of ['opd', 'tkksd', 'admin'] as const) {
    const answers: Answer[] = DEFAULT_EVALUATION_FORM.indicators.filter((indicator) => indicator.respondents.includes(respondent)).map((indicator) => ({ code: indicator.code, score: 4 }));
    await db.insert(evaluationResponses).values({ evaluationId: row.id, respondent, answers, submittedAt: NOW });
  }
}

// Disseminated, planned for this year and reported for the last closed period: nothing to follow up.
async function buildHealthyAgreement(db: Db, overrides: AgreementOverrides & { leadUnitId: string }): Promise<BuiltAgreement> {
  const agreement = await buildAgreement(db, { signedOn: '2025-01-10', startsOn: '2025-01-10', endsOn: '2030-01-09', ...overrides });
  await buildPublishedPackage(db, agreement.id);
  const plan = await buildPlan(db, { agreementId: agreement.id, unitId: overrides.leadUnitId, budgetYear: 2026 });
  await buildReport(db, { planId: plan, agreementId: agreement.id, unitId: overrides.leadUnitId, period: '2026-S1', status: 'submitted' });
  return agreement;
}

describe('GET /api/partners/:id/agreements', () => {
  let t: TestApp;
  let s: RoleSessions;
  const call = caller(() => t.app);
  const ids: Record<string, string> = {};
  const cookieOf = (who: Roles) => (who === 'anonymous' ? '' : s[who]);
  const read = async (who: Roles, partnerId = ids.partner!) => {
    const response = await call('GET', `/api/partners/${partnerId}/agreements`, cookieOf(who));
    expect(response.statusCode, `${who}: ${response.body}`).toBe(200);
    return response.json<PartnerHealthView>();
  };
  const titles = (view: PartnerHealthView) => view.agreements.map((agreement) => agreement.title).sort();

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    s = await signInRoles(t);
    const db = t.database.db;
    await seedEvaluationForm(db, { form: DEFAULT_EVALUATION_FORM, now: NOW });
    const partner = await buildPartner(db, { name: 'Universitas Khairun Uji', categoryCode: 'perguruan_tinggi_negeri' });
    ids.partner = partner.id;
    const other = await buildUnit(db, { name: 'Dinas Lain Uji Kesehatan' });
    const withPartner = { partners: [{ id: partner.id }] };
    ids.healthy = (await buildHealthyAgreement(db, { ...withPartner, numberOurs: 'SEHAT/1', title: 'Sehat', leadUnitId: s.unit.id })).id;
    // The same facts, and a weak final evaluation.
    const evaluated = await buildHealthyAgreement(db, { ...withPartner, title: 'Dinilai', leadUnitId: other.id });
    await buildFinalEvaluation(db, evaluated.id);
    // Signed two years ago, nothing planned or reported since: dormant.
    await buildAgreement(db, { ...withPartner, title: 'Tidur', leadUnitId: other.id, signedOn: '2024-01-10', startsOn: '2024-01-10', endsOn: '2029-01-09' });
    // Signed two months ago and not disseminated yet.
    await buildAgreement(db, { ...withPartner, title: 'Baru', leadUnitId: other.id, signedOn: '2026-10-01', startsOn: '2026-10-01', endsOn: '2028-09-30' });
    await buildAgreement(db, { ...withPartner, title: 'Selesai', leadUnitId: other.id, signedOn: '2022-01-10', startsOn: '2022-01-10', endsOn: '2025-01-09' });
    await buildAgreement(db, { ...withPartner, title: 'Draf milik sendiri', leadUnitId: s.unit.id, isDraft: true, signedOn: null });
    await buildAgreement(db, { ...withPartner, title: 'Draf dinas lain', leadUnitId: other.id, isDraft: true, signedOn: null });
    // Another partner's agreement stays off this page; this partner as second party stays on.
    await buildAgreement(db, { title: 'Mitra lain', signedOn: '2025-01-10' });
    await buildAgreement(db, { partners: [{}, { id: partner.id }], title: 'Mitra kedua', leadUnitId: other.id, signedOn: '2026-11-01', startsOn: '2026-11-01', endsOn: '2028-10-31' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets every signed-in role read a partner page and nobody without a session', async () => {
    const expected: Record<Roles, number> = { anonymous: 401, admin: 200, tkksd: 200, pimpinan: 200, opdOwn: 200, opdOther: 200 };
    for (const who of Object.keys(expected) as Roles[]) {
      const response = await call('GET', `/api/partners/${ids.partner!}/agreements`, cookieOf(who));
      expect(response.statusCode, who).toBe(expected[who]);
    }
  });

  it('answers 404 for an unknown partner and 400 naming the id for one that is not an id', async () => {
    const missing = await call('GET', `/api/partners/${UNKNOWN}/agreements`, s.admin);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Mitra tidak ditemukan.');
    const bad = await call('GET', '/api/partners/bukan-id/agreements', s.admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id');
  });

  it('shows drafts as the register does: all to the division and the TKKSD, its own to an OPD, none to the pimpinan', async () => {
    const signed = ['Baru', 'Dinilai', 'Mitra kedua', 'Sehat', 'Selesai', 'Tidur'];
    const all = [...signed, 'Draf dinas lain', 'Draf milik sendiri'].sort();
    expect(titles(await read('admin'))).toEqual(all);
    expect(titles(await read('tkksd'))).toEqual(all);
    expect(titles(await read('opdOwn'))).toEqual([...signed, 'Draf milik sendiri'].sort());
    expect(titles(await read('opdOther'))).toEqual(signed);
    expect(titles(await read('pimpinan'))).toEqual(signed);
  });

  it('gives each agreement its facts and health, and counts the agreements per health state', async () => {
    const view = await read('pimpinan');
    expect(view.partner).toEqual({ id: ids.partner, name: 'Universitas Khairun Uji', categoryCode: 'perguruan_tinggi_negeri', groupCode: expect.any(String) as string });
    expect(view.on).toBe('2026-12-05');
    const byTitle = new Map(view.agreements.map((agreement) => [agreement.title, agreement]));
    expect(byTitle.get('Sehat')).toMatchObject({
      id: ids.healthy,
      numberOurs: 'SEHAT/1',
      docType: 'KB',
      status: 'aktif',
      signedOn: '2025-01-10',
      endsOn: '2030-01-09',
      leadUnit: { id: s.unit.id, name: s.unit.name },
      position: 0,
      health: { status: 'sehat', reasons: [], lastBand: null, on: '2026-12-05' },
    });
    expect(byTitle.get('Dinilai')?.health).toMatchObject({ status: 'perlu_perhatian', reasons: ['weak_evaluation'], lastBand: 'kurang' });
    expect(byTitle.get('Tidur')?.health).toMatchObject({ status: 'dorman', reasons: expect.arrayContaining(['dormant']) as string[] });
    expect(byTitle.get('Baru')?.health).toMatchObject({ status: 'perlu_perhatian', reasons: expect.arrayContaining(['not_disseminated']) as string[] });
    expect(byTitle.get('Mitra kedua')).toMatchObject({ position: 1, health: { status: 'perlu_perhatian' } });
    expect(byTitle.get('Selesai')).toMatchObject({ status: 'berakhir', health: null });
    expect(view.counts).toEqual({ sehat: 1, perlu_perhatian: 3, dorman: 1, notInForce: 1 });
  });

  it('lists what needs acting on first: dormant, needing attention, healthy, then not in force', async () => {
    const order = (await read('pimpinan')).agreements.map((agreement) => agreement.title);
    // Within a state, the latest signed first.
    expect(order).toEqual(['Tidur', 'Mitra kedua', 'Baru', 'Dinilai', 'Sehat', 'Selesai']);
  });

  it('counts a draft the reader sees as not in force', async () => {
    expect((await read('opdOwn')).counts).toEqual({ sehat: 1, perlu_perhatian: 3, dorman: 1, notInForce: 2 });
  });

  it('answers a partner without agreements with an empty list', async () => {
    const lonely = await buildPartner(t.database.db, { name: 'Yayasan Tanpa Naskah' });
    const view = await read('tkksd', lonely.id);
    expect(view.agreements).toEqual([]);
    expect(view.counts).toEqual({ sehat: 0, perlu_perhatian: 0, dorman: 0, notInForce: 0 });
  });
});
