import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import { TKKSD_STAGE_CODE } from '../../../../shared/proposal-reviews';
import type { ProposalView } from '../../../../shared/proposals';
import { insertAssignments, insertReview, insertTiers } from '../reviews/reviews.repository';
import { act, closeTestApp, createProposalAs, readProposal, uploadAll } from './proposals.test-support';

// Every part of a proposal answers to the proposal's own read rule: a TKKSD member not assigned
// to it, or another OPD, reads none of it; an assigned member reads all of it.
describe('reading the parts of a proposal', () => {
  let t: TestApp;
  let admin: string;
  let opd: string;
  let view: ProposalView;
  let documentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    opd = (await t.loginAs('opd')).cookie;
    view = await createProposalAs(t, opd, { title: 'Kerja sama pengelolaan sampah pesisir Kota Ternate' });
    expect((await act(t, opd, view.id, 'submit')).statusCode).toBe(200);
    await uploadAll(t, opd, view.id, ['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd', 'berita_acara', 'surat_penawaran', 'surat_tanggapan']);
    for (let step = 0; step < 10; step += 1) {
      const current = await readProposal(t, admin, view.id);
      if (current.stageCode === 'penyusunan_kb') break;
      const response = await act(t, admin, view.id, current.stageCode === 'registrasi_validasi' ? 'validate' : 'advance');
      expect(response.statusCode, response.body).toBe(200);
    }
    documentId = (await readProposal(t, admin, view.id)).documents[0]?.id ?? '';
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const readUrls = () => [
    `/api/proposals/${view.id}`,
    `/api/proposals/${view.id}/drafts/kb`,
    `/api/proposals/${view.id}/signings`,
    `/api/proposals/${view.id}/durations`,
    `/api/proposals/${view.id}/review`,
    `/api/proposals/${view.id}/meetings`,
    `/api/proposal-documents/${documentId}/file`,
    `/api/proposal-documents/${documentId}/comments`,
  ];
  const statusesFor = async (cookie: string) =>
    Object.fromEntries(await Promise.all(readUrls().map(async (url) => [url, (await t.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode] as const)));

  it('refuses a TKKSD member not assigned to it on every part, the draft and the signings included', async () => {
    const tkksd = (await t.loginAs('tkksd')).cookie;
    expect(await statusesFor(tkksd)).toEqual(Object.fromEntries(readUrls().map((url) => [url, 403])));
  });

  it('refuses another OPD on every part', async () => {
    const other = (await t.loginAs('opd')).cookie;
    expect(await statusesFor(other)).toEqual(Object.fromEntries(readUrls().map((url) => [url, 403])));
  });

  it('lets a TKKSD member assigned to its review read every part', async () => {
    const { cookie, user } = await t.loginAs('tkksd');
    const db = t.database.db;
    const review = await insertReview(db, { proposalId: view.id, stageCode: TKKSD_STAGE_CODE, createdBy: user.id, createdAt: t.clock.now, updatedAt: t.clock.now });
    await insertTiers(db, [{ reviewId: review.id, position: 1, rule: 'all' }]);
    await insertAssignments(db, [{ reviewId: review.id, tierPosition: 1, reviewerId: user.id, assignedAt: t.clock.now, assignedBy: user.id }]);
    expect(await statusesFor(cookie)).toEqual(Object.fromEntries(readUrls().map((url) => [url, 200])));
  });
});
