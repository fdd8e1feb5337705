import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../../tests/support/builders';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { ProposalListResponse, ProposalView } from '../../../../shared/proposals';
import { auditLog } from '../../audit/audit.table';
import { act, closeTestApp, createProposalAs, proposalPayload, readProposal } from './proposals.test-support';
import { proposalEvents, proposals } from './proposals.table';

describe('proposals routes', () => {
  let t: TestApp;
  let admin: string;
  let opd: string;
  let opdUnitId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    const login = await t.loginAs('opd');
    opd = login.cookie;
    opdUnitId = login.user.unitId ?? '';
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const post = (cookie: string, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/proposals', headers: { cookie }, payload: payload as object });
  const patch = (cookie: string, id: string, payload: unknown) => t.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, headers: { cookie }, payload: payload as object });
  const list = async (cookie: string, query = ''): Promise<ProposalListResponse> => (await t.app.inject({ method: 'GET', url: `/api/proposals${query}`, headers: { cookie } })).json();
  const counts = async () => {
    const result: unknown = await t.database.db.execute(sql`SELECT (SELECT count(*)::int FROM proposals) AS proposals, (SELECT count(*)::int FROM proposal_events) AS events, (SELECT count(*)::int FROM audit_log) AS audit`);
    return (result as { rows: unknown[] }).rows[0];
  };

  describe('creating', () => {
    it('lets an OPD user start a draft for its own OPD at the first stage, with a tracking code, a timeline entry and an audit row', async () => {
      const response = await post(opd, proposalPayload());
      expect(response.statusCode).toBe(201);
      const view: ProposalView = response.json();
      expect(view).toMatchObject({ state: 'draf', stageCode: 'registrasi_validasi', initiatorType: 'opd', unit: { id: opdUnitId }, needsDprd: false });
      expect(view.trackingCode).toMatch(/^USL-2026-[A-HJ-NP-Z2-9]{8}$/);
      expect(view.timeline.map((event) => event.action)).toEqual(['create']);
      expect(view.missingDocTypes).toEqual(['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd']);
      expect(view.allowedActions).toEqual(['submit', 'withdraw']);
      const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, view.id));
      expect(audit.map((row) => row.action)).toEqual(['create']);
    });

    it('marks DPRD approval as needed when the cooperation burdens the public or is not yet in the APBD', async () => {
      const burden = await createProposalAs(t, opd, { burdensPublic: true });
      const unbudgeted = await createProposalAs(t, opd, { unbudgetedInApbd: true });
      expect([burden.needsDprd, unbudgeted.needsDprd]).toEqual([true, true]);
      expect(burden.stages.find((stage) => stage.code === 'persetujuan_dprd')?.status).toBe('menunggu');
      const plain = await createProposalAs(t, opd);
      expect(plain.stages.find((stage) => stage.code === 'persetujuan_dprd')?.status).toBe('dilewati');
    });

    it('refuses an OPD user proposing for another OPD, and a reviewer or leader proposing at all, writing nothing', async () => {
      const other = await buildUnit(t.database.db);
      const before = await counts();
      expect((await post(opd, proposalPayload({ unitId: other.id }))).statusCode).toBe(403);
      expect((await post(opd, proposalPayload({ initiatorType: 'external', external: { institution: 'PT Luar', contactName: 'Budi Santoso', email: 'budi@luar.id' } }))).statusCode).toBe(403);
      for (const role of ['tkksd', 'pimpinan'] as const) {
        const { cookie } = await t.loginAs(role);
        expect((await post(cookie, proposalPayload({ unitId: opdUnitId }))).statusCode, role).toBe(403);
      }
      const after = await counts();
      expect(after).toMatchObject({ proposals: (before as { proposals: number }).proposals });
    });

    it('lets the division record an outside proposal that came on paper', async () => {
      const external = { institution: 'Universitas Uji', contactName: 'Siti Rahma', email: 'Siti@Uji.ac.id' };
      const view = await createProposalAs(t, admin, { initiatorType: 'external', external });
      expect(view).toMatchObject({ initiatorType: 'external', unit: null, external: { email: 'siti@uji.ac.id' } });
      expect(view.missingDocTypes).toEqual(['surat_penawaran', 'kak', 'studi_kelayakan']);
    });

    it('rejects missing required fields, unknown codes and an unjustified long term, naming the field and writing nothing', async () => {
      const before = await counts();
      const cases: [unknown, string][] = [
        [{ ...proposalPayload(), latarBelakang: undefined }, 'latarBelakang'],
        [{ ...proposalPayload(), plannedPartners: [] }, 'plannedPartners'],
        [proposalPayload({ plannedPartners: [{ name: 'PT Entah', categoryCode: 'bukan_kategori' }] }), 'plannedPartners.0.categoryCode'],
        [proposalPayload({ sectorCodes: ['pendidikan', 'bukan_bidang'] }), 'sectorCodes.1'],
        [proposalPayload({ jangkaWaktuBulan: 72 }), 'jangkaWaktuAlasan'],
        [proposalPayload({ kind: 'KSDX' as 'KSDD' }), 'kind'],
        [proposalPayload({ initiatorType: 'external' }), 'external'],
      ];
      for (const [payload, field] of cases) {
        const response = await post(admin, { unitId: opdUnitId, ...(payload as object) });
        expect(response.statusCode, field).toBe(400);
        expect(response.json<ApiErrorBody>().error.field, field).toBe(field);
      }
      expect(await counts()).toEqual(before);
    });

    it('accepts a long term when its justification is given', async () => {
      const view = await createProposalAs(t, opd, { jangkaWaktuBulan: 240, jangkaWaktuAlasan: 'Pemanfaatan aset daerah untuk 20 tahun.' });
      expect(view.jangkaWaktuBulan).toBe(240);
    });
  });

  describe('editing', () => {
    it('lets the initiating OPD edit its draft, answers 409 to a stale version and records the change', async () => {
      const view = await createProposalAs(t, opd);
      const saved = await patch(opd, view.id, { title: 'Kerja sama pemasaran digital UMKM', version: view.version });
      expect(saved.statusCode).toBe(200);
      expect(saved.json<ProposalView>()).toMatchObject({ title: 'Kerja sama pemasaran digital UMKM', version: view.version + 1 });
      const stale = await patch(opd, view.id, { title: 'Judul dari versi lama', version: view.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json<ApiErrorBody>().error.code).toBe('STALE');
      const [row] = await t.database.db.select().from(proposals).where(eq(proposals.id, view.id));
      expect(row?.title).toBe('Kerja sama pemasaran digital UMKM');
      const events = await t.database.db.select().from(proposalEvents).where(eq(proposalEvents.proposalId, view.id));
      expect(events.map((event) => event.action)).toEqual(['create', 'update']);
    });

    it('takes the edit away from the OPD once submitted and leaves it to the division', async () => {
      const view = await createProposalAs(t, opd);
      expect((await act(t, opd, view.id, 'submit')).statusCode).toBe(200);
      const current = await readProposal(t, admin, view.id);
      expect((await patch(opd, view.id, { title: 'Diubah setelah diajukan', version: current.version })).statusCode).toBe(403);
      const byAdmin = await patch(admin, view.id, { burdensPublic: true, version: current.version });
      expect(byAdmin.statusCode).toBe(200);
      expect(byAdmin.json<ProposalView>().needsDprd).toBe(true);
      expect((await patch(admin, view.id, { kind: 'KSDD', version: current.version + 1 })).json<ApiErrorBody>().error.field).toBe('kind');
    });

    it('tells each reader whether they may edit: the OPD while it holds the proposal, the division until it closes', async () => {
      const view = await createProposalAs(t, opd);
      const { cookie: pimpinan } = await t.loginAs('pimpinan');
      expect([view.abilities.canEdit, (await readProposal(t, admin, view.id)).abilities.canEdit]).toEqual([true, true]);
      expect((await act(t, opd, view.id, 'submit')).statusCode).toBe(200);
      expect([(await readProposal(t, opd, view.id)).abilities.canEdit, (await readProposal(t, admin, view.id)).abilities.canEdit, (await readProposal(t, pimpinan, view.id)).abilities.canEdit]).toEqual([false, true, false]);
      expect((await act(t, admin, view.id, 'send_back', { note: 'Lengkapi peta lokasi pasar.' })).statusCode).toBe(200);
      const sentBack = await readProposal(t, opd, view.id);
      expect(sentBack).toMatchObject({ state: 'dikembalikan', abilities: { canEdit: true } });
      expect((await patch(opd, view.id, { lokasi: 'Pasar Gamalama, Ternate Tengah', version: sentBack.version })).statusCode).toBe(200);
      expect((await act(t, opd, view.id, 'withdraw')).statusCode).toBe(200);
      expect([(await readProposal(t, opd, view.id)).abilities.canEdit, (await readProposal(t, admin, view.id)).abilities.canEdit]).toEqual([false, false]);
    });

    it('moves a draft to the first stage of its new procedure when its kind changes', async () => {
      const view = await createProposalAs(t, opd);
      const saved = await patch(opd, view.id, { kind: 'SINERGI', version: view.version });
      expect(saved.json<ProposalView>()).toMatchObject({ kind: 'SINERGI', stageCode: 'registrasi_validasi' });
      expect(saved.json<ProposalView>().stages.map((stage) => stage.code)).toContain('penyusunan_nk');
    });
  });

  describe('reading', () => {
    it('shows an OPD only its own OPD proposals, and answers 403 for another OPD and 404 for none', async () => {
      const mine = await createProposalAs(t, opd);
      const { cookie: otherOpd } = await t.loginAs('opd');
      const theirs = await createProposalAs(t, otherOpd);
      const page = await list(opd);
      expect(page.items.map((item) => item.id)).toContain(mine.id);
      expect(page.items.map((item) => item.id)).not.toContain(theirs.id);
      expect((await t.app.inject({ method: 'GET', url: `/api/proposals/${theirs.id}`, headers: { cookie: opd } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/proposals/00000000-0000-4000-8000-000000000000', headers: { cookie: admin } })).statusCode).toBe(404);
    });

    it('keeps drafts out of the division queue and leadership view until submitted', async () => {
      const draft = await createProposalAs(t, opd, { title: 'Draf yang belum diajukan sama sekali' });
      const { cookie: pimpinan } = await t.loginAs('pimpinan');
      expect((await list(admin)).items.map((item) => item.id)).not.toContain(draft.id);
      expect((await list(admin, '?state=draf')).items.map((item) => item.id)).toContain(draft.id);
      expect((await list(pimpinan, '?state=draf')).items).toEqual([]);
      expect((await act(t, opd, draft.id, 'submit')).statusCode).toBe(200);
      const queued = (await list(admin, `?q=${encodeURIComponent('belum diajukan')}`)).items;
      expect(queued.map((item) => [item.id, item.stageName])).toEqual([[draft.id, 'Registrasi dan validasi usulan']]);
      expect((await list(pimpinan)).items.map((item) => item.id)).toContain(draft.id);
    });

    it('gives a TKKSD member no proposals until reviews are assigned', async () => {
      const { cookie } = await t.loginAs('tkksd');
      const response = await list(cookie);
      expect(response).toMatchObject({ items: [], total: 0 });
    });
  });
});
