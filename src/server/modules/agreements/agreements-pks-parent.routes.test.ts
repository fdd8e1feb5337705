import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementPayload, buildAgreement, registryCounts } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { AgreementView } from '../../../shared/agreements';
import { auditLog } from '../audit/audit.table';
import { agreements } from './agreements.table';

describe('a PKS without its KB', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const post = async (overrides: object) =>
    t.app.inject({ method: 'POST', url: '/api/agreements', headers: { cookie: admin }, payload: await agreementPayload(t.database.db, { docType: 'PKS', title: 'Perjanjian Kerja Sama Pelatihan Nelayan', ...overrides }) });
  const patch = (id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/agreements/${id}`, headers: { cookie: admin }, payload });

  it('refuses a PKS with neither a parent nor a reason, naming the reason field, and writes nothing', async () => {
    const before = await registryCounts(t.database.db);
    const response = await post({});
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ field: 'noParentReason', message: expect.stringContaining('alasan tanpa KB') });
    const blank = await post({ noParentReason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(await registryCounts(t.database.db)).toEqual(before);
  });

  it('registers a PKS with a written reason and shows the reason on the agreement', async () => {
    const response = await post({ noParentReason: 'KB ditandatangani pemerintah provinsi, salinannya belum diterima.' });
    expect(response.statusCode).toBe(201);
    const view = response.json<AgreementView>();
    expect(view).toMatchObject({ parent: null, noParentReason: 'KB ditandatangani pemerintah provinsi, salinannya belum diterima.' });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, view.id));
    expect(JSON.stringify(audit?.changes)).toContain('noParentReason');
  });

  it('registers a PKS under its KB without a reason, and a draft PKS may wait for either', async () => {
    const kb = await buildAgreement(t.database.db);
    const withParent = await post({ parentId: kb.id, noParentReason: 'tidak perlu' });
    expect(withParent.statusCode).toBe(201);
    // A reason answers only for a missing parent: with the KB there it is not kept.
    expect(withParent.json<AgreementView>()).toMatchObject({ parent: { id: kb.id }, noParentReason: null });
    expect((await post({ isDraft: true })).statusCode).toBe(201);
  });

  it('refuses an edit that removes the KB or publishes a draft without a reason, changing nothing', async () => {
    const kb = await buildAgreement(t.database.db);
    const pks = (await post({ parentId: kb.id })).json<AgreementView>();
    const unlink = await patch(pks.id, { parentId: null, version: pks.version });
    expect(unlink.statusCode).toBe(400);
    expect(unlink.json().error.field).toBe('noParentReason');
    const draft = (await post({ isDraft: true })).json<AgreementView>();
    const publish = await patch(draft.id, { isDraft: false, version: draft.version });
    expect(publish.statusCode).toBe(400);
    const rows = await t.database.db.select().from(agreements).where(eq(agreements.id, pks.id));
    expect(rows[0]).toMatchObject({ parentId: kb.id, version: pks.version });
    const [stillDraft] = await t.database.db.select().from(agreements).where(eq(agreements.id, draft.id));
    expect(stillDraft).toMatchObject({ isDraft: true, version: draft.version });
    const accepted = await patch(pks.id, { parentId: null, noParentReason: 'KB induk dibatalkan para pihak.', version: pks.version });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<AgreementView>()).toMatchObject({ parent: null, noParentReason: 'KB induk dibatalkan para pihak.' });
  });
});
