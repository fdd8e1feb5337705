import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { ROLES } from '../../../shared/roles';
import type { SettingsView } from '../../../shared/settings';
import { auditLog } from '../audit/audit.table';
import { reminderDays } from '../dissemination/dissemination-reminders.service';
import { getSettings } from './settings.service';
import { settings } from './settings.table';

describe('settings routes', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const current = async (): Promise<SettingsView> => (await t.app.inject({ method: 'GET', url: '/api/settings', headers: { cookie: admin } })).json();
  const patch = (cookie: string, payload: unknown) => t.app.inject({ method: 'PATCH', url: '/api/settings', headers: { cookie }, payload: payload as object });

  it('serves the seeded defaults through getSettings', async () => {
    expect(await getSettings(t.database.db)).toEqual({ expiryWarningDays: 180, maxTermYears: 5, maxUploadMb: 25, disseminationReminderDays: 7, dormantAfterMonths: 6, reportCloseDays: 30, digestDay: 1, expiryAlertDays: [180, 90, 60, 30, 7, 0], digestEnabled: true, disseminationFourEyes: false });
  });

  it('lets an admin switch the monthly digest off and move its day, within 1–28, and audits it', async () => {
    const { version } = await current();
    expect((await patch(admin, { digestDay: 29, version })).statusCode).toBe(400);
    const response = await patch(admin, { digestEnabled: false, digestDay: 5, version });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ digestEnabled: false, digestDay: 5 });
    expect(await getSettings(t.database.db)).toMatchObject({ digestEnabled: false, digestDay: 5 });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'settings'));
    expect(audit.at(-1)?.changes).toEqual([{ field: 'digestDay', old: 1, new: 5 }, { field: 'digestEnabled', old: true, new: false }]);
    const back = await patch(admin, { digestEnabled: true, digestDay: 1, version: version + 1 });
    expect(back.statusCode).toBe(200);
  });

  it('answers 401 without a session and lets every signed-in role read', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/settings' })).statusCode).toBe(401);
    expect((await patch('', { version: 1 })).statusCode).toBe(401);
    for (const role of ROLES) {
      const { cookie } = await t.loginAs(role);
      const response = await t.app.inject({ method: 'GET', url: '/api/settings', headers: { cookie } });
      expect(response.statusCode, role).toBe(200);
      expect(response.json()).toHaveProperty('maxTermYears');
    }
  });

  it('refuses a change from every role except admin', async () => {
    for (const role of ['tkksd', 'opd', 'pimpinan'] as const) {
      const { cookie } = await t.loginAs(role);
      const { version } = await current();
      const response = await patch(cookie, { maxTermYears: 9, version });
      expect(response.statusCode, role).toBe(403);
    }
    expect((await getSettings(t.database.db)).maxTermYears).toBe(5);
  });

  it('lets an admin change a setting, moves the version on and audits old and new values', async () => {
    const before = await current();
    const response = await patch(admin, { expiryWarningDays: 90, version: before.version });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ expiryWarningDays: 90, maxTermYears: 5, version: before.version + 1 });
    expect((await getSettings(t.database.db)).expiryWarningDays).toBe(90);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'settings'));
    expect(audit.at(-1)?.changes).toEqual([{ field: 'expiryWarningDays', old: 180, new: 90 }]);
  });

  it('sets the days an OPD has to acknowledge a dissemination package, which the reminders then use', async () => {
    const { version } = await current();
    const response = await patch(admin, { disseminationReminderDays: 3, version });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ disseminationReminderDays: 3 });
    expect(await reminderDays(t.database.db)).toBe(3);
  });

  it('answers 409 to a save made from a stale version and keeps the newer value', async () => {
    const { version } = await current();
    expect((await patch(admin, { maxUploadMb: 30, version })).statusCode).toBe(200);
    const stale = await patch(admin, { maxUploadMb: 40, version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE');
    expect((await getSettings(t.database.db)).maxUploadMb).toBe(30);
  });

  it('rejects out-of-range, non-integer and unknown settings, naming the field, and changes nothing', async () => {
    const rowsBefore = await t.database.db.select().from(settings);
    const { version } = await current();
    const cases: [object, string][] = [
      [{ expiryWarningDays: 0, version }, 'expiryWarningDays'],
      [{ maxTermYears: 2.5, version }, 'maxTermYears'],
      [{ maxUploadMb: 100_000, version }, 'maxUploadMb'],
      [{ maxUploadMb: '25', version }, 'maxUploadMb'],
      [{ maxUploadMb: 20 }, 'version'],
      [{ disseminationReminderDays: 0, version }, 'disseminationReminderDays'],
      [{ expiryAlertDays: [], version }, 'expiryAlertDays'],
      [{ expiryAlertDays: [90, 90], version }, 'expiryAlertDays'],
      [{ expiryAlertDays: [800], version }, 'expiryAlertDays.0'],
    ];
    for (const [payload, field] of cases) {
      const response = await patch(admin, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    const unknown = await patch(admin, { colour: 'red', version });
    expect(unknown.statusCode).toBe(400);
    expect(await t.database.db.select().from(settings)).toEqual(rowsBefore);
  });

  it('keeps the expiry alert schedule as a list, largest first, and audits the change', async () => {
    const { version } = await current();
    const saved = await patch(admin, { expiryAlertDays: [7, 90, 0, 30], version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().expiryAlertDays).toEqual([90, 30, 7, 0]);
    expect((await getSettings(t.database.db)).expiryAlertDays).toEqual([90, 30, 7, 0]);
  });

  it('refuses malformed JSON with a 400 naming the body', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/settings',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: '{"maxTermYears":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('body');
  });
});
