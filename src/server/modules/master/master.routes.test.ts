import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { MasterData } from '../../../shared/master';
import { auditLog } from '../audit/audit.table';

describe('master data routes', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const auditOf = (entity: string, entityId: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)));

  it('lets every signed-in role read master data', async () => {
    const unit = await buildUnit(t.database.db, { name: 'Dinas Terbaca Semua' });
    expect((await t.app.inject({ method: 'GET', url: '/api/master' })).statusCode).toBe(401);
    for (const role of ['admin', 'tkksd', 'opd', 'pimpinan'] as const) {
      const { cookie } = await t.loginAs(role);
      const response = await call('GET', '/api/master', cookie);
      expect(response.statusCode, role).toBe(200);
      expect(response.json<MasterData>().units, role).toContainEqual({ id: unit.id, name: unit.name, shortName: unit.shortName, isActive: true, version: 1 });
    }
  });

  it('refuses every change from a role other than admin', async () => {
    for (const role of ['tkksd', 'opd', 'pimpinan'] as const) {
      const { cookie } = await t.loginAs(role);
      expect((await call('POST', '/api/units', cookie, { name: 'Dinas Terlarang' })).statusCode, role).toBe(403);
    }
  });

  it('creates a unit, refuses a second of the same name, updates it with its version and audits both', async () => {
    const created = await call('POST', '/api/units', admin, { name: 'Dinas Uji Master', shortName: 'DUM' });
    expect(created.statusCode).toBe(201);
    const unit = created.json<{ id: string; version: number; isActive: boolean }>();
    expect(unit).toMatchObject({ isActive: true, version: 1 });
    const clash = await call('POST', '/api/units', admin, { name: 'Dinas Uji Master' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.field).toBe('name');
    const updated = await call('PATCH', `/api/units/${unit.id}`, admin, { isActive: false, version: unit.version });
    expect(updated.json()).toMatchObject({ isActive: false, version: 2 });
    expect((await call('PATCH', `/api/units/${unit.id}`, admin, { isActive: true, version: unit.version })).statusCode).toBe(409);
    const audit = await auditOf('unit', unit.id);
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(audit[1]?.changes).toEqual([{ field: 'isActive', old: true, new: false }]);
  });

  it('creates and renames a sector, partner group and partner category, refusing duplicates', async () => {
    expect((await call('POST', '/api/sectors', admin, { code: 'uji_bidang', name: 'Bidang Uji' })).statusCode).toBe(201);
    expect((await call('POST', '/api/sectors', admin, { code: 'uji_bidang', name: 'Bidang Uji Lagi' })).statusCode).toBe(409);
    expect((await call('PATCH', '/api/sectors/uji_bidang', admin, { name: 'Bidang Uji Baru', version: 1 })).json()).toMatchObject({ name: 'Bidang Uji Baru', version: 2 });

    expect((await call('POST', '/api/partner-groups', admin, { code: 'uji_kelompok', name: 'Kelompok Uji' })).statusCode).toBe(201);
    expect((await call('POST', '/api/partner-groups', admin, { code: 'uji_kelompok', name: 'Kelompok Uji Lagi' })).statusCode).toBe(409);
    expect((await call('PATCH', '/api/partner-groups/uji_kelompok', admin, { name: 'Kelompok Uji Baru', version: 1 })).statusCode).toBe(200);

    const unknownGroup = await call('POST', '/api/partner-categories', admin, { code: 'uji_kategori', name: 'Kategori Uji', groupCode: 'tidak_ada' });
    expect(unknownGroup.statusCode).toBe(400);
    expect(unknownGroup.json().error.field).toBe('groupCode');
    expect((await call('POST', '/api/partner-categories', admin, { code: 'uji_kategori', name: 'Kategori Uji', groupCode: 'uji_kelompok' })).statusCode).toBe(201);
    expect((await call('POST', '/api/partner-categories', admin, { code: 'uji_kategori', name: 'Kategori Uji', groupCode: 'uji_kelompok' })).statusCode).toBe(409);
    expect((await call('PATCH', '/api/partner-categories/uji_kategori', admin, { name: 'Kategori Uji Baru', version: 1 })).statusCode).toBe(200);
    expect((await call('PATCH', '/api/partner-categories/tidak_ada', admin, { name: 'Tidak Ada', version: 1 })).statusCode).toBe(404);

    expect((await auditOf('sector', 'uji_bidang')).map((entry) => entry.action)).toEqual(['create', 'update']);
    expect((await auditOf('partner_category', 'uji_kategori')).map((entry) => entry.action)).toEqual(['create', 'update']);
  });
});
