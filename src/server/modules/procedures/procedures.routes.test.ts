import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../shared/api-error';
import { COOPERATION_KINDS } from '../../../shared/agreement-codes';
import { TKKSD_STAGE_CODE } from '../../../shared/proposal-reviews';
import { systemStageCodes, type ProcedureGuideResponse, type ProcedureStage, type ProcedureView } from '../../../shared/procedures';
import { ROLES } from '../../../shared/roles';
import { auditLog } from '../audit/audit.table';
import { SIGNING_STAGES, typesForKind } from '../proposals/signing/signing.rules';
import { closeTestApp, createProposalAs } from '../proposals/core/proposals.test-support';
import { loadProcedure } from './procedures.service';

describe('procedures routes', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const get = (url: string, cookie = admin) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const put = (kind: string, payload: unknown, cookie = admin) =>
    t.app.inject({ method: 'PUT', url: `/api/procedures/${kind}`, headers: cookie ? { cookie } : {}, payload: payload as object });
  const editable = (procedure: ProcedureView) => ({
    name: procedure.name,
    description: procedure.description,
    stages: procedure.stages,
    version: procedure.version,
  });

  describe('seeded defaults', () => {
    it('orders the KB/PKS procedure from registration to the register with a conditional DPRD stage', async () => {
      const procedure = await loadProcedure(t.database.db, 'KSDD');
      expect(procedure.stages.map((stage) => stage.code)).toEqual([
        'registrasi_validasi',
        'pembahasan_tkksd',
        'penawaran_tanggapan',
        'penyusunan_kb',
        'penandatanganan_kb',
        'persetujuan_dprd',
        'penyusunan_pks',
        'penandatanganan_pks',
        'terdaftar',
      ]);
      expect(procedure.stages.filter((stage) => stage.isDprdApproval).map((stage) => stage.code)).toEqual(['persetujuan_dprd']);
      expect(procedure.stages.find((stage) => stage.code === 'penandatanganan_pks')?.requiredDocTypes).toEqual({ opd: ['pks'], external: ['pks'] });
    });

    it('asks a KSDPK proposal for a feasibility study whoever initiates it', async () => {
      const [registration] = (await loadProcedure(t.database.db, 'KSDPK')).stages;
      expect(registration?.requiredDocTypes.opd).toEqual(['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd']);
      expect(registration?.requiredDocTypes.external).toEqual(['surat_penawaran', 'kak', 'studi_kelayakan']);
      const [other] = (await loadProcedure(t.database.db, 'KSDPL')).stages;
      expect(other?.requiredDocTypes.opd).not.toContain('studi_kelayakan');
    });

    it('gives Sinergi a Nota Kesepakatan and a Rencana Kerja instead of KB and PKS', async () => {
      const { stages } = await loadProcedure(t.database.db, 'SINERGI');
      const docs = stages.flatMap((stage) => stage.requiredDocTypes.opd);
      expect(docs).toEqual(expect.arrayContaining(['nk', 'rencana_kerja']));
      expect(docs).not.toContain('kb');
      expect(docs).not.toContain('pks');
      expect(stages.at(-1)?.code).toBe('terdaftar');
    });
  });

  describe('permissions', () => {
    it('answers 401 without a session and lets every signed-in role read', async () => {
      expect((await get('/api/procedures', '')).statusCode).toBe(401);
      expect((await get('/api/procedures/KSDD', '')).statusCode).toBe(401);
      // A valid body, so that the answer is about the session and not the input.
      expect((await put('KSDD', editable(await loadProcedure(t.database.db, 'KSDD')), '')).statusCode).toBe(401);
      for (const role of ROLES) {
        const { cookie } = await t.loginAs(role);
        const list = await get('/api/procedures', cookie);
        expect(list.statusCode, role).toBe(200);
        expect(list.json()).toHaveLength(5);
        expect((await get('/api/procedures/KSDPK', cookie)).statusCode, role).toBe(200);
      }
    });

    it('refuses an edit from every role except admin and changes nothing', async () => {
      const before = await loadProcedure(t.database.db, 'KSDLL');
      for (const role of ['tkksd', 'opd', 'pimpinan'] as const) {
        const { cookie } = await t.loginAs(role);
        const response = await put('KSDLL', { ...editable(before), name: 'Diubah tanpa hak' }, cookie);
        expect(response.statusCode, role).toBe(403);
      }
      expect(await loadProcedure(t.database.db, 'KSDLL')).toEqual(before);
    });
  });

  describe('editing', () => {
    it('lets an admin change target days and add a stage, moves the version on and audits old and new', async () => {
      const before = await loadProcedure(t.database.db, 'KSDPL');
      const extra: ProcedureStage = {
        code: 'laporan_menteri',
        name: 'Laporan kepada Menteri Dalam Negeri',
        description: null,
        requiredDocTypes: { opd: ['berita_acara'], external: [] },
        targetDays: 10,
        isDprdApproval: false,
      };
      const stages = before.stages.map((stage) => (stage.code === 'penyusunan_kb' ? { ...stage, targetDays: 60 } : stage));
      stages.splice(stages.length - 1, 0, extra);
      const response = await put('KSDPL', { ...editable(before), stages });
      expect(response.statusCode).toBe(200);
      const after: ProcedureView = response.json();
      expect(after.version).toBe(before.version + 1);
      expect(after.stages.find((stage) => stage.code === 'penyusunan_kb')?.targetDays).toBe(60);
      expect(after.stages.at(-2)).toEqual(extra);
      expect(await loadProcedure(t.database.db, 'KSDPL')).toEqual(after);
      const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'procedure'), eq(auditLog.entityId, 'KSDPL')));
      expect(audit?.changes.map((change) => change.field)).toEqual(['stages']);
    });

    it('answers 409 to a save made from a stale version and keeps the newer procedure', async () => {
      const before = await loadProcedure(t.database.db, 'KSDD');
      expect((await put('KSDD', { ...editable(before), name: 'Kerja Sama Antar Daerah' })).statusCode).toBe(200);
      const stale = await put('KSDD', { ...editable(before), name: 'Nama dari versi lama' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('STALE');
      expect((await loadProcedure(t.database.db, 'KSDD')).name).toBe('Kerja Sama Antar Daerah');
    });

    it('rejects a malformed procedure, naming the field, and changes nothing', async () => {
      const before = await loadProcedure(t.database.db, 'SINERGI');
      const [first, second] = before.stages as [ProcedureStage, ProcedureStage, ...ProcedureStage[]];
      const cases: [unknown, string][] = [
        [{ ...editable(before), stages: [first, { ...second, code: first.code }] }, 'stages.1.code'],
        [{ ...editable(before), stages: [{ ...first, isDprdApproval: true }, second] }, 'stages.0.isDprdApproval'],
        [{ ...editable(before), stages: [first, { ...second, isDprdApproval: true }] }, 'stages.1.isDprdApproval'],
        [{ ...editable(before), stages: [first, { ...second, requiredDocTypes: { opd: ['ktp'], external: [] } }] }, 'stages.1.requiredDocTypes.opd.0'],
        [{ ...editable(before), stages: [first, { ...second, requiredDocTypes: { opd: ['kak', 'kak'], external: [] } }] }, 'stages.1.requiredDocTypes.opd'],
        [{ ...editable(before), stages: [first, { ...second, targetDays: -1 }] }, 'stages.1.targetDays'],
        [{ ...editable(before), stages: [first] }, 'stages'],
        [{ ...editable(before), version: undefined }, 'version'],
      ];
      for (const [payload, field] of cases) {
        const response = await put('SINERGI', payload);
        expect(response.statusCode, field).toBe(400);
        const { error } = response.json<ApiErrorBody>();
        expect(error.issues?.map((issue) => issue.path), field).toContain(field);
      }
      expect(await loadProcedure(t.database.db, 'SINERGI')).toEqual(before);
    });

    it('refuses to drop a stage that a proposal under way still stands on', async () => {
      const { cookie: opd } = await t.loginAs('opd');
      await createProposalAs(t, opd, { kind: 'KSDLL' });
      const before = await loadProcedure(t.database.db, 'KSDLL');
      const stages = before.stages.map((stage, index) => (index === 0 ? { ...stage, code: 'pendaftaran' } : stage));
      const response = await put('KSDLL', { ...editable(before), stages });
      expect(response.statusCode).toBe(409);
      expect(response.json<ApiErrorBody>().error.message).toContain('registrasi_validasi (1)');
      expect(await loadProcedure(t.database.db, 'KSDLL')).toEqual(before);
    });

    it('refuses an unknown cooperation kind', async () => {
      expect((await get('/api/procedures/KSDX')).statusCode).toBe(400);
    });
  });

  describe('stages the system depends on', () => {
    it('lists every stage code the review and the signing look up, and the seeded procedures hold them all', async () => {
      for (const kind of COOPERATION_KINDS) {
        const used = [TKKSD_STAGE_CODE, ...typesForKind(kind).flatMap((type) => [SIGNING_STAGES[type].drafting, SIGNING_STAGES[type].signing])];
        expect([...systemStageCodes(kind).keys()].sort(), kind).toEqual(used.sort());
        const seeded = (await loadProcedure(t.database.db, kind)).stages.map((stage) => stage.code);
        expect(seeded, kind).toEqual(expect.arrayContaining(used));
      }
    });

    it('refuses to rename the code of the TKKSD stage, naming the stage in both languages, and changes nothing', async () => {
      const audits = () => t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'procedure'), eq(auditLog.entityId, 'KSDD')));
      const [before, auditsBefore] = [await loadProcedure(t.database.db, 'KSDD'), await audits()];
      const stages = before.stages.map((stage) => (stage.code === 'pembahasan_tkksd' ? { ...stage, code: 'pembahasan_tim' } : stage));
      const response = await put('KSDD', { ...editable(before), stages });
      expect(response.statusCode).toBe(400);
      const { error } = response.json<ApiErrorBody>();
      expect(error.field).toBe('stages');
      expect(error.message).toContain('"Pembahasan oleh TKKSD" (pembahasan_tkksd)');
      expect(error.message).toContain('tinjauan TKKSD');
      expect(error.messageEn).toContain('"Pembahasan oleh TKKSD" (pembahasan_tkksd)');
      expect(error.messageEn).toContain('the TKKSD review');
      expect(await loadProcedure(t.database.db, 'KSDD')).toEqual(before);
      expect(await audits()).toEqual(auditsBefore);
    });

    it('refuses to remove the TKKSD stage or a signing stage, and changes nothing', async () => {
      const before = await loadProcedure(t.database.db, 'SINERGI');
      for (const code of ['pembahasan_tkksd', 'penandatanganan_nk']) {
        const response = await put('SINERGI', { ...editable(before), stages: before.stages.filter((stage) => stage.code !== code) });
        expect(response.statusCode, code).toBe(400);
        expect(response.json<ApiErrorBody>().error.message, code).toContain(`(${code})`);
      }
      expect(await loadProcedure(t.database.db, 'SINERGI')).toEqual(before);
    });

    it('still lets the admin rename such a stage, change its days and move it', async () => {
      const before = await loadProcedure(t.database.db, 'KSDPK');
      const renamed = before.stages.map((stage) => (stage.code === 'pembahasan_tkksd' ? { ...stage, name: 'Pembahasan bersama TKKSD', targetDays: 21 } : stage));
      const [first, review, offer, ...rest] = renamed as [ProcedureStage, ProcedureStage, ProcedureStage, ...ProcedureStage[]];
      const response = await put('KSDPK', { ...editable(before), stages: [first, offer, review, ...rest] });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<ProcedureView>().stages[2]).toMatchObject({ code: 'pembahasan_tkksd', name: 'Pembahasan bersama TKKSD', targetDays: 21 });
    });
  });

  describe('public guide', () => {
    it('explains every kind to anyone without a session: stages, documents by name and target days', async () => {
      const response = await get('/api/public/procedures', '');
      expect(response.statusCode).toBe(200);
      const guide: ProcedureGuideResponse = response.json();
      expect(guide.procedures.map((procedure) => procedure.kind).sort()).toEqual(['KSDD', 'KSDLL', 'KSDPK', 'KSDPL', 'SINERGI']);
      const ksdpk = guide.procedures.find((procedure) => procedure.kind === 'KSDPK');
      expect(ksdpk?.stages[0]?.documents.external).toContainEqual({ type: 'studi_kelayakan', name: 'Studi kelayakan' });
      const regular = ksdpk?.stages.filter((stage) => !stage.isDprdApproval).reduce((sum, stage) => sum + stage.targetDays, 0);
      expect(ksdpk?.totalTargetDays).toBe(regular);
      expect(guide.documentTypes).toHaveLength(14);
    });

    it('shows an admin edit in the guide at once', async () => {
      const before = await loadProcedure(t.database.db, 'KSDPK');
      const stages = before.stages.map((stage, index) => (index === 0 ? { ...stage, targetDays: 3 } : stage));
      expect((await put('KSDPK', { ...editable(before), stages })).statusCode).toBe(200);
      const guide: ProcedureGuideResponse = (await get('/api/public/procedures', '')).json();
      expect(guide.procedures.find((procedure) => procedure.kind === 'KSDPK')?.stages[0]?.targetDays).toBe(3);
    });
  });
});
