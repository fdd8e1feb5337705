import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { caller, packageCounts, signInRoles, type RoleSessions } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { PackageView } from '../../../shared/dissemination';
import type { SettingsView } from '../../../shared/settings';
import { auditLog } from '../audit/audit.table';
import { notifications } from '../notifications/notifications.table';
import { disseminationRecipients } from './dissemination.table';

// Four eyes (issue 14): with the setting on, the admin's 'publish' only asks; a second person
// (another admin or the TKKSD), never the requester, approves or sends back with a note.
describe('dissemination four eyes', () => {
  let t: TestApp;
  let roles: RoleSessions;
  let secondAdmin: { cookie: string; id: string };
  let firstAdminId: string;
  const call = caller(() => t.app);

  beforeAll(async () => {
    t = await createTestApp();
    roles = await signInRoles(t);
    const first = await t.loginAs('admin');
    roles.admin = first.cookie;
    firstAdminId = first.user.id;
    const second = await t.loginAs('admin');
    secondAdmin = { cookie: second.cookie, id: second.user.id };
  });
  afterAll(async () => {
    await t.close();
  });

  async function setFourEyes(on: boolean) {
    const current = (await call('GET', '/api/settings', roles.admin)).json<SettingsView>();
    const saved = await call('PATCH', '/api/settings', roles.admin, { disseminationFourEyes: on, version: current.version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<SettingsView>().disseminationFourEyes).toBe(on);
  }

  // A package in review, ready to publish, with a task for the trade office.
  async function packageInReview(onPortal = false) {
    const agreement = await buildAgreement(t.database.db, { title: `Kerja Sama Pelatihan Pedagang ${Date.now()}`, onPortal });
    const saved = await call('PUT', `/api/agreements/${agreement.id}/dissemination`, roles.tkksd, {
      summaryWhat: 'Pelatihan pengelolaan usaha bagi pedagang pasar.',
      tasks: [{ unitId: roles.unit.id, commitment: 'Mengundang pedagang pasar ke pelatihan' }],
      opportunities: [],
      publicDocumentIds: [],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call('POST', `/api/agreements/${agreement.id}/dissemination/transition`, roles.tkksd, { action: 'submit', version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    return { agreementId: agreement.id, view: submitted.json<PackageView>() };
  }

  const transition = (agreementId: string, cookie: string, body: object) => call('POST', `/api/agreements/${agreementId}/dissemination/transition`, cookie, body);

  it('off: one admin publishes, the OPDs are told, and the view says whom it tells', async () => {
    await setFourEyes(false);
    const { agreementId, view } = await packageInReview(true);
    expect(view.abilities).toMatchObject({ canPublish: false, needsApproval: false, canApprove: false });
    // What the confirmation says: whom it tells, and that the portal shows it (chosen public, signed document attached).
    expect(view.notifiesUnitNames).toEqual([roles.unit.name]);
    expect(view.showsOnPortal).toBe(true);
    expect((await packageInReview(false)).view.showsOnPortal).toBe(false);
    const asAdmin = (await call('GET', `/api/agreements/${agreementId}/dissemination`, roles.admin)).json<PackageView>();
    expect(asAdmin.abilities).toMatchObject({ canPublish: true, needsApproval: false });
    const published = await transition(agreementId, roles.admin, { action: 'publish', version: view.version });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<PackageView>()).toMatchObject({ status: 'published', publicationRequest: null });
  });

  it('on: publish only requests, the approvers are told, the requester may not approve', async () => {
    await setFourEyes(true);
    const { agreementId, view } = await packageInReview();
    const requested = await transition(agreementId, roles.admin, { action: 'publish', version: view.version });
    expect(requested.statusCode, requested.body).toBe(200);
    const pending = requested.json<PackageView>();
    expect(pending.status).toBe('review');
    expect(pending.publicationRequest?.requestedByName).toBeTruthy();
    expect(pending.abilities).toMatchObject({ canPublish: false, needsApproval: true, canApprove: false });
    expect(await t.database.db.select().from(disseminationRecipients).where(eq(disseminationRecipients.packageId, pending.id))).toEqual([]);
    const told = await t.database.db.select().from(notifications).where(and(eq(notifications.entityId, pending.id), eq(notifications.kind, 'dissemination_approval')));
    const toldIds = told.map((notice) => notice.userId);
    expect(toldIds).toContain(secondAdmin.id);
    expect(toldIds).not.toContain(firstAdminId);

    const before = await packageCounts(t.database.db);
    const self = await transition(agreementId, roles.admin, { action: 'approve', version: pending.version });
    expect(self.statusCode).toBe(403);
    expect(self.json<{ error: { message: string } }>().error.message).toMatch(/bukan pengajunya sendiri/);
    expect(await transition(agreementId, roles.admin, { action: 'publish', version: pending.version })).toHaveProperty('statusCode', 409);
    expect(await transition(agreementId, roles.pimpinan, { action: 'approve', version: pending.version })).toHaveProperty('statusCode', 403);
    expect(await transition(agreementId, roles.opdOwn, { action: 'approve', version: pending.version })).toHaveProperty('statusCode', 403);
    expect(await packageCounts(t.database.db)).toEqual(before);

    const asTkksd = (await call('GET', `/api/agreements/${agreementId}/dissemination`, roles.tkksd)).json<PackageView>();
    expect(asTkksd.abilities.canApprove).toBe(true);
    const approved = await transition(agreementId, roles.tkksd, { action: 'approve', version: pending.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<PackageView>()).toMatchObject({ status: 'published', publicationRequest: null });
    const recipients = await t.database.db.select().from(disseminationRecipients).where(eq(disseminationRecipients.packageId, pending.id));
    expect(recipients.map((recipient) => recipient.unitId)).toEqual([roles.unit.id]);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, pending.id))).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['request_publication', 'approve_publication']));
  });

  it('on: another admin sends the request back with a note (required), and the requester is told', async () => {
    await setFourEyes(true);
    const { agreementId, view } = await packageInReview();
    const pending = (await transition(agreementId, roles.admin, { action: 'publish', version: view.version })).json<PackageView>();
    const noNote = await transition(agreementId, secondAdmin.cookie, { action: 'sendBack', version: pending.version, note: '  ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json<{ error: { field: string } }>().error.field).toBe('note');
    const sent = await transition(agreementId, secondAdmin.cookie, { action: 'sendBack', version: pending.version, note: 'Ringkasan belum menyebut lokasi pelatihan.' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json<PackageView>()).toMatchObject({ status: 'draft', publicationRequest: null, sentBack: { note: 'Ringkasan belum menyebut lokasi pelatihan.' } });
    const told = await t.database.db.select().from(notifications).where(and(eq(notifications.entityId, pending.id), eq(notifications.kind, 'dissemination_sent_back')));
    expect(told.map((notice) => notice.userId)).toEqual([firstAdminId]);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, pending.id), eq(auditLog.action, 'send_back')));
    expect(entry?.changes).toEqual(expect.arrayContaining([{ field: 'sentBackNote', old: null, new: 'Ringkasan belum menyebut lokasi pelatihan.' }]));
  });

  it('on: a change to the package voids a pending request', async () => {
    await setFourEyes(true);
    const { agreementId, view } = await packageInReview();
    const pending = (await transition(agreementId, roles.admin, { action: 'publish', version: view.version })).json<PackageView>();
    const edited = await call('PUT', `/api/agreements/${agreementId}/dissemination`, roles.tkksd, {
      summaryWhat: 'Pelatihan pengelolaan usaha dan pembukuan bagi pedagang pasar.',
      tasks: [{ unitId: roles.unit.id, commitment: 'Mengundang pedagang pasar ke pelatihan' }],
      opportunities: [],
      publicDocumentIds: [],
      version: pending.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<PackageView>().publicationRequest).toBeNull();
    expect(await transition(agreementId, secondAdmin.cookie, { action: 'approve', version: edited.json<PackageView>().version })).toHaveProperty('statusCode', 409);
  });
});
