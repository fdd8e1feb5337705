import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement, type BuiltAgreement } from '../../../../tests/support/registry-builders';
import { caller, signInRoles, type Method } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { ObligationView } from '../../../shared/obligations';
import type { Db } from '../../db/client';

async function counts(db: Db) {
  const result: unknown = await db.execute(
    sql`SELECT (SELECT count(*)::int FROM obligations) AS obligations, (SELECT count(*)::int FROM audit_log WHERE entity = 'obligation') AS audit`,
  );
  return (result as { rows: { obligations: number; audit: number }[] }).rows[0];
}

describe('obligations routes', () => {
  let t: TestApp;
  let admin: string;
  let tkksd: string;
  let pimpinan: string;
  let opdOwn: string;
  let opdOther: string;
  let opdSupporting: string;
  let agreement: BuiltAgreement;
  const call = caller(() => t.app);

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-12-04T03:00:00Z') });
    let unit: { id: string };
    ({ admin, tkksd, pimpinan, unit, opdOwn, opdOther } = await signInRoles(t));
    const supporting = await buildUnit(t.database.db);
    opdSupporting = (await t.loginAs('opd', { unitId: supporting.id })).cookie;
    agreement = await buildAgreement(t.database.db, { leadUnitId: unit.id, supportingUnitIds: [supporting.id] });
  });
  afterAll(async () => {
    await t.close();
  });

  const partnerBody = { party: 'partner', clause: 'Pasal 5 ayat (2)', description: 'Menyediakan pelatihan pemasaran daring bagi UMKM', kind: 'once', dueOn: '2026-06-30', evidenceRequired: true };
  const cityBody = () => ({ party: 'city', unitId: agreement.leadUnitId, description: 'Menyampaikan data UMKM binaan setiap semester', kind: 'recurring', dueOn: '2027-06-30', everyMonths: 6 });

  async function create(body: object): Promise<ObligationView> {
    const response = await call('POST', `/api/agreements/${agreement.id}/obligations`, admin, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ObligationView>();
  }

  it('answers 401 without a session', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const requests: [Method, string, unknown?][] = [
      ['GET', `/api/agreements/${id}/obligations`],
      ['POST', `/api/agreements/${id}/obligations`, partnerBody],
      ['PATCH', `/api/obligations/${id}`, { status: 'met', version: 1 }],
      ['POST', `/api/obligations/${id}/confirm`, { version: 1 }],
    ];
    for (const [method, url, payload] of requests) expect((await call(method, url, '', payload)).statusCode, `${method} ${url}`).toBe(401);
  });

  it('lets the division enter obligations, derives late from the due date and audits the entry', async () => {
    const before = await counts(t.database.db);
    const partner = await create(partnerBody);
    expect(partner).toMatchObject({ party: 'partner', unitId: null, status: 'open', state: 'late', confirmedAt: null, version: 1 });
    const city = await create(cityBody());
    expect(city).toMatchObject({ party: 'city', kind: 'recurring', everyMonths: 6, state: 'open' });
    expect(await counts(t.database.db)).toEqual({ obligations: (before?.obligations ?? 0) + 2, audit: (before?.audit ?? 0) + 2 });
  });

  it('keeps writes to the division and reading to the agreement’s OPDs, the review team and the pimpinan', async () => {
    const obligation = await create(partnerBody);
    const list = `/api/agreements/${agreement.id}/obligations`;
    for (const [who, cookie, status] of [['admin', admin, 200], ['tkksd', tkksd, 200], ['pimpinan', pimpinan, 200], ['lead OPD', opdOwn, 200], ['supporting OPD', opdSupporting, 200], ['other OPD', opdOther, 403]] as const) {
      expect((await call('GET', list, cookie)).statusCode, `${who} reads`).toBe(status);
    }
    const before = await counts(t.database.db);
    for (const [who, cookie] of [['tkksd', tkksd], ['pimpinan', pimpinan], ['lead OPD', opdOwn], ['other OPD', opdOther]] as const) {
      expect((await call('POST', list, cookie, partnerBody)).statusCode, `${who} creates`).toBe(403);
      expect((await call('PATCH', `/api/obligations/${obligation.id}`, cookie, { status: 'met', version: 1 })).statusCode, `${who} edits`).toBe(403);
    }
    expect(await counts(t.database.db)).toEqual(before);
  });

  it('lets only the lead OPD confirm the partner’s obligation, audited; an edit of what was confirmed asks again', async () => {
    const partner = await create(partnerBody);
    const city = await create(cityBody());
    for (const [who, cookie] of [['admin', admin], ['tkksd', tkksd], ['pimpinan', pimpinan], ['supporting OPD', opdSupporting], ['other OPD', opdOther]] as const) {
      expect((await call('POST', `/api/obligations/${partner.id}/confirm`, cookie, { version: 1 })).statusCode, `${who} confirms`).toBe(403);
    }
    expect((await call('POST', `/api/obligations/${city.id}/confirm`, opdOwn, { version: 1 })).statusCode).toBe(403);
    const before = await counts(t.database.db);
    const confirmed = await call('POST', `/api/obligations/${partner.id}/confirm`, opdOwn, { version: 1 });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<ObligationView>()).toMatchObject({ confirmedAt: '2026-12-04T03:00:00.000Z', version: 2 });
    expect(await counts(t.database.db)).toEqual({ obligations: before?.obligations, audit: (before?.audit ?? 0) + 1 });
    const met = await call('PATCH', `/api/obligations/${partner.id}`, admin, { status: 'met', version: 2 });
    expect(met.json<ObligationView>()).toMatchObject({ status: 'met', state: 'met', confirmedAt: '2026-12-04T03:00:00.000Z' });
    const edited = await call('PATCH', `/api/obligations/${partner.id}`, admin, { dueOn: '2026-07-31', version: 3 });
    expect(edited.json<ObligationView>()).toMatchObject({ dueOn: '2026-07-31', confirmedAt: null, version: 4 });
    expect((await call('PATCH', `/api/obligations/${partner.id}`, admin, { status: 'open', version: 3 })).statusCode).toBe(409);
  });

  it('waives only with a reason, and refuses bad input naming the field, storing nothing', async () => {
    const obligation = await create(partnerBody);
    const before = await counts(t.database.db);
    const stranger = await buildUnit(t.database.db);
    const creates: [object, string][] = [
      [{ ...cityBody(), unitId: undefined }, 'unitId'],
      [{ ...partnerBody, unitId: agreement.leadUnitId }, 'unitId'],
      [{ ...cityBody(), unitId: stranger.id }, 'unitId'],
      [{ ...partnerBody, dueOn: undefined }, 'dueOn'],
      [{ ...partnerBody, dueOn: '2026-02-30' }, 'dueOn'],
      [{ ...cityBody(), everyMonths: undefined }, 'everyMonths'],
      [{ ...partnerBody, kind: 'trigger', dueOn: undefined }, 'triggerText'],
      [{ ...partnerBody, description: '' }, 'description'],
    ];
    for (const [body, field] of creates) {
      const response = await call('POST', `/api/agreements/${agreement.id}/obligations`, admin, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.field, JSON.stringify(body)).toBe(field);
    }
    const waived = await call('PATCH', `/api/obligations/${obligation.id}`, admin, { status: 'waived', version: 1 });
    expect(waived.statusCode).toBe(400);
    expect(waived.json().error.field).toBe('waiverReason');
    expect(await counts(t.database.db)).toEqual(before);
    const withReason = await call('PATCH', `/api/obligations/${obligation.id}`, admin, { status: 'waived', waiverReason: 'Pelatihan digantikan program provinsi', version: 1 });
    expect(withReason.json<ObligationView>()).toMatchObject({ status: 'waived', state: 'waived', waiverReason: 'Pelatihan digantikan program provinsi' });
    const reopened = await call('PATCH', `/api/obligations/${obligation.id}`, admin, { status: 'open', version: 2 });
    expect(reopened.json<ObligationView>()).toMatchObject({ status: 'open', state: 'late', waiverReason: null });
    expect((await counts(t.database.db))?.audit).toBe((before?.audit ?? 0) + 2);
  });

  it('answers 404 for a missing agreement or obligation', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await call('GET', `/api/agreements/${id}/obligations`, admin)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/obligations/${id}`, admin, { status: 'met', version: 1 })).statusCode).toBe(404);
  });
});
