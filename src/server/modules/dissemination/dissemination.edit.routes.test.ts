import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { caller, packageCounts, signInRoles } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { PackageView, SavePackageInput } from '../../../shared/dissemination';
import { agreementSlug } from '../../../shared/slug';
import { auditLog } from '../audit/audit.table';
import { outbox } from '../mail/mail.table';
import { notifications } from '../notifications/notifications.table';
import { disseminationRecipients } from './dissemination.table';


// What the editor sends back for a package it was given: every task and opportunity with its id.
function editOf(view: PackageView, patch: Partial<SavePackageInput> = {}): SavePackageInput {
  return {
    summaryWhat: view.summaryWhat,
    summaryWithWhom: view.summaryWithWhom,
    summaryUntil: view.summaryUntil,
    summaryWhy: view.summaryWhy,
    tasks: view.tasks.map(({ id, unitId, commitment, dueOn }) => ({ id, unitId, commitment, dueOn })),
    opportunities: view.opportunities.map(({ applyClicks: _clicks, ...opportunity }) => opportunity),
    publicDocumentIds: view.publicDocumentIds,
    version: view.version,
    ...patch,
  };
}

describe('editing a published dissemination package', () => {
  let t: TestApp;
  let admin: string;
  let tkksd: string;
  let pimpinan: string;
  let trade: { id: string; name: string };
  let opdTrade: string;
  let opdOther: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, tkksd, pimpinan, unit: trade, opdOwn: opdTrade, opdOther } = await signInRoles(t));
  });
  afterAll(async () => {
    await t.close();
  });

  const call = caller(() => t.app);

  async function publishedAgreement() {
    const agreement = await buildAgreement(t.database.db, { title: `Kerja Sama Pembiayaan Pedagang Pasar ${Date.now()}`, onPortal: true });
    const url = `/api/agreements/${agreement.id}/dissemination`;
    const body: SavePackageInput = {
      summaryWhat: 'Bank daerah membiayai pedagang pasar dengan kredit mikro.',
      summaryWithWhom: 'PT Bank Pembangunan Daerah Maluku Malut',
      tasks: [{ unitId: trade.id, commitment: 'Mendata pedagang pasar calon penerima kredit', dueOn: '2026-09-30' }],
      opportunities: [{ type: 'pembiayaan', title: 'Kredit usaha pedagang pasar', sectorCodes: ['umkm_koperasi'], deadline: '2026-12-31', scheme: 'KUR mikro' }],
      publicDocumentIds: [],
    };
    expect((await call('PUT', url, admin, body)).statusCode).toBe(200);
    expect((await call('POST', `${url}/transition`, tkksd, { action: 'submit', version: 1 })).statusCode).toBe(200);
    const published = await call('POST', `${url}/transition`, admin, { action: 'publish', version: 2 });
    expect(published.statusCode, published.body).toBe(200);
    return { agreement, url, view: published.json<PackageView>() };
  }

  it('lets the admin fix the summary and extend a deadline, keeps the offer, records old and new in the audit trail', async () => {
    const { url, view } = await publishedAgreement();
    const opportunity = view.opportunities[0];
    if (!opportunity) throw new Error('no opportunity');
    const response = await call('PUT', url, admin, editOf(view, { summaryWhat: 'Bank daerah membiayai pedagang pasar dengan kredit mikro berbunga rendah.', opportunities: [{ ...opportunity, deadline: '2027-03-31' }] }));
    expect(response.statusCode, response.body).toBe(200);
    const edited = response.json<PackageView>();
    expect(edited).toMatchObject({ status: 'published', version: view.version + 1, summaryWhat: 'Bank daerah membiayai pedagang pasar dengan kredit mikro berbunga rendah.', publishedAt: view.publishedAt });
    expect(edited.opportunities).toMatchObject([{ id: opportunity.id, deadline: '2027-03-31' }]);
    expect(edited.tasks.map((task) => task.id)).toEqual(view.tasks.map((task) => task.id));
    expect(edited.abilities.canEdit).toBe(true);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, view.id), eq(auditLog.action, 'edit_published')));
    expect(audit?.changes.map((change) => change.field).sort()).toEqual(['opportunities', 'summaryWhat']);
    expect(audit?.changes.find((change) => change.field === 'summaryWhat')).toMatchObject({ old: view.summaryWhat, new: edited.summaryWhat });
  });

  it('refuses a stale edit with 409 and keeps the edit that came first', async () => {
    const { url, view } = await publishedAgreement();
    expect((await call('PUT', url, admin, editOf(view, { summaryWhy: 'Modal murah bagi pedagang.' }))).statusCode).toBe(200);
    const stale = await call('PUT', url, admin, editOf(view, { summaryWhy: 'Teks yang ditimpa.' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE');
    expect((await call('GET', url, admin)).json<PackageView>().summaryWhy).toBe('Modal murah bagi pedagang.');
    expect((await call('PUT', url, admin, editOf(view, { version: undefined }))).statusCode).toBe(409);
  });

  it('refuses an edit that would leave it unpublishable, naming the field, and changes nothing', async () => {
    const { url, view } = await publishedAgreement();
    const opportunity = view.opportunities[0];
    if (!opportunity) throw new Error('no opportunity');
    const before = await packageCounts(t.database.db);
    const cases: [Partial<SavePackageInput>, string][] = [
      [{ summaryWhat: null }, 'summaryWhat'],
      [{ summaryWhat: '   ' }, 'summaryWhat'],
      [{ opportunities: [{ ...opportunity, deadline: null }] }, 'opportunities.0.deadline'],
      [{ opportunities: [opportunity, { type: 'beasiswa', title: 'Beasiswa anak pedagang', sectorCodes: [] }] }, 'opportunities.1.deadline'],
      [{ tasks: [{ unitId: '00000000-0000-4000-8000-000000000000', commitment: 'Tugas untuk OPD hantu' }] }, 'tasks.0.unitId'],
    ];
    for (const [patch, field] of cases) {
      const response = await call('PUT', url, admin, editOf(view, patch));
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.field, field).toBe(field);
    }
    expect(await packageCounts(t.database.db)).toEqual(before);
    const after = (await call('GET', url, admin)).json<PackageView>();
    expect(after).toMatchObject({ version: view.version, summaryWhat: view.summaryWhat, opportunities: view.opportunities, tasks: view.tasks });
  });

  it('tells an OPD given its first task after publication in the app and by mail, and nobody else again', async () => {
    const { url, view } = await publishedAgreement();
    const health = await buildUnit(t.database.db, { name: `Dinas Kesehatan ${Date.now()}` });
    const healthUser = await t.loginAs('opd', { unitId: health.id });
    const tasks = [...editOf(view).tasks, { unitId: health.id, commitment: 'Memeriksa kesehatan pedagang penerima kredit', dueOn: '2026-11-30' }];
    const mailsBefore = await t.database.db.select().from(outbox).where(eq(outbox.entityId, view.id));
    const response = await call('PUT', url, admin, editOf(view, { tasks }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<PackageView>().recipients.map((recipient) => recipient.unitId).sort()).toEqual([trade.id, health.id].sort());
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.entityId, view.id));
    expect(notes.filter((note) => note.userId === healthUser.user.id).map((note) => note.kind)).toEqual(['dissemination_published']);
    expect(notes.filter((note) => note.kind === 'dissemination_published')).toHaveLength(2);
    const mails = await t.database.db.select().from(outbox).where(eq(outbox.entityId, view.id));
    expect(mails).toHaveLength(mailsBefore.length + 1);
    expect(mails.find((mail) => mail.toAddress === healthUser.user.email)?.textBody).toContain('Memeriksa kesehatan pedagang');
    expect((await call('GET', url, healthUser.cookie)).json<PackageView>().abilities.canAcknowledge).toBe(true);
  });

  it('refuses to remove or move a task its OPD acknowledged, but lets it be reworded; an unacknowledged OPD may be dropped', async () => {
    const { url, view } = await publishedAgreement();
    const health = await buildUnit(t.database.db);
    const added = (await call('PUT', url, admin, editOf(view, { tasks: [...editOf(view).tasks, { unitId: health.id, commitment: 'Memeriksa kesehatan pedagang' }] }))).json<PackageView>();
    expect((await call('POST', `${url}/acknowledge`, opdTrade)).statusCode).toBe(200);
    const current = (await call('GET', url, admin)).json<PackageView>();
    const [tradeTask, healthTask] = editOf(current).tasks;
    if (!tradeTask || !healthTask) throw new Error('tasks missing');
    const before = await packageCounts(t.database.db);
    const removed = await call('PUT', url, admin, editOf(current, { tasks: [healthTask] }));
    expect(removed.statusCode).toBe(400);
    expect(removed.json().error).toMatchObject({ code: 'VALIDATION', field: 'tasks' });
    expect(removed.json().error.message).toContain('Mendata pedagang pasar');
    const moved = await call('PUT', url, admin, editOf(current, { tasks: [{ ...tradeTask, unitId: health.id }, healthTask] }));
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.field).toBe('tasks.0.unitId');
    expect(await packageCounts(t.database.db)).toEqual(before);
    expect((await call('GET', url, admin)).json<PackageView>().tasks).toEqual(current.tasks);
    const reworded = await call('PUT', url, admin, editOf(current, { tasks: [{ ...tradeTask, commitment: 'Mendata pedagang pasar calon debitur', dueOn: '2026-10-31' }] }));
    expect(reworded.statusCode, reworded.body).toBe(200);
    expect(reworded.json<PackageView>().tasks).toMatchObject([{ id: tradeTask.id, commitment: 'Mendata pedagang pasar calon debitur', dueOn: '2026-10-31' }]);
    const recipients = await t.database.db.select().from(disseminationRecipients).where(eq(disseminationRecipients.packageId, added.id));
    expect(recipients.map((recipient) => recipient.unitId)).toEqual([trade.id]);
  });

  it('lets only the admin edit a published package', async () => {
    const { url, view } = await publishedAgreement();
    const edit = editOf(view, { summaryWhy: 'Perubahan oleh peran lain.' });
    for (const [who, cookie] of [['tkksd', tkksd], ['pimpinan', pimpinan], ['tasked opd', opdTrade], ['other opd', opdOther]] as const) {
      expect((await call('PUT', url, cookie, edit)).statusCode, who).toBe(403);
      expect((await call('GET', url, cookie)).json<PackageView>().abilities.canEdit, who).toBe(false);
    }
    expect((await call('PUT', url, '', edit)).statusCode).toBe(401);
    expect((await call('GET', url, admin)).json<PackageView>()).toMatchObject({ version: view.version, summaryWhy: null, abilities: { canEdit: true } });
    expect((await call('PUT', url, admin, edit)).statusCode).toBe(200);
  });

  it('shows the new summary on the public portal page at once', async () => {
    const { agreement, url, view } = await publishedAgreement();
    const page = `/kerja-sama/${agreementSlug(agreement.id, agreement.title)}`;
    const first = await t.app.inject({ method: 'GET', url: page });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('kredit mikro.');
    expect((await call('PUT', url, admin, editOf(view, { summaryWhat: 'Bank daerah memberi kredit mikro tanpa agunan bagi pedagang pasar.' }))).statusCode).toBe(200);
    const second = await t.app.inject({ method: 'GET', url: page });
    expect(second.body).toContain('kredit mikro tanpa agunan');
    expect(second.body).not.toContain('dengan kredit mikro.');
  });
});
