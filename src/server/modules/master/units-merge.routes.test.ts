import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../../../tests/support/builders';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { selectRows } from '../../db/bulk-sql';
import { agreementUnits } from '../agreements/agreements.table';
import { auditLog } from '../audit/audit.table';
import { agreementSearch } from '../search/search.table';
import { users } from '../users/users.table';
import { units } from '../units/units.table';

describe('merging two OPDs', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const merge = (cookie: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/units/merge', headers: { cookie }, payload });
  const count = async (query: ReturnType<typeof sql>) => (await selectRows<{ n: number }>(t.database.db, query))[0]?.n;

  // One row in each table that points at an OPD, all at the source.
  async function sourceWithEverything(sourceId: string, targetId: string) {
    const db = t.database.db;
    const led = await buildAgreement(db, { leadUnitId: sourceId });
    const shared = await buildAgreement(db, { leadUnitId: sourceId, supportingUnitIds: [targetId] });
    const user = await buildUser(db, { role: 'opd', unitId: sourceId });
    await db.execute(sql`INSERT INTO activity_plans (agreement_id, unit_id, budget_year, title, budget_amount, budget_source) VALUES (${led.id}, ${sourceId}, 2026, 'Rencana uji', 1000, 'APBD')`);
    const [pkg] = await selectRows<{ id: string }>(db, sql`INSERT INTO dissemination_packages (agreement_id) VALUES (${shared.id}) RETURNING id`);
    await db.execute(sql`INSERT INTO dissemination_tasks (package_id, unit_id, commitment) VALUES (${pkg?.id}, ${sourceId}, 'Tugas uji')`);
    await db.execute(sql`INSERT INTO dissemination_recipients (package_id, unit_id, sent_at) VALUES (${pkg?.id}, ${sourceId}, now()), (${pkg?.id}, ${targetId}, now())`);
    await db.execute(sql`INSERT INTO obligations (agreement_id, party, unit_id, description, kind) VALUES (${led.id}, 'city', ${sourceId}, 'Kewajiban uji', 'once')`);
    return { led, shared, user, packageId: pkg?.id ?? '' };
  }

  it('moves every reference to the target, keeps each agreement led, removes the source and audits both', async () => {
    const source = await buildUnit(t.database.db, { name: 'Badan Perencanaan Pembangunan Riset dan Inovasi Daerah' });
    const target = await buildUnit(t.database.db, { name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah' });
    const { led, shared, user, packageId } = await sourceWithEverything(source.id, target.id);

    const response = await merge(admin, { sourceId: source.id, targetId: target.id });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ targetId: target.id, moved: { agreement_units: 1, users: 1, activity_plans: 1, dissemination_tasks: 1, obligations: 1 } });

    expect(await t.database.db.select().from(units).where(eq(units.id, source.id))).toEqual([]);
    const links = await t.database.db.select().from(agreementUnits).where(eq(agreementUnits.unitId, target.id));
    expect(links.map((link) => [link.agreementId, link.isLead]).sort()).toEqual([[led.id, true], [shared.id, true]].sort());
    const [moved] = await t.database.db.select({ unitId: users.unitId }).from(users).where(eq(users.id, user.id));
    expect(moved?.unitId).toBe(target.id);
    expect(await count(sql`SELECT count(*)::int AS n FROM activity_plans WHERE unit_id = ${target.id}`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM dissemination_tasks WHERE unit_id = ${target.id}`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM dissemination_recipients WHERE package_id = ${packageId}`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM obligations WHERE unit_id = ${target.id}`)).toBe(1);
    const rows = await t.database.db.select({ unitIds: agreementSearch.unitIds }).from(agreementSearch).where(eq(agreementSearch.agreementId, shared.id));
    expect(rows).toEqual([{ unitIds: [target.id] }]);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'unit'), eq(auditLog.action, 'merge'), eq(auditLog.entityId, target.id)));
    expect(audit).toHaveLength(1);
    expect((await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, source.id), eq(auditLog.action, 'merge-away')))).length).toBe(1);
  });

  it('refuses the same OPD twice, an unknown OPD and any role but admin, changing nothing', async () => {
    const source = await buildUnit(t.database.db);
    const target = await buildUnit(t.database.db);
    const agreement = await buildAgreement(t.database.db, { leadUnitId: source.id });
    const same = await merge(admin, { sourceId: source.id, targetId: source.id });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.field).toBe('targetId');
    expect((await merge(admin, { sourceId: source.id, targetId: '00000000-0000-4000-8000-00000000dead' })).statusCode).toBe(404);
    for (const role of ['tkksd', 'opd', 'pimpinan'] as const) {
      const { cookie } = await t.loginAs(role);
      expect((await merge(cookie, { sourceId: source.id, targetId: target.id })).statusCode, role).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/units/merge', payload: { sourceId: source.id, targetId: target.id } })).statusCode).toBe(401);
    expect(await t.database.db.select({ unitId: agreementUnits.unitId }).from(agreementUnits).where(eq(agreementUnits.agreementId, agreement.id))).toEqual([{ unitId: source.id }]);
    expect(await t.database.db.select().from(units).where(eq(units.id, source.id))).toHaveLength(1);
  });
});
