import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng, makeTextPdf, multipartBody, type MultipartFile } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement, type BuiltAgreement } from '../../../../tests/support/registry-builders';
import { caller, signInRoles } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { ObligationView } from '../../../shared/obligations';
import type { Db } from '../../db/client';
import { healthAsOf } from './agreement-health.service';

async function counts(db: Db) {
  const result: unknown = await db.execute(
    sql`SELECT (SELECT count(*)::int FROM obligation_occurrences) AS occurrences, (SELECT count(*)::int FROM audit_log WHERE entity = 'obligation') AS audit`,
  );
  return (result as { rows: { occurrences: number; audit: number }[] }).rows[0];
}

describe('obligation occurrences routes', () => {
  let t: TestApp;
  let admin: string;
  let tkksd: string;
  let pimpinan: string;
  let opdOwn: string;
  let opdOther: string;
  let agreement: BuiltAgreement;
  let pdf: Buffer;
  const call = caller(() => t.app);

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-12-04T03:00:00Z') });
    let unit: { id: string };
    ({ admin, tkksd, pimpinan, unit, opdOwn, opdOther } = await signInRoles(t));
    agreement = await buildAgreement(t.database.db, { leadUnitId: unit.id, endsOn: '2027-12-31' });
    pdf = await makeTextPdf(['Berita acara penyampaian data UMKM']);
  });
  afterAll(async () => {
    await t.close();
  });

  async function create(body: object): Promise<ObligationView> {
    const response = await call('POST', `/api/agreements/${agreement.id}/obligations`, admin, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ObligationView>();
  }
  const cityRecurring = () => create({ party: 'city', unitId: agreement.leadUnitId, description: 'Menyampaikan data UMKM binaan', kind: 'recurring', dueOn: '2026-06-30', everyMonths: 6, evidenceRequired: true });

  function record(cookie: string, obligationId: string, fields: Record<string, string>, file?: MultipartFile) {
    const body = multipartBody({ fields, ...(file ? { file } : {}) });
    return t.app.inject({ method: 'POST', url: `/api/obligations/${obligationId}/occurrences`, headers: { ...body.headers, cookie }, payload: body.payload });
  }

  it('generates the occurrences of a recurring obligation to the agreement’s end, the first one late', async () => {
    const obligation = await cityRecurring();
    expect(obligation.occurrences.map((occurrence) => [occurrence.dueOn, occurrence.state])).toEqual([
      ['2026-06-30', 'late'],
      ['2026-12-30', 'open'],
      ['2027-06-30', 'open'],
      ['2027-12-30', 'open'],
    ]);
    expect(obligation).toMatchObject({ state: 'late', nextDueOn: '2026-06-30' });
    expect(obligation.abilities).toEqual({ canEdit: true, canConfirm: false, canMarkMet: true, canWaive: true, canReopen: true });
  });

  it('lets the lead OPD mark its occurrence met with a PDF, hashed and audited; the obligation is late no more', async () => {
    const obligation = await cityRecurring();
    const before = await counts(t.database.db);
    const met = await record(opdOwn, obligation.id, { dueOn: '2026-06-30', status: 'met', note: 'Dikirim lewat surat' }, { fileName: 'berita-acara.pdf', content: pdf });
    expect(met.statusCode, met.body).toBe(200);
    const view = met.json<ObligationView>();
    expect(view.occurrences[0]).toMatchObject({ dueOn: '2026-06-30', state: 'met', note: 'Dikirim lewat surat', evidence: { fileName: 'berita-acara.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length } });
    expect(view.occurrences[0]?.evidence?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(view).toMatchObject({ state: 'open', nextDueOn: '2026-12-30' });
    expect(await counts(t.database.db)).toEqual({ occurrences: (before?.occurrences ?? 0) + 1, audit: (before?.audit ?? 0) + 1 });
    const recordId = view.occurrences[0]?.recordId ?? '';
    for (const [who, cookie, status] of [['pimpinan', pimpinan, 200], ['other OPD', opdOther, 403]] as const) {
      expect((await call('GET', `/api/obligation-occurrences/${recordId}/evidence`, cookie)).statusCode, who).toBe(status);
    }
    const again = await record(admin, obligation.id, { dueOn: '2026-06-30', status: 'met' }, { fileName: 'lagi.pdf', content: pdf });
    expect(again.statusCode).toBe(409);
  });

  it('keeps marking to the division and the OPD carrying it, waiving and reopening to the division; the others write nothing', async () => {
    const city = await cityRecurring();
    const partner = await create({ party: 'partner', description: 'Menyalurkan kredit mikro', kind: 'once', dueOn: '2026-11-30' });
    const before = await counts(t.database.db);
    const refusals: [string, string, string, Record<string, string>][] = [
      ['tkksd marks', tkksd, city.id, { dueOn: '2026-06-30', status: 'met' }],
      ['pimpinan marks', pimpinan, city.id, { dueOn: '2026-06-30', status: 'met' }],
      ['other OPD marks', opdOther, city.id, { dueOn: '2026-06-30', status: 'met' }],
      ['lead OPD waives its own', opdOwn, city.id, { dueOn: '2026-06-30', status: 'waived', waiverReason: 'Tidak sempat' }],
      ['lead OPD marks the partner’s', opdOwn, partner.id, { dueOn: '2026-11-30', status: 'met' }],
    ];
    for (const [who, cookie, id, fields] of refusals) {
      expect((await record(cookie, id, fields, { fileName: 'bukti.pdf', content: pdf })).statusCode, who).toBe(403);
    }
    for (const [who, cookie] of [['tkksd', tkksd], ['pimpinan', pimpinan], ['lead OPD', opdOwn], ['other OPD', opdOther]] as const) {
      expect((await call('POST', `/api/obligations/${city.id}/occurrences/reopen`, cookie, { dueOn: '2026-06-30' })).statusCode, `${who} reopens`).toBe(403);
    }
    expect(await counts(t.database.db)).toEqual(before);
    const metByDivision = await record(admin, partner.id, { dueOn: '2026-11-30', status: 'met' });
    expect(metByDivision.json<ObligationView>()).toMatchObject({ state: 'met', nextDueOn: null });
    const waived = await record(admin, city.id, { dueOn: '2026-06-30', status: 'waived', waiverReason: 'Data disampaikan provinsi' });
    expect(waived.json<ObligationView>().occurrences[0]).toMatchObject({ state: 'waived', waiverReason: 'Data disampaikan provinsi', evidence: null });
    const reopened = await call('POST', `/api/obligations/${city.id}/occurrences/reopen`, admin, { dueOn: '2026-06-30' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json<ObligationView>().occurrences[0]).toMatchObject({ state: 'late', recordId: null });
    expect(await counts(t.database.db)).toEqual({ occurrences: (before?.occurrences ?? 0) + 1, audit: (before?.audit ?? 0) + 3 });
  });

  it('refuses bad input naming the field and stores nothing', async () => {
    const city = await cityRecurring();
    const before = await counts(t.database.db);
    const cases: [Record<string, string>, MultipartFile | undefined, string, number][] = [
      [{ dueOn: '2026-07-31', status: 'met' }, { fileName: 'bukti.pdf', content: pdf }, 'dueOn', 400],
      [{ dueOn: '2026-02-30', status: 'met' }, { fileName: 'bukti.pdf', content: pdf }, 'dueOn', 400],
      [{ dueOn: '2026-06-30', status: 'done' }, undefined, 'status', 400],
      [{ dueOn: '2026-06-30', status: 'met' }, undefined, 'file', 400],
      [{ dueOn: '2026-06-30', status: 'waived' }, undefined, 'waiverReason', 400],
      [{ dueOn: '2026-06-30', status: 'met' }, { fileName: 'bukti.pdf', content: makePng() }, 'file', 415],
      [{ dueOn: '2026-06-30', status: 'met' }, { fileName: 'bukti.pdf', content: Buffer.from('bukan PDF') }, 'file', 415],
    ];
    for (const [fields, file, field, status] of cases) {
      const response = await record(admin, city.id, fields, file);
      expect(response.statusCode, JSON.stringify(fields)).toBe(status);
      expect(response.json().error.field, JSON.stringify(fields)).toBe(field);
    }
    expect(await counts(t.database.db)).toEqual(before);
  });

  it('counts an agreement’s lateness per occurrence for its health', async () => {
    const own = await buildAgreement(t.database.db, { leadUnitId: agreement.leadUnitId, endsOn: '2027-12-31' });
    const response = await call('POST', `/api/agreements/${own.id}/obligations`, admin, { party: 'city', unitId: own.leadUnitId, description: 'Laporan triwulan', kind: 'recurring', dueOn: '2026-03-31', everyMonths: 3 });
    const obligation = response.json<ObligationView>();
    expect(obligation.occurrences.filter((occurrence) => occurrence.state === 'late').map((occurrence) => occurrence.dueOn)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30']);
    const late = async () => (await healthAsOf({ db: t.database.db, now: t.clock.now })).get(own.id)?.reasons.includes('late_obligations');
    expect(await late()).toBe(true);
    for (const dueOn of ['2026-03-31', '2026-06-30']) await record(admin, obligation.id, { dueOn, status: 'met' });
    expect(await late()).toBe(true);
    await record(admin, obligation.id, { dueOn: '2026-09-30', status: 'waived', waiverReason: 'Digabung dengan laporan semester' });
    expect(await late()).toBe(false);
  });
});
