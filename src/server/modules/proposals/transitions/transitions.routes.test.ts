import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { ProposalView } from '../../../../shared/proposals';
import { auditLog } from '../../audit/audit.table';
import { act, closeTestApp, createProposalAs, readProposal, uploadAll } from '../core/proposals.test-support';
import { proposalEvents } from '../core/proposals.table';

const REGISTRATION_OPD = ['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd'] as const;
const LATER_DOCS = ['berita_acara', 'surat_penawaran', 'surat_tanggapan', 'rancangan_kb', 'kb', 'rancangan_pks', 'pks'] as const;

describe('proposal transitions', () => {
  let t: TestApp;
  let admin: string;
  let opd: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    opd = (await t.loginAs('opd')).cookie;
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const submitted = async (overrides = {}) => {
    const view = await createProposalAs(t, opd, overrides);
    expect((await act(t, opd, view.id, 'submit')).statusCode).toBe(200);
    return view;
  };
  const trail = async (id: string) => {
    const events = await t.database.db.select().from(proposalEvents).where(eq(proposalEvents.proposalId, id));
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'proposal'), eq(auditLog.entityId, id)));
    return { events: events.map((event) => event.action), audit: audit.map((row) => row.action) };
  };

  it('puts a submitted proposal in the queue at its first stage, recorded on the timeline and in the audit', async () => {
    const view = await submitted();
    const after = await readProposal(t, admin, view.id);
    expect(after).toMatchObject({ state: 'aktif', stageCode: 'registrasi_validasi' });
    expect(after.submittedAt).not.toBeNull();
    expect(await trail(view.id)).toEqual({ events: ['create', 'submit'], audit: ['create', 'submit'] });
  });

  it('refuses to close a stage while a required document is missing, names it, and changes nothing', async () => {
    const view = await submitted();
    await uploadAll(t, opd, view.id, ['kak', 'surat_inisiasi']);
    const before = await trail(view.id);
    const response = await act(t, admin, view.id, 'validate');
    expect(response.statusCode).toBe(409);
    const { error } = response.json<ApiErrorBody>();
    expect(error.message).toContain('Studi kelayakan');
    expect(error.messageEn).toContain('Feasibility study');
    expect(error.details).toEqual({ reason: 'missing_documents', missingDocTypes: ['studi_kelayakan', 'sk_ppksd'] });
    expect(await readProposal(t, admin, view.id)).toMatchObject({ state: 'aktif', stageCode: 'registrasi_validasi', missingDocTypes: ['studi_kelayakan', 'sk_ppksd'] });
    expect(await trail(view.id)).toEqual(before);
  });

  it('walks a complete proposal to the register, passing over the DPRD stage it does not need', async () => {
    const view = await submitted();
    await uploadAll(t, opd, view.id, [...REGISTRATION_OPD, ...LATER_DOCS]);
    expect((await act(t, admin, view.id, 'validate')).statusCode).toBe(200);
    const visited: string[] = [];
    for (;;) {
      const current = await readProposal(t, admin, view.id);
      if (current.stageCode === 'terdaftar') break;
      const response = await act(t, admin, view.id, 'advance');
      expect(response.statusCode, current.stageCode).toBe(200);
      visited.push(response.json<ProposalView>().stageCode);
    }
    expect(visited).toEqual(['penawaran_tanggapan', 'penyusunan_kb', 'penandatanganan_kb', 'penyusunan_pks', 'penandatanganan_pks', 'terdaftar']);
    const done = await act(t, admin, view.id, 'register');
    expect(done.json<ProposalView>()).toMatchObject({ state: 'terdaftar', allowedActions: [] });
    expect(done.json<ProposalView>().closedAt).not.toBeNull();
    expect(done.json<ProposalView>().stages.map((stage) => stage.status)).toEqual(['selesai', 'selesai', 'selesai', 'selesai', 'selesai', 'dilewati', 'selesai', 'selesai', 'selesai']);
  });

  it('stops at the DPRD stage when the cooperation needs it and asks for the approval', async () => {
    const view = await submitted({ unbudgetedInApbd: true });
    await uploadAll(t, opd, view.id, [...REGISTRATION_OPD, ...LATER_DOCS]);
    await act(t, admin, view.id, 'validate');
    for (let step = 0; step < 4; step += 1) expect((await act(t, admin, view.id, 'advance')).statusCode).toBe(200);
    expect(await readProposal(t, admin, view.id)).toMatchObject({ stageCode: 'persetujuan_dprd', missingDocTypes: ['persetujuan_dprd'] });
    const blocked = await act(t, admin, view.id, 'advance');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json<ApiErrorBody>().error.message).toContain('Persetujuan DPRD');
  });

  it('sends back with a request, and the initiator resumes at the same stage', async () => {
    const view = await submitted();
    const noNote = await act(t, admin, view.id, 'send_back');
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json<ApiErrorBody>().error.field).toBe('note');
    const sent = await act(t, admin, view.id, 'send_back', { note: 'Lengkapi studi kelayakan dan SK PPKSD.' });
    expect(sent.json<ProposalView>()).toMatchObject({ state: 'dikembalikan', stageCode: 'registrasi_validasi' });
    expect((await readProposal(t, opd, view.id)).allowedActions).toEqual(['resume', 'withdraw']);
    const resumed = await act(t, opd, view.id, 'resume');
    expect(resumed.json<ProposalView>()).toMatchObject({ state: 'aktif', stageCode: 'registrasi_validasi' });
    const timeline = resumed.json<ProposalView>().timeline;
    expect(timeline.find((event) => event.action === 'send_back')?.note).toBe('Lengkapi studi kelayakan dan SK PPKSD.');
  });

  it('accepts nothing more after a rejection: no action, no edit, no upload', async () => {
    const view = await submitted();
    const rejected = await act(t, admin, view.id, 'reject', { note: 'Tidak sesuai dengan prioritas RPJMD.' });
    expect(rejected.json<ProposalView>()).toMatchObject({ state: 'ditolak' });
    for (const action of ['resume', 'validate', 'withdraw'] as const) {
      const response = await act(t, admin, view.id, action);
      expect(response.statusCode, action).toBe(409);
      expect(response.json<ApiErrorBody>().error.details).toEqual({ reason: 'closed' });
    }
    const current = await readProposal(t, admin, view.id);
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/proposals/${view.id}`, headers: { cookie: admin }, payload: { title: 'Setelah ditolak', version: current.version } });
    expect(edit.statusCode).toBe(409);
  });

  it('lets the initiating OPD withdraw, but not run the procedure itself', async () => {
    const view = await submitted();
    await uploadAll(t, opd, view.id, REGISTRATION_OPD);
    expect((await act(t, opd, view.id, 'validate')).statusCode).toBe(403);
    expect((await act(t, opd, view.id, 'reject', { note: 'Menolak usulan sendiri' })).statusCode).toBe(403);
    const withdrawn = await act(t, opd, view.id, 'withdraw');
    expect(withdrawn.json<ProposalView>().state).toBe('dibatalkan');
  });

  it('advances exactly once when two people act on the same version at the same moment', async () => {
    const view = await submitted();
    await uploadAll(t, opd, view.id, REGISTRATION_OPD);
    const { version } = await readProposal(t, admin, view.id);
    const { cookie: secondAdmin } = await t.loginAs('admin');
    const send = (cookie: string) => t.app.inject({ method: 'POST', url: `/api/proposals/${view.id}/transitions`, headers: { cookie }, payload: { action: 'validate', version } });
    const answers = await Promise.all([send(admin), send(secondAdmin)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const after = await readProposal(t, admin, view.id);
    expect(after.stageCode).toBe('pembahasan_tkksd');
    expect(after.timeline.filter((event) => event.action === 'validate')).toHaveLength(1);
  });

  it('answers 409 STALE to an action taken from an old version', async () => {
    const view = await submitted();
    const response = await t.app.inject({ method: 'POST', url: `/api/proposals/${view.id}/transitions`, headers: { cookie: admin }, payload: { action: 'send_back', note: 'Versi lama sekali', version: 1 } });
    expect(response.statusCode).toBe(409);
    expect(response.json<ApiErrorBody>().error.code).toBe('STALE');
    expect((await readProposal(t, admin, view.id)).state).toBe('aktif');
  });
});
