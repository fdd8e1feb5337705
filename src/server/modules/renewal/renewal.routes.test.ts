import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { caller, signInRoles, type Method } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { AgreementView } from '../../../shared/agreements';
import type { RenewalView } from '../../../shared/renewal';
import type { Db } from '../../db/client';
import { DEFAULT_EVALUATION_FORM } from '../../seed/default-evaluation-form';
import { seedEvaluationForm } from '../evaluation/evaluation-form.service';
import { evaluationResponses, evaluations } from '../evaluation/evaluation.table';

async function counts(db: Db) {
  const result: unknown = await db.execute(
    sql`SELECT (SELECT count(*)::int FROM renewal_decisions) AS decisions, (SELECT count(*)::int FROM audit_log WHERE action = 'renewal_decision') AS audit`,
  );
  return (result as { rows: { decisions: number; audit: number }[] }).rows[0];
}

// An evaluation of the agreement answered by the given respondents on `on`.
async function answered(db: Db, agreementId: string, respondents: ('opd' | 'partner')[], on: Date) {
  const [evaluation] = await db.insert(evaluations).values({ agreementId, period: '2026-S2', formRevision: 1, openedAt: on }).returning({ id: evaluations.id });
  for (const respondent of respondents) await db.insert(evaluationResponses).values({ evaluationId: evaluation!.id, respondent, answers: [], submittedAt: on });
}

describe('renewal decisions', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof signInRoles>>;
  const call = caller(() => t.app);
  const now = new Date('2026-12-04T03:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ now });
    s = await signInRoles(t);
    await seedEvaluationForm(t.database.db, { form: DEFAULT_EVALUATION_FORM, now });
  });
  afterAll(async () => {
    await t.close();
  });

  const ending = (overrides: Parameters<typeof buildAgreement>[1] = {}) => buildAgreement(t.database.db, { leadUnitId: s.unit.id, signedOn: '2022-03-01', startsOn: '2022-03-01', endsOn: '2027-02-28', ...overrides });

  it('answers 401 without a session', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const requests: [Method, string, unknown?][] = [
      ['GET', `/api/agreements/${id}/renewal`],
      ['POST', `/api/agreements/${id}/renewal`, { decision: 'lapse', reason: 'Tujuan sudah tercapai sepenuhnya.', version: 1 }],
    ];
    for (const [method, url, payload] of requests) expect((await call(method, url, '', payload)).statusCode, `${method} ${url}`).toBe(401);
  });

  it('shows where the renewal stands to the agreement’s OPD, the review team and the pimpinan, not to another OPD', async () => {
    const agreement = await ending({ kind: 'KSDPL' });
    for (const who of [s.admin, s.tkksd, s.pimpinan, s.opdOwn]) expect((await call('GET', `/api/agreements/${agreement.id}/renewal`, who)).statusCode).toBe(200);
    expect((await call('GET', `/api/agreements/${agreement.id}/renewal`, s.opdOther)).statusCode).toBe(403);
    const view = (await call('GET', `/api/agreements/${agreement.id}/renewal`, s.admin)).json<RenewalView>();
    expect(view).toMatchObject({ endsOn: '2027-02-28', daysLeft: 86, extensionLetterDueOn: '2026-08-28', evaluationsComplete: false, decision: null, abilities: { canDecide: true } });
    const asLeader = (await call('GET', `/api/agreements/${agreement.id}/renewal`, s.pimpinan)).json<RenewalView>();
    expect(asLeader.abilities.canDecide).toBe(false);
  });

  it('lets only the division record a decision', async () => {
    const agreement = await ending();
    const body = { decision: 'lapse', reason: 'Kegiatan sudah selesai dan tidak dilanjutkan.', version: 1 };
    for (const who of [s.tkksd, s.pimpinan, s.opdOwn, s.opdOther]) expect((await call('POST', `/api/agreements/${agreement.id}/renewal`, who, body)).statusCode).toBe(403);
    const before = await counts(t.database.db);
    const lapse = await call('POST', `/api/agreements/${agreement.id}/renewal`, s.admin, body);
    expect(lapse.statusCode, lapse.body).toBe(201);
    expect(lapse.json<RenewalView>()).toMatchObject({ decision: { decision: 'lapse', reason: body.reason, endReason: null, overrideReason: null }, abilities: { canDecide: false } });
    expect(await counts(t.database.db)).toEqual({ decisions: before!.decisions + 1, audit: before!.audit + 1 });
    const twice = await call('POST', `/api/agreements/${agreement.id}/renewal`, s.admin, body);
    expect(twice.statusCode).toBe(409);
  });

  it('refuses an extension without the OPD’s and the partner’s evaluations, stores nothing, and takes an override reason', async () => {
    const agreement = await ending();
    await answered(t.database.db, agreement.id, ['opd'], new Date('2026-09-01T03:00:00Z'));
    const before = await counts(t.database.db);
    const refused = await call('POST', `/api/agreements/${agreement.id}/renewal`, s.admin, { decision: 'extend', reason: 'Program beasiswa berjalan baik.', version: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('overrideReason');
    expect(await counts(t.database.db)).toEqual(before);
    const overridden = await call('POST', `/api/agreements/${agreement.id}/renewal`, s.admin, {
      decision: 'extend',
      reason: 'Program beasiswa berjalan baik.',
      overrideReason: 'Mitra belum mengisi evaluasi; Wali Kota meminta perpanjangan segera.',
      version: 1,
    });
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json<RenewalView>().decision).toMatchObject({ decision: 'extend', overrideReason: expect.stringContaining('Mitra belum') });
  });

  it('allows an extension after both evaluations within twelve months, but not with older ones', async () => {
    const old = await ending();
    await answered(t.database.db, old.id, ['opd', 'partner'], new Date('2025-11-30T03:00:00Z'));
    const tooOld = await call('POST', `/api/agreements/${old.id}/renewal`, s.admin, { decision: 'extend', reason: 'Program beasiswa berjalan baik.', version: 1 });
    expect(tooOld.statusCode).toBe(400);
    const recent = await ending();
    await answered(t.database.db, recent.id, ['opd', 'partner'], new Date('2026-10-15T03:00:00Z'));
    const view = (await call('GET', `/api/agreements/${recent.id}/renewal`, s.admin)).json<RenewalView>();
    expect(view.evaluations).toEqual({ opdAnsweredOn: '2026-10-15', partnerAnsweredOn: '2026-10-15', since: '2025-12-04' });
    const extended = await call('POST', `/api/agreements/${recent.id}/renewal`, s.admin, { decision: 'extend', reason: 'Program beasiswa berjalan baik.', version: 1 });
    expect(extended.statusCode, extended.body).toBe(201);
    expect(extended.json<RenewalView>().decision).toMatchObject({ decision: 'extend', overrideReason: null });
  });

  it('ends an agreement early with its PP 28 reason in the same step, and names a missing reason', async () => {
    const agreement = await ending();
    const missing = await call('POST', `/api/agreements/${agreement.id}/renewal`, s.admin, { decision: 'end_early', reason: 'Para pihak sepakat mengakhiri.', endedOn: '2026-12-31', version: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('endReason');
    const ended = await call('POST', `/api/agreements/${agreement.id}/renewal`, s.admin, {
      decision: 'end_early',
      reason: 'Para pihak sepakat mengakhiri.',
      endReason: 'kesepakatan_para_pihak',
      endedOn: '2026-12-31',
      version: 1,
    });
    expect(ended.statusCode, ended.body).toBe(201);
    const after = (await call('GET', `/api/agreements/${agreement.id}`, s.admin)).json<AgreementView>();
    expect(after.termination).toMatchObject({ kind: 'diakhiri', endedOn: '2026-12-31', reason: 'kesepakatan_para_pihak' });
  });

  it('leaves the decision unrecorded when ending the agreement fails', async () => {
    const agreement = await ending();
    const before = await counts(t.database.db);
    // Ends before it was signed: the agreement's own rule refuses it.
    const refused = await call('POST', `/api/agreements/${agreement.id}/renewal`, s.admin, {
      decision: 'end_early',
      reason: 'Para pihak sepakat mengakhiri.',
      endReason: 'kesepakatan_para_pihak',
      endedOn: '2021-01-01',
      version: 1,
    });
    expect(refused.statusCode).toBe(400);
    expect(await counts(t.database.db)).toEqual(before);
    const [row] = await t.database.db.execute(sql`SELECT termination_kind FROM agreements WHERE id = ${agreement.id}`).then((r) => (r as { rows: { termination_kind: string | null }[] }).rows);
    expect(row?.termination_kind).toBeNull();
  });

  it('refuses a stale version and an agreement no longer in force', async () => {
    const agreement = await ending();
    expect((await call('POST', `/api/agreements/${agreement.id}/renewal`, s.admin, { decision: 'lapse', reason: 'Kegiatan sudah selesai semua.', version: 7 })).statusCode).toBe(409);
    const past = await ending({ endsOn: '2026-11-30' });
    const refused = await call('POST', `/api/agreements/${past.id}/renewal`, s.admin, { decision: 'lapse', reason: 'Kegiatan sudah selesai semua.', version: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('decision');
  });
});
