import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { caller, signInRoles, type Method } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { PackageView, TrackingRow } from '../../../shared/dissemination';
import type { GapResponse, InboxRow, PlanView } from '../../../shared/plans';
import type { Db } from '../../db/client';


async function planCounts(db: Db) {
  const result: unknown = await db.execute(sql`SELECT (SELECT count(*)::int FROM activity_plans) AS plans, (SELECT count(*)::int FROM dissemination_beneficiaries) AS beneficiaries, (SELECT count(*)::int FROM audit_log) AS audit`);
  return (result as { rows: Record<string, number>[] }).rows[0];
}

describe('plans and gap routes', () => {
  let t: TestApp;
  let admin: string;
  let tkksd: string;
  let pimpinan: string;
  let unit: { id: string; name: string };
  let opdOwn: string;
  let opdOther: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, tkksd, pimpinan, unit, opdOwn, opdOther } = await signInRoles(t));
  });
  afterAll(async () => {
    await t.close();
  });

  const call = caller(() => t.app);

  async function disseminate(agreementId: string) {
    const body = { summaryWhat: 'Ringkasan kerja sama pembiayaan pedagang.', tasks: [{ unitId: unit.id, commitment: 'Mendata pedagang calon debitur', dueOn: '2026-09-30' }], opportunities: [], publicDocumentIds: [] };
    expect((await call('PUT', `/api/agreements/${agreementId}/dissemination`, admin, body)).statusCode).toBe(200);
    expect((await call('POST', `/api/agreements/${agreementId}/dissemination/transition`, admin, { action: 'submit', version: 1 })).statusCode).toBe(200);
    const published = await call('POST', `/api/agreements/${agreementId}/dissemination/transition`, admin, { action: 'publish', version: 2 });
    expect(published.statusCode).toBe(200);
    return published.json<PackageView>();
  }

  const planBody = (agreementId: string, overrides: object = {}) => ({
    agreementId,
    title: 'Fasilitasi akses kredit pedagang pasar',
    budgetYear: 2027,
    programCode: '3.31.02',
    kegiatanCode: '3.31.02.2.01',
    subKegiatanCode: '3.31.02.2.01.0003',
    budgetAmount: '150000000',
    budgetSource: 'APBD',
    indicators: [{ name: 'Pedagang terfasilitasi', unit: 'orang', target: 200 }],
    startMonth: '2027-02',
    endMonth: '2027-11',
    ...overrides,
  });

  it('answers 401 without a session', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const requests: [Method, string, unknown?][] = [
      ['GET', '/api/plans/inbox'],
      ['GET', '/api/plans'],
      ['POST', '/api/plans', planBody(id)],
      ['PATCH', `/api/plans/${id}`, { budgetAmount: '1', version: 1 }],
      ['GET', '/api/dissemination/gap'],
      ['GET', `/api/agreements/${id}/beneficiaries`],
      ['POST', '/api/beneficiaries', { agreementId: id, kind: 'UMKM dibiayai', count: 1, reachedOn: '2026-05-20' }],
    ];
    for (const [method, url, payload] of requests) expect((await call(method, url, '', payload)).statusCode, `${method} ${url}`).toBe(401);
  });

  it('shows an OPD what it must act on and lets it plan for itself only', async () => {
    const agreement = await buildAgreement(t.database.db);
    const pkg = await disseminate(agreement.id);
    const inbox = (await call('GET', '/api/plans/inbox', opdOwn)).json<InboxRow[]>();
    const row = inbox.find((entry) => entry.agreementId === agreement.id);
    expect(row).toMatchObject({ planCount: 0, acknowledgedAt: null });
    expect(row?.tasks.map((task) => task.commitment)).toEqual(['Mendata pedagang calon debitur']);
    expect((await call('GET', '/api/plans/inbox', opdOther)).json<InboxRow[]>().some((entry) => entry.agreementId === agreement.id)).toBe(false);
    for (const cookie of [admin, pimpinan]) expect((await call('GET', '/api/plans/inbox', cookie)).statusCode).toBe(403);

    const before = await planCounts(t.database.db);
    expect((await call('POST', '/api/plans', opdOther, planBody(agreement.id, { unitId: unit.id }))).statusCode).toBe(403);
    for (const cookie of [tkksd, pimpinan]) expect((await call('POST', '/api/plans', cookie, planBody(agreement.id, { unitId: unit.id }))).statusCode).toBe(403);
    expect(await planCounts(t.database.db)).toEqual(before);

    const created = await call('POST', '/api/plans', opdOwn, planBody(agreement.id, { taskId: pkg.tasks[0]?.id }));
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json<PlanView>();
    expect(plan).toMatchObject({ unitId: unit.id, budgetAmount: '150000000', budgetSource: 'APBD', version: 1, taskId: pkg.tasks[0]?.id });
    expect((await call('GET', '/api/plans/inbox', opdOwn)).json<InboxRow[]>().find((entry) => entry.agreementId === agreement.id)?.planCount).toBe(1);
    // The other OPD neither sees nor edits it.
    expect((await call('GET', `/api/plans?agreementId=${agreement.id}`, opdOther)).json<PlanView[]>()).toEqual([]);
    expect((await call('GET', `/api/plans?unitId=${unit.id}`, opdOther)).statusCode).toBe(403);
    expect((await call('PATCH', `/api/plans/${plan.id}`, opdOther, { budgetAmount: '1', version: 1 })).statusCode).toBe(403);
    expect((await call('GET', `/api/plans?agreementId=${agreement.id}`, pimpinan)).json<PlanView[]>()).toHaveLength(1);
    const updated = await call('PATCH', `/api/plans/${plan.id}`, opdOwn, { budgetAmount: '175000000', version: 1 });
    expect(updated.json<PlanView>()).toMatchObject({ budgetAmount: '175000000', version: 2 });
    expect((await call('PATCH', `/api/plans/${plan.id}`, opdOwn, { budgetAmount: '1', version: 1 })).statusCode).toBe(409);
  });

  it("marks each OPD told as planned in the package and the tracking list once it has a plan, and no other OPD", async () => {
    const agreement = await buildAgreement(t.database.db);
    const published = await disseminate(agreement.id);
    expect(published.recipients.map((recipient) => [recipient.unitId, recipient.planned])).toEqual([[unit.id, false]]);
    const trackingOf = async () => (await call('GET', '/api/dissemination', admin)).json<TrackingRow[]>().find((row) => row.agreementId === agreement.id);
    expect((await trackingOf())?.recipients.map((recipient) => recipient.planned)).toEqual([false]);
    // A plan of the same OPD for another agreement says nothing about this one.
    const elsewhere = await buildAgreement(t.database.db);
    expect((await call('POST', '/api/plans', opdOwn, planBody(elsewhere.id))).statusCode).toBe(201);
    expect((await call('GET', `/api/agreements/${agreement.id}/dissemination`, admin)).json<PackageView>().recipients[0]?.planned).toBe(false);

    expect((await call('POST', '/api/plans', opdOwn, planBody(agreement.id))).statusCode).toBe(201);
    const view = (await call('GET', `/api/agreements/${agreement.id}/dissemination`, opdOwn)).json<PackageView>();
    expect(view.recipients).toEqual([expect.objectContaining({ unitId: unit.id, planned: true })]);
    expect(Object.keys(view.recipients[0] ?? {})).toEqual(['unitId', 'unitName', 'sentAt', 'firstOpenedAt', 'firstOpenedByName', 'acknowledgedAt', 'acknowledgedByName', 'planned']);
    expect((await trackingOf())?.recipients.map((recipient) => recipient.planned)).toEqual([true]);
    const acknowledged = await call('POST', `/api/agreements/${agreement.id}/dissemination/acknowledge`, opdOwn);
    expect(acknowledged.json<PackageView>().recipients[0]).toMatchObject({ planned: true });
  });

  it('refuses a negative budget and other bad input with a 400 naming the field, writing nothing', async () => {
    const agreement = await buildAgreement(t.database.db);
    const before = await planCounts(t.database.db);
    const cases: [object, string][] = [
      [{ budgetAmount: '-5000000' }, 'budgetAmount'],
      [{ budgetAmount: 'seratus' }, 'budgetAmount'],
      [{ budgetSource: 'hibah_asing' }, 'budgetSource'],
      [{ startMonth: '2027-13' }, 'startMonth'],
      [{ startMonth: '2027-10', endMonth: '2027-02' }, 'endMonth'],
      [{ indicators: [{ name: 'Pedagang', unit: 'orang', target: -1 }] }, 'indicators.0.target'],
      [{ agreementId: '00000000-0000-4000-8000-000000000000' }, 'agreementId'],
      [{ taskId: '00000000-0000-4000-8000-000000000000' }, 'taskId'],
    ];
    for (const [patch, field] of cases) {
      const response = await call('POST', '/api/plans', opdOwn, planBody(agreement.id, patch));
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.field, field).toBe(field);
    }
    const negative = await call('POST', '/api/plans', opdOwn, planBody(agreement.id, { budgetAmount: '-1' }));
    expect(negative.json().error.message).toContain('negatif');
    expect(await planCounts(t.database.db)).toEqual(before);
  });

  it('moves the gap numbers: signed → disseminated → acknowledged → planned, per year and per OPD', async () => {
    const year = 2019;
    const gap = async () => (await call('GET', `/api/dissemination/gap?year=${year}`, admin)).json<GapResponse>();
    const agreement = await buildAgreement(t.database.db, { signedOn: `${year}-05-02`, startsOn: `${year}-05-02`, endsOn: '2030-05-01' });
    expect((await gap()).totals).toEqual({ signed: 1, disseminated: 0, acknowledged: 0, planned: 0 });
    expect((await gap()).withoutPlan.map((row) => row.agreementId)).toEqual([agreement.id]);
    await disseminate(agreement.id);
    expect((await gap()).totals).toEqual({ signed: 1, disseminated: 1, acknowledged: 0, planned: 0 });
    expect((await call('POST', `/api/agreements/${agreement.id}/dissemination/acknowledge`, opdOwn)).statusCode).toBe(200);
    expect((await gap()).totals).toEqual({ signed: 1, disseminated: 1, acknowledged: 1, planned: 0 });
    expect((await call('POST', '/api/plans', opdOwn, planBody(agreement.id))).statusCode).toBe(201);
    const after = await gap();
    expect(after.totals).toEqual({ signed: 1, disseminated: 1, acknowledged: 1, planned: 1 });
    expect(after.byYear).toEqual([{ year, signed: 1, disseminated: 1, acknowledged: 1, planned: 1 }]);
    expect(after.byUnit).toEqual([{ unitId: unit.id, unitName: unit.name, tasked: 1, acknowledged: 1, planned: 1 }]);
    expect(after.withoutPlan).toEqual([]);
    for (const [cookie, status] of [[tkksd, 200], [pimpinan, 200], [opdOwn, 403]] as const) expect((await call('GET', '/api/dissemination/gap', cookie)).statusCode).toBe(status);
  });

  it('lists plans to each reader by its scope, filtered by agreement, OPD and budget year, newest year first then by OPD', async () => {
    const agreement = await buildAgreement(t.database.db, { title: `Kerja sama daftar rencana ${Date.now()}` });
    const other = await buildUnit(t.database.db, { name: `Badan Perencanaan ${Date.now()}` });
    const older = (await call('POST', '/api/plans', opdOwn, planBody(agreement.id, { budgetYear: 2031, title: 'Rencana lama' }))).json<PlanView>();
    const newer = (await call('POST', '/api/plans', opdOwn, planBody(agreement.id, { budgetYear: 2032, title: 'Rencana baru' }))).json<PlanView>();
    const forOther = await call('POST', '/api/plans', admin, planBody(agreement.id, { budgetYear: 2032, title: 'Rencana unit lain', unitId: other.id, budgetSource: 'mitra' }));
    expect(forOther.statusCode, forOther.body).toBe(201);
    const beneficiary = { agreementId: agreement.id, kind: 'Pedagang terfasilitasi', count: 40, reachedOn: '2026-05-20' };
    for (const count of [40, 2]) expect((await call('POST', '/api/beneficiaries', opdOwn, { ...beneficiary, count })).statusCode).toBe(201);
    const ids = async (cookie: string, query: string) => {
      const response = await call('GET', `/api/plans?agreementId=${agreement.id}${query}`, cookie);
      expect(response.statusCode, `${query} ${response.body}`).toBe(200);
      return response.json<PlanView[]>().map((plan) => plan.id);
    };
    // Within a year the OPDs sort by name: "Badan …" before "Dinas …".
    const all2032 = [forOther.json<PlanView>().id, newer.id];
    for (const cookie of [admin, tkksd, pimpinan]) {
      expect(await ids(cookie, ''), 'all').toEqual([...all2032, older.id]);
      expect(await ids(cookie, '&budgetYear=2032'), 'year').toEqual(all2032);
      expect(await ids(cookie, `&unitId=${unit.id}`), 'unit').toEqual([newer.id, older.id]);
      expect(await ids(cookie, `&unitId=${unit.id}&budgetYear=2031`), 'unit and year').toEqual([older.id]);
      expect(await ids(cookie, '&budgetYear=2030'), 'empty year').toEqual([]);
    }
    // An OPD sees its own unit's plans only, whatever it asks for.
    expect(await ids(opdOwn, '')).toEqual([newer.id, older.id]);
    expect(await ids(opdOwn, '&budgetYear=2032')).toEqual([newer.id]);
    expect(await ids(opdOther, '')).toEqual([]);
    expect((await call('GET', `/api/plans?unitId=${other.id}`, opdOwn)).statusCode).toBe(403);
    expect((await call('GET', `/api/plans?budgetYear=2032`, '')).statusCode).toBe(401);

    const listed = (await call('GET', `/api/plans?agreementId=${agreement.id}&budgetYear=2032`, admin)).json<PlanView[]>();
    expect(listed[0]).toMatchObject({ agreementTitle: agreement.title, unitName: other.name, budgetSource: 'mitra', beneficiaryCount: 0 });
    expect(listed[1]).toMatchObject({ agreementTitle: agreement.title, unitName: unit.name, budgetAmount: '150000000', budgetSource: 'APBD', beneficiaryCount: 42 });
  });

  it('refuses a bad list query with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['budgetYear=duaribu', 'budgetYear'],
      ['budgetYear=1999', 'budgetYear'],
      ['budgetYear=2027.5', 'budgetYear'],
      ['budgetYear=', 'budgetYear'],
      ['unitId=bukan-uuid', 'unitId'],
      ['agreementId=123', 'agreementId'],
    ];
    for (const [query, field] of cases) {
      const response = await call('GET', `/api/plans?${query}`, admin);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.field, query).toBe(field);
    }
  });

  it('records beneficiaries for the own OPD and totals them on the dashboard', async () => {
    const agreement = await buildAgreement(t.database.db, { signedOn: '2018-03-01', startsOn: '2018-03-01', endsOn: '2030-01-01' });
    const body = { agreementId: agreement.id, kind: 'UMKM dibiayai', count: 12, amountIdr: '300000000', reachedOn: '2026-05-20' };
    expect((await call('POST', '/api/beneficiaries', opdOther, { ...body, unitId: unit.id })).statusCode).toBe(403);
    expect((await call('POST', '/api/beneficiaries', opdOwn, { ...body, count: -3 })).statusCode).toBe(400);
    expect((await call('POST', '/api/beneficiaries', opdOwn, body)).statusCode).toBe(201);
    expect((await call('GET', `/api/agreements/${agreement.id}/beneficiaries`, admin)).json<{ count: number }[]>().map((row) => row.count)).toEqual([12]);
    const gap = (await call('GET', '/api/dissemination/gap?year=2018', admin)).json<GapResponse>();
    expect(gap.beneficiaries).toEqual([{ kind: 'UMKM dibiayai', count: 12, amountIdr: '300000000' }]);
  });
});
