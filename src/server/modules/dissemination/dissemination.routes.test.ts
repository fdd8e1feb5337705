import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { multipartBody } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { caller, packageCounts, signInRoles, type Method } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { PackageView, SavePackageInput } from '../../../shared/dissemination';
import { agreementSlug } from '../../../shared/slug';
import { mailSettingsOf } from '../mail/mail.service';
import { outbox } from '../mail/mail.table';
import { notifications } from '../notifications/notifications.table';
import { settings } from '../settings/settings.table';
import { runDisseminationReminders } from './dissemination-reminders.service';
import { getPublishedPackage, listPublishedOpportunities, recordOpportunityClick } from './dissemination-public.service';
import { disseminationRecipients } from './dissemination.table';


const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0b5b1e40000000049454e44ae426082', 'hex');

describe('dissemination routes', () => {
  let t: TestApp;
  let admin: string;
  let tkksd: string;
  let pimpinan: string;
  let trade: { id: string; name: string };
  let opdTrade: string;
  let opdTradeUserId: string;
  let opdOther: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, tkksd, pimpinan, unit: trade, opdOwn: opdTrade, opdOwnUserId: opdTradeUserId, opdOther } = await signInRoles(t));
  });
  afterAll(async () => {
    await t.close();
  });

  const call = caller(() => t.app);

  const bankPackage = (overrides: Partial<SavePackageInput> = {}): SavePackageInput => ({
    summaryWhat: 'Bank daerah membiayai pedagang pasar dan UMKM serta menerima pembayaran pajak dan retribusi secara digital.',
    summaryWithWhom: 'PT Bank Pembangunan Daerah Maluku Malut',
    summaryUntil: 'Sampai 31 Desember 2028',
    summaryWhy: 'Pedagang mendapat modal murah; pembayaran pajak lebih mudah.',
    tasks: [{ unitId: trade.id, commitment: 'Mendata pedagang pasar calon penerima kredit', dueOn: '2026-09-30' }],
    opportunities: [
      { type: 'pembiayaan', title: 'Kredit usaha pedagang pasar', sectorCodes: ['umkm_koperasi'], deadline: '2026-12-31', scheme: 'KUR mikro', whoMayApply: 'Pedagang ber-KTP Ternate', limits: 'Sampai Rp50 juta', contact: 'Kantor Cabang Ternate', howToApply: 'Datang ke kantor cabang dengan KTP dan surat keterangan usaha.' },
    ],
    publicDocumentIds: [],
    ...overrides,
  });

  async function publishedAgreement(overrides: Partial<SavePackageInput> = {}) {
    const agreement = await buildAgreement(t.database.db, { title: `Kerja Sama Pembiayaan UMKM dan Pedagang Pasar ${Date.now()}`, onPortal: true });
    const saved = await call('PUT', `/api/agreements/${agreement.id}/dissemination`, admin, bankPackage(overrides));
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call('POST', `/api/agreements/${agreement.id}/dissemination/transition`, tkksd, { action: 'submit', version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const published = await call('POST', `/api/agreements/${agreement.id}/dissemination/transition`, admin, { action: 'publish', version: 2 });
    expect(published.statusCode, published.body).toBe(200);
    return { agreement, view: published.json<PackageView>() };
  }

  describe('permissions', () => {
    it('answers 401 without a session on every route', async () => {
      const agreement = await buildAgreement(t.database.db);
      const requests: [Method, string, unknown?][] = [
        ['GET', '/api/dissemination'],
        ['GET', `/api/agreements/${agreement.id}/dissemination`],
        ['PUT', `/api/agreements/${agreement.id}/dissemination`, bankPackage()],
        ['POST', `/api/agreements/${agreement.id}/dissemination/transition`, { action: 'submit', version: 1 }],
        ['POST', `/api/agreements/${agreement.id}/dissemination/acknowledge`],
        ['GET', `/api/agreements/${agreement.id}/dissemination/sheet.pdf`],
        ['GET', `/api/agreements/${agreement.id}/dissemination-events`],
        ['POST', `/api/agreements/${agreement.id}/dissemination-events`, { heldOn: '2026-06-01', place: 'Aula' }],
      ];
      for (const [method, url, payload] of requests) expect((await call(method, url, '', payload)).statusCode, `${method} ${url}`).toBe(401);
    });

    it('lets admin and tkksd prepare, only admin publish, and nobody else write', async () => {
      const agreement = await buildAgreement(t.database.db);
      const url = `/api/agreements/${agreement.id}/dissemination`;
      for (const [who, cookie] of [['opd', opdTrade], ['pimpinan', pimpinan]] as const) {
        expect((await call('PUT', url, cookie, bankPackage())).statusCode, who).toBe(403);
      }
      expect((await call('PUT', url, tkksd, bankPackage())).statusCode).toBe(200);
      expect((await call('POST', `${url}/transition`, tkksd, { action: 'submit', version: 1 })).statusCode).toBe(200);
      for (const [who, cookie] of [['tkksd', tkksd], ['opd', opdTrade], ['pimpinan', pimpinan]] as const) {
        expect((await call('POST', `${url}/transition`, cookie, { action: 'publish', version: 2 })).statusCode, who).toBe(403);
      }
      // A package in review is hidden from OPDs (404, nothing leaked) and readable by leadership.
      expect((await call('GET', url, opdTrade)).statusCode).toBe(404);
      expect((await call('GET', url, pimpinan)).statusCode).toBe(200);
      expect((await call('GET', '/api/dissemination', opdTrade)).statusCode).toBe(403);
      expect((await call('GET', '/api/dissemination', pimpinan)).statusCode).toBe(200);
      expect((await call('POST', `/api/agreements/${agreement.id}/dissemination-events`, opdTrade, { heldOn: '2026-06-01', place: 'Aula' })).statusCode).toBe(403);
    });
  });

  describe('publishing', () => {
    it('publishes with who approved and when, notifies the tasked OPD in the app and by mail, and is closed to the review team afterwards', async () => {
      const { agreement, view } = await publishedAgreement();
      expect(view).toMatchObject({ status: 'published', approvedByName: 'Pengguna admin', publishedAt: t.clock.now.toISOString(), version: 3 });
      expect(view.recipients).toHaveLength(1);
      expect(view.recipients[0]).toMatchObject({ unitId: trade.id, firstOpenedAt: null, acknowledgedAt: null, planned: false });
      const notes = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, opdTradeUserId), eq(notifications.entityId, view.id)));
      expect(notes.map((note) => note.kind)).toEqual(['dissemination_published']);
      expect(notes[0]?.link).toBe(`/app/dissemination/${agreement.id}`);
      const mails = await t.database.db.select().from(outbox).where(eq(outbox.entityId, view.id));
      expect(mails).toHaveLength(1);
      expect(mails[0]?.textBody).toContain('Mendata pedagang pasar');
      const again = await call('PUT', `/api/agreements/${agreement.id}/dissemination`, tkksd, { ...bankPackage(), version: 3 });
      expect(again.statusCode).toBe(403);
    });

    it('refuses to publish without a summary, naming it, and changes nothing', async () => {
      const agreement = await buildAgreement(t.database.db);
      const url = `/api/agreements/${agreement.id}/dissemination`;
      expect((await call('PUT', url, admin, bankPackage({ summaryWhat: null }))).statusCode).toBe(200);
      expect((await call('POST', `${url}/transition`, admin, { action: 'submit', version: 1 })).statusCode).toBe(200);
      const before = await packageCounts(t.database.db);
      const response = await call('POST', `${url}/transition`, admin, { action: 'publish', version: 2 });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION', field: 'summaryWhat' });
      expect(response.json().error.message).toContain('ringkasan');
      expect(await packageCounts(t.database.db)).toEqual(before);
      expect((await call('GET', url, admin)).json<PackageView>().status).toBe('review');
    });

    it('refuses to publish a scholarship or financing offer without a deadline, naming the offer', async () => {
      const agreement = await buildAgreement(t.database.db);
      const url = `/api/agreements/${agreement.id}/dissemination`;
      const opportunities = [
        { type: 'pelatihan' as const, title: 'Pelatihan kasir digital', sectorCodes: [] },
        { type: 'beasiswa' as const, title: 'Beasiswa taruna transportasi darat', sectorCodes: ['pendidikan'], quota: 10 },
      ];
      expect((await call('PUT', url, admin, bankPackage({ opportunities }))).statusCode).toBe(200);
      expect((await call('POST', `${url}/transition`, admin, { action: 'submit', version: 1 })).statusCode).toBe(200);
      const before = await packageCounts(t.database.db);
      const response = await call('POST', `${url}/transition`, admin, { action: 'publish', version: 2 });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe('opportunities.1.deadline');
      expect(response.json().error.message).toContain('Beasiswa taruna transportasi darat');
      expect(await packageCounts(t.database.db)).toEqual(before);
    });

    it('answers 400 for a task given to an OPD that does not exist, and writes nothing', async () => {
      const agreement = await buildAgreement(t.database.db);
      const before = await packageCounts(t.database.db);
      const response = await call('PUT', `/api/agreements/${agreement.id}/dissemination`, admin, bankPackage({ tasks: [{ unitId: '00000000-0000-4000-8000-000000000000', commitment: 'Tugas untuk OPD hantu' }] }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe('tasks.0.unitId');
      expect(await packageCounts(t.database.db)).toEqual(before);
    });

    it('rejects malformed input, a draft agreement and a stale version', async () => {
      const agreement = await buildAgreement(t.database.db);
      const url = `/api/agreements/${agreement.id}/dissemination`;
      const cases: [object, string][] = [
        [{ opportunities: [{ type: 'hadiah', title: 'Hadiah', sectorCodes: [] }] }, 'opportunities.0.type'],
        [{ opportunities: [{ type: 'layanan', title: 'Layanan', sectorCodes: ['astronomi'] }] }, 'opportunities.0.sectorCodes.0'],
        [{ opportunities: [{ type: 'layanan', title: 'Layanan', sectorCodes: [], deadline: '2026-02-30' }] }, 'opportunities.0.deadline'],
        [{ publicDocumentIds: ['00000000-0000-4000-8000-000000000000'] }, 'publicDocumentIds.0'],
      ];
      for (const [patch, field] of cases) {
        const response = await call('PUT', url, admin, { ...bankPackage(), ...patch });
        expect(response.statusCode, field).toBe(400);
        expect(response.json().error.field, field).toBe(field);
      }
      const draft = await buildAgreement(t.database.db, { isDraft: true });
      expect((await call('PUT', `/api/agreements/${draft.id}/dissemination`, admin, bankPackage())).statusCode).toBe(409);
      expect((await call('PUT', url, admin, bankPackage())).statusCode).toBe(200);
      expect((await call('PUT', url, tkksd, { ...bankPackage(), version: 1 })).statusCode).toBe(200);
      const stale = await call('PUT', url, admin, { ...bankPackage(), version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('STALE');
    });
  });

  describe('the OPD side', () => {
    it('records the first opening by the tasked OPD, lets it acknowledge once, and not another OPD', async () => {
      const { agreement, view } = await publishedAgreement();
      const url = `/api/agreements/${agreement.id}/dissemination`;
      const opened = await call('GET', url, opdTrade);
      expect(opened.statusCode).toBe(200);
      expect(opened.json<PackageView>().abilities.canAcknowledge).toBe(true);
      const [row] = await t.database.db.select().from(disseminationRecipients).where(and(eq(disseminationRecipients.packageId, view.id), eq(disseminationRecipients.unitId, trade.id)));
      expect(row?.firstOpenedBy).toBe(opdTradeUserId);
      // Another OPD may read what is published, but was not told to act on it.
      expect((await call('GET', url, opdOther)).statusCode).toBe(200);
      expect((await call('POST', `${url}/acknowledge`, opdOther)).statusCode).toBe(403);
      expect((await call('POST', `${url}/acknowledge`, admin)).statusCode).toBe(403);
      const acknowledged = await call('POST', `${url}/acknowledge`, opdTrade);
      expect(acknowledged.statusCode).toBe(200);
      const recipient = acknowledged.json<PackageView>().recipients[0];
      expect(recipient?.acknowledgedAt).toBe(t.clock.now.toISOString());
      expect(recipient?.acknowledgedByName).toBe('Pengguna opd');
      expect((await call('POST', `${url}/acknowledge`, opdTrade)).json<PackageView>().recipients[0]?.acknowledgedAt).toBe(recipient?.acknowledgedAt);
      const tracking = (await call('GET', '/api/dissemination', admin)).json<{ agreementId: string; recipients: { acknowledgedAt: string | null; firstOpenedAt: string | null }[] }[]>();
      expect(tracking.find((entry) => entry.agreementId === agreement.id)?.recipients[0]).toMatchObject({ acknowledgedAt: recipient?.acknowledgedAt, firstOpenedAt: t.clock.now.toISOString() });
    });
  });

  describe('reminders', () => {
    it('reminds an OPD after N days, tells the admin N days later, and never sends the same one twice', async () => {
      const start = new Date(t.clock.now);
      const quiet = await buildUnit(t.database.db);
      const quietUser = await t.loginAs('opd', { unitId: quiet.id });
      await t.database.db.insert(settings).values({ key: 'dissemination_reminder_days', value: 3 }).onConflictDoUpdate({ target: settings.key, set: { value: 3 } });
      const { view } = await publishedAgreement({ tasks: [{ unitId: quiet.id, commitment: 'Menyusun jadwal sosialisasi' }] });
      const mail = mailSettingsOf(t.env);
      const kinds = async (userId: string) =>
        (await t.database.db.select({ kind: notifications.kind }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.entityId, view.id)))).map((row) => row.kind).sort();
      try {
        const at = (days: number) => new Date(start.getTime() + days * 86_400_000);
        expect(await runDisseminationReminders({ db: t.database.db, now: at(2.9), mail })).toEqual({ reminders: 0, escalations: 0 });
        expect((await runDisseminationReminders({ db: t.database.db, now: at(3.1), mail })).reminders).toBeGreaterThanOrEqual(1);
        expect(await kinds(quietUser.user.id)).toEqual(['dissemination_published', 'dissemination_reminder']);
        await runDisseminationReminders({ db: t.database.db, now: at(3.2), mail });
        expect(await kinds(quietUser.user.id)).toEqual(['dissemination_published', 'dissemination_reminder']);
        const escalated = await Promise.all([runDisseminationReminders({ db: t.database.db, now: at(6.2), mail }), runDisseminationReminders({ db: t.database.db, now: at(6.2), mail })]);
        expect(escalated.map((run) => run.escalations).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
        const adminNotes = await t.database.db.select().from(notifications).where(and(eq(notifications.kind, 'dissemination_escalation'), eq(notifications.entityId, view.id)));
        const perAdmin = new Map<string, number>();
        for (const note of adminNotes) perAdmin.set(note.userId, (perAdmin.get(note.userId) ?? 0) + 1);
        expect(adminNotes.length).toBeGreaterThan(0);
        expect([...perAdmin.values()].every((count) => count === 1)).toBe(true);
        await runDisseminationReminders({ db: t.database.db, now: at(9), mail });
        expect(await t.database.db.select().from(notifications).where(and(eq(notifications.kind, 'dissemination_escalation'), eq(notifications.entityId, view.id)))).toHaveLength(adminNotes.length);
      } finally {
        await t.database.db.delete(settings).where(eq(settings.key, 'dissemination_reminder_days'));
      }
    });
  });

  describe('the dissemination sheet', () => {
    it('is a one- or two-page PDF with the heading, the summary and the public address', async () => {
      const { agreement } = await publishedAgreement();
      const response = await call('GET', `/api/agreements/${agreement.id}/dissemination/sheet.pdf`, opdTrade);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload));
      const { totalPages, text } = await extractText(pdf, { mergePages: true });
      expect(totalPages).toBeGreaterThanOrEqual(1);
      expect(totalPages).toBeLessThanOrEqual(2);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('PEMERINTAH KOTA TERNATE');
      expect(flat).toContain('BAGIAN KERJA SAMA');
      expect(flat).toContain('Bank daerah membiayai pedagang pasar dan UMKM');
      expect(flat).toContain('Kredit usaha pedagang pasar');
      expect(flat).toContain(`/kerja-sama/${agreementSlug(agreement.id, agreement.title)}`);
    });

    it('dates its publication by the day in Ternate (WIT), not in UTC', async () => {
      const before = t.clock.now;
      // 15:05 UTC is 00:05 WIT the next day; the latest such moment before the sessions were opened.
      const late = new Date(`${before.toISOString().slice(0, 10)}T15:05:00Z`);
      if (late > before) late.setUTCDate(late.getUTCDate() - 1);
      const nextDay = new Date(late.getTime() + 24 * 3600_000);
      const expected = `Diterbitkan ${nextDay.getUTCDate()} ${new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'UTC' }).format(nextDay)} ${nextDay.getUTCFullYear()}`;
      t.clock.now = late;
      try {
        const { agreement } = await publishedAgreement();
        const response = await call('GET', `/api/agreements/${agreement.id}/dissemination/sheet.pdf`, opdTrade);
        const { text } = await extractText(await getDocumentProxy(new Uint8Array(response.rawPayload)), { mergePages: true });
        expect(text.replace(/\s+/g, ' ')).toContain(expected);
      } finally {
        t.clock.now = before;
      }
    });
  });

  describe('public read functions', () => {
    it('give only published, public packages and count clicks without personal data', async () => {
      const { agreement, view } = await publishedAgreement();
      const onDay = (day: string) => ({ ...t.ctx(), now: new Date(`${day}T03:00:00Z`) });
      const pkg = await getPublishedPackage(onDay('2026-06-15'), agreement.id);
      expect(pkg?.summaryWhat).toContain('Bank daerah');
      expect(JSON.stringify(pkg)).not.toContain('approvedBy');
      const opportunities = await listPublishedOpportunities(onDay('2026-06-15'), { type: 'pembiayaan', sector: 'umkm_koperasi', open: 'open' });
      const mine = opportunities.find((opportunity) => opportunity.agreementId === agreement.id);
      expect(mine).toMatchObject({ title: 'Kredit usaha pedagang pasar', isOpen: true, slug: agreementSlug(agreement.id, agreement.title) });
      expect(mine).not.toHaveProperty('applyClicks');
      expect((await listPublishedOpportunities(onDay('2027-01-01'), { open: 'closed' })).some((opportunity) => opportunity.agreementId === agreement.id)).toBe(true);
      const opportunityId = view.opportunities[0]?.id ?? '';
      expect(await recordOpportunityClick(t.ctx(), opportunityId)).toBe(true);
      const unpublished = await buildAgreement(t.database.db, { onPortal: true });
      await call('PUT', `/api/agreements/${unpublished.id}/dissemination`, admin, bankPackage());
      expect(await getPublishedPackage(t.ctx(), unpublished.id)).toBeNull();
      const draftView = (await call('GET', `/api/agreements/${unpublished.id}/dissemination`, admin)).json<PackageView>();
      expect(await recordOpportunityClick(t.ctx(), draftView.opportunities[0]?.id ?? '')).toBe(false);
      expect((await call('GET', `/api/agreements/${agreement.id}/dissemination`, admin)).json<PackageView>().opportunities[0]?.applyClicks).toBe(1);
    });
  });

  describe('sosialisasi events', () => {
    it('records an event with a PNG photo and refuses a disguised file and an oversized photo', async () => {
      const agreement = await buildAgreement(t.database.db);
      const created = await call('POST', `/api/agreements/${agreement.id}/dissemination-events`, tkksd, { heldOn: '2026-06-10', place: 'Aula Kantor Wali Kota', audience: 'Pedagang Pasar Gamalama', attendees: 85, minutes: 'Pemaparan skema kredit.' });
      expect(created.statusCode, created.body).toBe(201);
      const eventId = created.json<{ id: string }>().id;
      const upload = (content: Buffer, fileName: string, contentType = 'image/png') => {
        const body = multipartBody({ file: { fileName, content, contentType } });
        return t.app.inject({ method: 'POST', url: `/api/dissemination-events/${eventId}/photos`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
      };
      const good = await upload(PNG, 'foto.png');
      expect(good.statusCode, good.body).toBe(201);
      const disguised = await upload(Buffer.from('%PDF-1.7 not a photo'), 'foto.png');
      expect(disguised.statusCode).toBe(415);
      expect(disguised.json().error.field).toBe('file');
      const oversized = await upload(Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]), 'besar.png');
      expect(oversized.statusCode).toBe(413);
      const events = (await call('GET', `/api/agreements/${agreement.id}/dissemination-events`, opdOther)).json<{ attendees: number; photos: { id: string }[] }[]>();
      expect(events).toHaveLength(1);
      expect(events[0]?.attendees).toBe(85);
      expect(events[0]?.photos).toHaveLength(1);
      const photo = await call('GET', `/api/dissemination-photos/${events[0]?.photos[0]?.id ?? ''}`, pimpinan);
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/png');
      expect((await call('POST', `/api/agreements/${agreement.id}/dissemination-events`, admin, { heldOn: '2026-06-10', place: 'Aula', attendees: -1 })).statusCode).toBe(400);
    });
  });
});
