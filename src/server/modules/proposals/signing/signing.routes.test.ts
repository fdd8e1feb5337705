import { and, desc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../../tests/support/builders';
import { makeTextPdf } from '../../../../../tests/support/pdf-fixtures';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { AgreementView } from '../../../../shared/agreements';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { DocumentView } from '../../../../shared/documents';
import type { NotificationListResponse, OutboxResponse } from '../../../../shared/notifications';
import type { ProcedureDocType } from '../../../../shared/procedures';
import { PKS_REQUIRED_SECTIONS, type RegisterSigningResponse, type SigningView } from '../../../../shared/proposal-signing';
import type { AgreementListItem } from '../../../../shared/search';
import type { StatsResponse } from '../../../../shared/stats';
import { auditLog } from '../../audit/audit.table';
import { act, closeTestApp, createProposalAs, readProposal, uploadAll, uploadDocument } from '../core/proposals.test-support';
import { proposalDocuments, proposalEvents } from '../core/proposals.table';

const REGISTRATION_OPD = ['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd'] as const;
const MIDDLE_DOCS = ['berita_acara', 'surat_penawaran', 'surat_tanggapan'] as const;
// Words that appear only in the signed PDFs, so that finding them proves the text was indexed.
const KB_WORD = 'Gelombangsagu';
const PKS_WORD = 'Cengkehafo';

async function documentXml(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml in the draft');
  return file.async('string');
}

describe('drafts, signing and registration of a proposal', () => {
  let t: TestApp;
  let admin: string;
  let opd: string;
  let tkksd: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    opd = (await t.loginAs('opd')).cookie;
    tkksd = (await t.loginAs('tkksd')).cookie;
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (cookie: string, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) => t.app.inject({ method, url, headers: { cookie }, payload });
  const advanceTo = async (id: string, stageCode: string) => {
    for (let step = 0; step < 10; step += 1) {
      const current = await readProposal(t, admin, id);
      if (current.stageCode === stageCode) return;
      const response = await act(t, admin, id, current.stageCode === 'registrasi_validasi' ? 'validate' : 'advance');
      expect(response.statusCode, `${current.stageCode}: ${response.body}`).toBe(200);
    }
    throw new Error(`never reached ${stageCode}`);
  };
  // An OPD's proposal, submitted and carried to "penyusunan KB" with the papers each stage asks for.
  const atDraftingKb = async (overrides = {}) => {
    const view = await createProposalAs(t, opd, overrides);
    expect((await act(t, opd, view.id, 'submit')).statusCode).toBe(200);
    await uploadAll(t, opd, view.id, [...REGISTRATION_OPD, ...MIDDLE_DOCS]);
    await advanceTo(view.id, 'penyusunan_kb');
    return view;
  };
  const uploadSigned = async (id: string, docType: ProcedureDocType, words: string) => {
    const content = await makeTextPdf([`Naskah ditandatangani para pihak. ${words}`, 'Halaman kedua dengan paraf para pihak.']);
    const response = await uploadDocument(t, { url: `/api/proposals/${id}/documents`, cookie: admin, docType, content });
    expect(response.statusCode, response.body).toBe(201);
  };
  const schedule = async (id: string, docType: 'kb' | 'pks' | 'nk', scheduledOn: string) => {
    const response = await send(admin, 'POST', `/api/proposals/${id}/signings`, { docType, mode: 'seremonial', scheduledOn, place: 'Kantor Wali Kota Ternate' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<SigningView>();
  };
  const checkAll = async (id: string, signing: SigningView) => {
    const response = await send(admin, 'PATCH', `/api/proposals/${id}/signings/${signing.id}`, { parafEveryPage: true, meterai: true, sealEveryCopy: true, version: signing.version });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<SigningView>();
  };
  const register = (id: string, signing: SigningView, extra: object = {}) =>
    send(admin, 'POST', `/api/proposals/${id}/signings/${signing.id}/register`, { version: signing.version, ...extra });
  const totalIn = (stats: StatsResponse, year: number) => stats.years.find((entry) => entry.year === year)?.total ?? 0;
  const searchIds = async (q: string) => (await get(admin, `/api/agreements?q=${encodeURIComponent(q)}`)).json<{ items: AgreementListItem[] }>().items.map((item) => item.id);

  it('walks from "penyusunan KB" through KB and PKS drafts, signings and registrations into the registry', async () => {
    const statsBefore = (await get(admin, '/api/stats?from=2026&to=2026')).json<StatsResponse>();
    // A partner already in the registry under a differently typed name is matched, not duplicated.
    const existing = await send(admin, 'POST', '/api/partners', { name: 'PT. LITERASI DIGITAL NUSANTARA', categoryCode: 'swasta' });
    expect(existing.statusCode, existing.body).toBe(201);
    const view = await atDraftingKb();

    // KB draft: too early for a PKS, no NK for this kind, the OPD downloads the KB.
    expect((await get(admin, `/api/proposals/${view.id}/drafts/pks`)).json<ApiErrorBody>().error.details).toMatchObject({ reason: 'too_early' });
    expect((await get(admin, `/api/proposals/${view.id}/drafts/nk`)).statusCode).toBe(400);
    const kbDraft = await get(opd, `/api/proposals/${view.id}/drafts/kb`);
    expect(kbDraft.statusCode).toBe(200);
    expect(kbDraft.headers['content-type']).toContain('wordprocessingml');
    expect(kbDraft.headers['content-disposition']).toContain(`Rancangan-KB-${view.trackingCode}.docx`);
    const kbXml = await documentXml(kbDraft.rawPayload);
    expect(kbXml).toContain(view.title);
    expect(kbXml).toContain('KESEPAKATAN BERSAMA');
    expect(kbXml).toContain('Pemerintah Kota Ternate');
    expect(kbXml).toContain('PT Literasi Digital Nusantara');
    expect(kbXml).toContain(view.ruangLingkup);
    expect(kbXml).toContain('24 bulan');
    expect(kbXml).not.toContain('{{');

    await uploadAll(t, admin, view.id, ['rancangan_kb']);
    await advanceTo(view.id, 'penandatanganan_kb');

    // KB signing: scheduled once, checked, its signed PDF uploaded, then registered.
    let kbSigning = await schedule(view.id, 'kb', '2026-06-20');
    expect(kbSigning.blockers.map((blocker) => blocker.code)).toEqual(['check_incomplete', 'signed_pdf_missing']);
    // The initiating OPD hears of the date in the app.
    const notices = (await get(opd, '/api/notifications')).json<NotificationListResponse>().items.filter((item) => item.kind === 'proposal_signing_schedule');
    expect(notices).toEqual([expect.objectContaining({ title: 'Penandatanganan Kesepakatan Bersama dijadwalkan', entityId: view.id })]);
    expect(notices[0]?.body).toContain('2026-06-20 di Kantor Wali Kota Ternate');
    const twice = await send(admin, 'POST', `/api/proposals/${view.id}/signings`, { docType: 'kb', mode: 'hibrida', scheduledOn: '2026-06-21', place: 'Ruang rapat Sekda' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ApiErrorBody>().error.details).toMatchObject({ reason: 'already_scheduled', signingId: kbSigning.id });
    const unchecked = await register(view.id, kbSigning);
    expect(unchecked.statusCode).toBe(409);
    expect(unchecked.json<ApiErrorBody>().error.details).toMatchObject({ reason: 'check_incomplete', missing: ['parafEveryPage', 'meterai', 'sealEveryCopy'] });
    kbSigning = await checkAll(view.id, kbSigning);
    expect(kbSigning.check).toMatchObject({ complete: true });
    expect((await register(view.id, kbSigning)).json<ApiErrorBody>().error.details).toMatchObject({ reason: 'signed_pdf_missing' });
    await uploadSigned(view.id, 'kb', `Kesepakatan Bersama ${KB_WORD}.`);
    const kbRegistered = await register(view.id, kbSigning, { numberOurs: '415.4/01/KB/2026', numberPartner: 'LDN/KB/07/2026' });
    expect(kbRegistered.statusCode, kbRegistered.body).toBe(201);
    const kbResult = kbRegistered.json<RegisterSigningResponse>();
    // The signing stage closed through the state machine; the DPRD stage is not needed here.
    expect(kbResult).toMatchObject({ parentId: null, proposalState: 'aktif', proposalStageCode: 'penyusunan_pks' });
    expect(kbResult.signing).toMatchObject({ agreementId: kbResult.agreementId, blockers: [{ code: 'registered' }] });
    const again = await register(view.id, kbResult.signing);
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiErrorBody>().error.details).toMatchObject({ reason: 'already_registered', agreementId: kbResult.agreementId });

    const kb = (await get(admin, `/api/agreements/${kbResult.agreementId}`)).json<AgreementView>();
    expect(kb).toMatchObject({
      docType: 'KB',
      kind: 'KSDPK',
      title: view.title,
      numberOurs: '415.4/01/KB/2026',
      numberPartner: 'LDN/KB/07/2026',
      signedOn: '2026-06-20',
      startsOn: '2026-06-20',
      endsOn: '2028-06-19',
      scope: view.ruangLingkup,
      purpose: view.maksudTujuan,
      primarySectorCode: 'umkm_koperasi',
      isDraft: false,
      proposalId: view.id,
      parent: null,
    });
    expect(kb.partners.map((partner) => partner.id)).toEqual([existing.json<{ id: string }>().id]);
    expect(kb.units).toEqual([expect.objectContaining({ id: view.unit?.id, isLead: true })]);
    const kbDocuments = (await get(admin, `/api/agreements/${kb.id}/documents`)).json<DocumentView[]>();
    expect(kbDocuments).toEqual([expect.objectContaining({ kind: 'naskah_ttd', fileName: 'kb.pdf', pageCount: 2, needsOcr: false })]);
    const copied = await get(admin, `/api/documents/${kbDocuments[0]?.id ?? ''}/file`);
    expect(copied.statusCode).toBe(200);
    expect(copied.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // PKS: its draft holds the sections PP 28/2018 Ps 19(2) requires.
    const pksDraft = await get(admin, `/api/proposals/${view.id}/drafts/pks`);
    expect(pksDraft.statusCode).toBe(200);
    const pksXml = await documentXml(pksDraft.rawPayload);
    expect(pksXml).toContain(view.title);
    expect(pksXml).toContain('PERJANJIAN KERJA SAMA');
    for (const section of PKS_REQUIRED_SECTIONS) expect(pksXml.toLowerCase()).toContain(section.phrase);
    await uploadAll(t, admin, view.id, ['rancangan_pks']);
    await advanceTo(view.id, 'penandatanganan_pks');
    let pksSigning = await schedule(view.id, 'pks', '2026-07-01');
    pksSigning = await checkAll(view.id, pksSigning);
    await uploadSigned(view.id, 'pks', `Perjanjian Kerja Sama ${PKS_WORD}.`);
    const pksRegistered = await register(view.id, pksSigning, { numberOurs: '415.4/02/PKS/2026' });
    expect(pksRegistered.statusCode, pksRegistered.body).toBe(201);
    const pksResult = pksRegistered.json<RegisterSigningResponse>();
    expect(pksResult).toMatchObject({ parentId: kb.id, proposalState: 'terdaftar', proposalStageCode: 'terdaftar' });

    const pks = (await get(admin, `/api/agreements/${pksResult.agreementId}`)).json<AgreementView>();
    expect(pks).toMatchObject({ docType: 'PKS', signedOn: '2026-07-01', endsOn: '2028-06-30', proposalId: view.id, parent: { id: kb.id, docType: 'KB' } });
    expect((await get(admin, `/api/agreements/${kb.id}`)).json<AgreementView>().children.map((child) => child.id)).toEqual([pks.id]);

    // Both agreements: on the proposal, in search by a word of their signed PDFs, in the statistics.
    const after = await readProposal(t, admin, view.id);
    expect(after).toMatchObject({ state: 'terdaftar', allowedActions: [] });
    expect(after.registeredAgreements.map((agreement) => [agreement.id, agreement.docType])).toEqual([[kb.id, 'KB'], [pks.id, 'PKS']]);
    expect(await searchIds(KB_WORD)).toEqual([kb.id]);
    expect(await searchIds(PKS_WORD)).toEqual([pks.id]);
    const statsAfter = (await get(admin, '/api/stats?from=2026&to=2026')).json<StatsResponse>();
    expect(totalIn(statsAfter, 2026)).toBe(totalIn(statsBefore, 2026) + 2);

    // Timeline and audit: every signing step, and the transitions it caused.
    const events = await t.database.db.select().from(proposalEvents).where(eq(proposalEvents.proposalId, view.id));
    const actions = events.map((event) => event.action);
    expect(actions.filter((action) => action.startsWith('signing_'))).toEqual(['signing_schedule', 'signing_check', 'signing_register', 'signing_schedule', 'signing_check', 'signing_register']);
    expect(actions.slice(-3)).toEqual(['signing_register', 'advance', 'register']);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'agreement'), eq(auditLog.entityId, pks.id)));
    expect(audit.map((row) => row.action).sort()).toEqual(['create', 'document_upload']);
    // The copy's audit entry names the proposal document it came from.
    const [signedPks] = await t.database.db.select().from(proposalDocuments).where(and(eq(proposalDocuments.proposalId, view.id), eq(proposalDocuments.docType, 'pks'))).orderBy(desc(proposalDocuments.versionNo));
    const copiedEntry = audit.find((row) => row.action === 'document_upload');
    expect(copiedEntry?.changes).toEqual([{ field: 'document', old: null, new: expect.objectContaining({ kind: 'naskah_ttd', isPublic: false, fromProposalDocument: signedPks?.id }) }]);
  });

  it('keeps registration and its transitions all-or-nothing: a taken number changes nothing', async () => {
    const first = await atDraftingKb({ title: 'Kerja sama pengelolaan sampah pasar Gamalama' });
    await uploadAll(t, admin, first.id, ['rancangan_kb']);
    await advanceTo(first.id, 'penandatanganan_kb');
    const signing = await checkAll(first.id, await schedule(first.id, 'kb', '2026-06-22'));
    await uploadSigned(first.id, 'kb', 'Sampah pasar.');
    const before = await readProposal(t, admin, first.id);
    // The number of the KB registered in the first test.
    const clash = await register(first.id, signing, { numberOurs: '415.4/01/KB/2026' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<ApiErrorBody>().error.field).toBe('numberOurs');
    const unchanged = await readProposal(t, admin, first.id);
    expect(unchanged).toMatchObject({ stageCode: 'penandatanganan_kb', version: before.version, registeredAgreements: [] });
    const signings = (await get(admin, `/api/proposals/${first.id}/signings`)).json<SigningView[]>();
    expect(signings).toEqual([expect.objectContaining({ id: signing.id, agreementId: null, version: signing.version })]);
    // Stale signing version, then a good registration.
    expect((await send(admin, 'POST', `/api/proposals/${first.id}/signings/${signing.id}/register`, { version: signing.version - 1 })).statusCode).toBe(409);
    // Two people registering at the same moment put one agreement in the registry.
    const racing = await Promise.all([register(first.id, signing, { numberOurs: '415.4/03/KB/2026' }), register(first.id, signing, { numberOurs: '415.4/04/KB/2026' })]);
    expect(racing.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const registered = await readProposal(t, admin, first.id);
    expect(registered.registeredAgreements).toHaveLength(1);
    expect(registered.stageCode).toBe('penyusunan_pks');
  });

  it('refuses to register before the signing stage; only the division changes a signing', async () => {
    const view = await atDraftingKb({ title: 'Kerja sama beasiswa vokasi perikanan tangkap' });
    const signing = await checkAll(view.id, await schedule(view.id, 'kb', '2026-06-25'));
    await uploadSigned(view.id, 'kb', 'Beasiswa.');
    const early = await register(view.id, signing);
    expect(early.statusCode).toBe(409);
    expect(early.json<ApiErrorBody>().error.details).toMatchObject({ reason: 'wrong_stage' });
    expect((await get(admin, `/api/proposals/${view.id}/signings`)).json<SigningView[]>()[0]?.blockers.map((blocker) => blocker.code)).toEqual(['wrong_stage']);
    // Only the division schedules, checks and registers.
    expect((await send(opd, 'PATCH', `/api/proposals/${view.id}/signings/${signing.id}`, { place: 'Aula OPD', version: signing.version })).statusCode).toBe(403);
    expect((await register(view.id, signing)).statusCode).toBe(409);
  });

  it('answers each role on the routes as the signing policy says', async () => {
    const view = await atDraftingKb({ title: 'Kerja sama penataan kawasan Benteng Oranje' });
    const others = { other: (await t.loginAs('opd')).cookie, pimpinan: (await t.loginAs('pimpinan')).cookie };
    const signing = await schedule(view.id, 'kb', '2026-06-26');
    type Principal = 'admin' | 'tkksd' | 'opd' | 'other' | 'pimpinan' | 'anonymous';
    const expected: Record<'draft' | 'signings' | 'schedule' | 'check' | 'register', Record<Principal, number>> = {
      // tkksd: a member not assigned to the proposal's review.
      draft: { admin: 200, tkksd: 403, opd: 200, other: 403, pimpinan: 403, anonymous: 401 },
      signings: { admin: 200, tkksd: 403, opd: 200, other: 403, pimpinan: 200, anonymous: 401 },
      schedule: { admin: 409, tkksd: 403, opd: 403, other: 403, pimpinan: 403, anonymous: 401 },
      check: { admin: 409, tkksd: 403, opd: 403, other: 403, pimpinan: 403, anonymous: 401 },
      register: { admin: 409, tkksd: 403, opd: 403, other: 403, pimpinan: 403, anonymous: 401 },
    };
    const cookies = { admin, tkksd, opd, ...others, anonymous: '' };
    const request = (name: string, cookie: string) => {
      const headers = cookie ? { cookie } : {};
      switch (name) {
        case 'draft':
          return t.app.inject({ method: 'GET', url: `/api/proposals/${view.id}/drafts/kb`, headers });
        case 'signings':
          return t.app.inject({ method: 'GET', url: `/api/proposals/${view.id}/signings`, headers });
        case 'schedule':
          // Already scheduled: the division is told so (409); everyone else may not ask.
          return t.app.inject({ method: 'POST', url: `/api/proposals/${view.id}/signings`, headers, payload: { docType: 'kb', mode: 'desk_to_desk', scheduledOn: '2026-06-27', place: 'Kantor Wali Kota' } });
        case 'check':
          // A stale version: the division gets 409, nobody else gets that far.
          return t.app.inject({ method: 'PATCH', url: `/api/proposals/${view.id}/signings/${signing.id}`, headers, payload: { meterai: true, version: signing.version + 5 } });
        default:
          return t.app.inject({ method: 'POST', url: `/api/proposals/${view.id}/signings/${signing.id}/register`, headers, payload: { version: signing.version } });
      }
    };
    for (const [name, statuses] of Object.entries(expected)) {
      for (const [principal, status] of Object.entries(statuses)) {
        const response = await request(name, cookies[principal as keyof typeof cookies]);
        expect(response.statusCode, `${principal} × ${name}: ${response.body.slice(0, 200)}`).toBe(status);
      }
    }
  });

  it('asks which OPD leads an agreement from an outside initiator, and records that OPD', async () => {
    const unit = await buildUnit(t.database.db);
    const external = { institution: 'Universitas Khairun', contactName: 'Dr. Siti Rahma', email: 'kerjasama@unkhair.ac.id' };
    const view = await createProposalAs(t, admin, { initiatorType: 'external', external, title: 'Kerja sama kuliah kerja nyata tematik kelurahan', plannedPartners: [{ name: 'Universitas Khairun', categoryCode: 'perguruan_tinggi_negeri' }] });
    expect((await act(t, admin, view.id, 'submit')).statusCode).toBe(200);
    await uploadAll(t, admin, view.id, ['surat_penawaran', 'kak', 'studi_kelayakan', 'berita_acara', 'surat_tanggapan', 'rancangan_kb']);
    await advanceTo(view.id, 'penandatanganan_kb');
    const scheduled = await schedule(view.id, 'kb', '2026-06-29');
    const moved = await send(admin, 'PATCH', `/api/proposals/${view.id}/signings/${scheduled.id}`, { scheduledOn: '2026-06-30', version: scheduled.version });
    expect(moved.statusCode, moved.body).toBe(200);
    // The outside initiator is told of the date, and again when it moves.
    const outbox = (await get(admin, '/api/outbox')).json<OutboxResponse>().items.filter((item) => item.to === external.email && item.subject.includes('penandatanganan'));
    expect(outbox.map((item) => item.subject).sort()).toEqual([`Usulan ${view.trackingCode}: penandatanganan dijadwalkan`, `Usulan ${view.trackingCode}: penandatanganan dijadwalkan ulang`]);
    const signing = await checkAll(view.id, moved.json<SigningView>());
    await uploadSigned(view.id, 'kb', 'Kuliah kerja nyata.');
    const withoutUnit = await register(view.id, signing);
    expect(withoutUnit.statusCode).toBe(400);
    expect(withoutUnit.json<ApiErrorBody>().error.field).toBe('leadUnitId');
    const registered = await register(view.id, signing, { leadUnitId: unit.id, startsOn: '2026-07-01', endsOn: '2027-06-30' });
    expect(registered.statusCode, registered.body).toBe(201);
    const agreement = (await get(admin, `/api/agreements/${registered.json<RegisterSigningResponse>().agreementId}`)).json<AgreementView>();
    expect(agreement).toMatchObject({ signedOn: '2026-06-30', startsOn: '2026-07-01', endsOn: '2027-06-30', units: [{ id: unit.id, isLead: true }] });
    expect(agreement.partners.map((partner) => [partner.name, partner.categoryCode])).toEqual([['Universitas Khairun', 'perguruan_tinggi_negeri']]);
  });

  it('asks whether a cooperation between regions is mandatory or voluntary before it enters the registry', async () => {
    const view = await createProposalAs(t, opd, { kind: 'KSDD', title: 'Kerja sama pengelolaan air minum lintas batas dengan Tidore', plannedPartners: [{ name: 'Pemerintah Kota Tidore Kepulauan', categoryCode: 'pemerintah_kabupaten_kota' }] });
    expect((await act(t, opd, view.id, 'submit')).statusCode).toBe(200);
    await uploadAll(t, opd, view.id, ['kak', 'surat_inisiasi', 'sk_ppksd', ...MIDDLE_DOCS, 'rancangan_kb']);
    await advanceTo(view.id, 'penandatanganan_kb');
    const signing = await checkAll(view.id, await schedule(view.id, 'kb', '2026-09-01'));
    await uploadSigned(view.id, 'kb', 'Air minum lintas batas.');
    const withoutMode = await register(view.id, signing);
    expect(withoutMode.statusCode).toBe(400);
    expect(withoutMode.json<ApiErrorBody>().error.field).toBe('ksddMode');
    const registered = await register(view.id, signing, { ksddMode: 'wajib' });
    expect(registered.statusCode, registered.body).toBe(201);
    const agreement = (await get(admin, `/api/agreements/${registered.json<RegisterSigningResponse>().agreementId}`)).json<AgreementView>();
    expect(agreement).toMatchObject({ kind: 'KSDD', ksddMode: 'wajib', docType: 'KB' });
  });

  it('drafts and signs a Nota Kesepakatan for a sinergi proposal, registered at the last stage', async () => {
    const view = await createProposalAs(t, opd, { kind: 'SINERGI', title: 'Sinergi pemetaan wilayah pesisir bersama BIG', plannedPartners: [{ name: 'Badan Informasi Geospasial', categoryCode: 'pemerintah_pusat' }] });
    expect((await act(t, opd, view.id, 'submit')).statusCode).toBe(200);
    await uploadAll(t, opd, view.id, ['kak', 'surat_inisiasi', 'sk_ppksd', ...MIDDLE_DOCS]);
    await advanceTo(view.id, 'penyusunan_nk');
    expect((await get(admin, `/api/proposals/${view.id}/drafts/kb`)).statusCode).toBe(400);
    const nkXml = await documentXml((await get(admin, `/api/proposals/${view.id}/drafts/nk`)).rawPayload);
    expect(nkXml).toContain('NOTA KESEPAKATAN');
    expect(nkXml).toContain('Badan Informasi Geospasial');
    await uploadAll(t, admin, view.id, ['rencana_kerja']);
    await advanceTo(view.id, 'penandatanganan_nk');
    const signing = await checkAll(view.id, await schedule(view.id, 'nk', '2026-08-17'));
    await uploadSigned(view.id, 'nk', 'Nota Kesepakatan pemetaan pesisir.');
    const registered = await register(view.id, signing);
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json<RegisterSigningResponse>()).toMatchObject({ proposalState: 'terdaftar' });
    const nk = (await get(admin, `/api/agreements/${registered.json<RegisterSigningResponse>().agreementId}`)).json<AgreementView>();
    expect(nk).toMatchObject({ docType: 'NK', kind: 'SINERGI', parent: null, proposalId: view.id });
  });
});
