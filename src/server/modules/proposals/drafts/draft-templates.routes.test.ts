import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { DraftTemplateView } from '../../../../shared/proposal-signing';
import { auditLog } from '../../audit/audit.table';
import { act, closeTestApp, createProposalAs, readProposal, uploadAll } from '../core/proposals.test-support';

describe('draft templates', () => {
  let t: TestApp;
  let admin: string;
  let tkksd: string;
  let opd: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    tkksd = (await t.loginAs('tkksd')).cookie;
    opd = (await t.loginAs('opd')).cookie;
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const read = async (type: string, cookie = admin) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/draft-templates/${type}`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DraftTemplateView>();
  };
  const save = (type: string, payload: object, cookie = admin) => t.app.inject({ method: 'PUT', url: `/api/draft-templates/${type}`, headers: { cookie }, payload });

  it('lists the seeded KB, PKS and NK templates; the PKS names the sections PP 28/2018 Ps 19(2) requires', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/draft-templates', headers: { cookie: tkksd } });
    expect(response.statusCode).toBe(200);
    const templates = response.json<DraftTemplateView[]>();
    expect(templates.map((template) => template.type)).toEqual(['kb', 'pks', 'nk']);
    const pks = templates.find((template) => template.type === 'pks');
    expect(pks?.requiredSections.map((section) => section.heading)).toEqual(['Hak dan kewajiban para pihak', 'Jangka waktu', 'Penyelesaian perselisihan', 'Sanksi']);
    expect(templates.find((template) => template.type === 'kb')?.requiredSections).toEqual([]);
    expect(pks?.placeholders.map((placeholder) => placeholder.name)).toContain('judul');
  });

  it('refuses an unknown placeholder by name, and a PKS without its required sections, changing nothing', async () => {
    const before = await read('kb');
    const unknown = await save('kb', { title: before.title, sections: [...before.sections, { heading: 'Pasal Tambahan', body: 'Nilai {{nilai_kontrak}} dan {{judul}}.' }], version: before.version });
    expect(unknown.statusCode).toBe(400);
    const { error } = unknown.json<ApiErrorBody>();
    expect(error.message).toContain('{{nilai_kontrak}}');
    expect(error.messageEn).toContain('{{nilai_kontrak}}');
    expect(error.field).toBe(`sections.${before.sections.length}.body`);
    expect(error.details).toEqual({ unknownPlaceholders: ['nilai_kontrak'] });

    const pks = await read('pks');
    const withoutSanctions = pks.sections.filter((section) => !section.heading.toLowerCase().includes('sanksi'));
    const refused = await save('pks', { title: pks.title, sections: withoutSanctions, version: pks.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiErrorBody>().error.message).toContain('Sanksi');
    expect(refused.json<ApiErrorBody>().error.details).toEqual({ missingSections: ['sanksi'] });
    expect(await read('kb')).toEqual(before);
    expect(await read('pks')).toEqual(pks);
  });

  it('saves an edit as a new version with an audit row, refuses a stale one, and the next draft uses it', async () => {
    const before = await read('kb');
    const sections = [...before.sections, { heading: 'Pasal 7 Manfaat', body: 'Manfaat yang diharapkan: {{manfaat}}' }];
    expect((await save('kb', { title: before.title, sections, version: before.version }, tkksd)).statusCode).toBe(403);
    const saved = await save('kb', { title: before.title, sections, version: before.version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<DraftTemplateView>()).toMatchObject({ version: before.version + 1, sections });
    const stale = await save('kb', { title: 'Judul lama', sections: before.sections, version: before.version });
    expect(stale.statusCode).toBe(409);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'draft_template'), eq(auditLog.entityId, 'kb')));
    expect(audit.map((row) => [row.action, row.changes.map((change) => change.field)])).toEqual([['update', ['sections']]]);

    const view = await createProposalAs(t, opd);
    expect((await act(t, opd, view.id, 'submit')).statusCode).toBe(200);
    await uploadAll(t, opd, view.id, ['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd', 'berita_acara', 'surat_penawaran', 'surat_tanggapan']);
    for (const action of ['validate', 'advance', 'advance'] as const) expect((await act(t, admin, view.id, action)).statusCode).toBe(200);
    expect((await readProposal(t, admin, view.id)).stageCode).toBe('penyusunan_kb');
    const draft = await t.app.inject({ method: 'GET', url: `/api/proposals/${view.id}/drafts/kb`, headers: { cookie: admin } });
    const xml = await (await JSZip.loadAsync(draft.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('Pasal 7 Manfaat');
    expect(xml).toContain(`Manfaat yang diharapkan: ${view.manfaat}`);
  });

  it('is read by the division and the TKKSD only, edited by the division only', async () => {
    const pimpinan = (await t.loginAs('pimpinan')).cookie;
    for (const [cookie, status] of [[admin, 200], [tkksd, 200], [opd, 403], [pimpinan, 403], ['', 401]] as const) {
      const response = await t.app.inject({ method: 'GET', url: '/api/draft-templates/pks', headers: cookie ? { cookie } : {} });
      expect(response.statusCode, `${status}`).toBe(status);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/draft-templates/adendum', headers: { cookie: admin } })).statusCode).toBe(400);
  });
});
