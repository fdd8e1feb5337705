import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { caller, signInRoles, type RoleSessions } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { EventView } from '../../../shared/dissemination';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0b5b1e40000000049454e44ae426082', 'hex');

// Sosialisasi events and their photos belong to their agreement: whoever may not read a draft
// agreement (another OPD, leadership) reads none of its events.
describe('the events of a draft agreement', () => {
  let t: TestApp;
  let roles: RoleSessions;
  let agreementId: string;
  let eventId: string;
  let photoId: string;
  const call = caller(() => t.app);
  beforeAll(async () => {
    t = await createTestApp();
    roles = await signInRoles(t);
    agreementId = (await buildAgreement(t.database.db, { isDraft: true, leadUnitId: roles.unit.id, signedOn: null })).id;
    const created = await call('POST', `/api/agreements/${agreementId}/dissemination-events`, roles.admin, { heldOn: '2026-06-02', place: 'Ruang rapat tertutup', minutes: 'Rancangan belum boleh diedarkan.' });
    expect(created.statusCode, created.body).toBe(201);
    eventId = created.json<EventView>().id;
    const body = multipartBody({ fields: {}, file: { fileName: 'rapat.png', content: PNG } });
    const photo = await t.app.inject({ method: 'POST', url: `/api/dissemination-events/${eventId}/photos`, headers: { ...body.headers, cookie: roles.admin }, payload: body.payload });
    expect(photo.statusCode, photo.body).toBe(201);
    photoId = photo.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses another OPD and leadership the events and the photos', async () => {
    for (const cookie of [roles.opdOther, roles.pimpinan]) {
      expect((await call('GET', `/api/agreements/${agreementId}/dissemination-events`, cookie)).statusCode).toBe(403);
      expect((await call('GET', `/api/dissemination-photos/${photoId}`, cookie)).statusCode).toBe(403);
    }
  });

  it('lets the OPD of the draft, the TKKSD and the division read them', async () => {
    for (const cookie of [roles.opdOwn, roles.tkksd, roles.admin]) {
      const events = await call('GET', `/api/agreements/${agreementId}/dissemination-events`, cookie);
      expect(events.statusCode).toBe(200);
      expect(events.json<EventView[]>().map((event) => event.place)).toEqual(['Ruang rapat tertutup']);
      expect((await call('GET', `/api/dissemination-photos/${photoId}`, cookie)).statusCode).toBe(200);
    }
  });

  it('answers 404 for the events of an agreement that does not exist', async () => {
    expect((await call('GET', '/api/agreements/00000000-0000-4000-8000-000000000000/dissemination-events', roles.admin)).statusCode).toBe(404);
  });
});
