import type { Db } from '../../src/server/db/client';
import { sql } from 'drizzle-orm';
import { buildUnit } from './builders';
import type { TestApp } from './test-app';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

// One session per role, with an OPD of its own (the trade office, which dissemination and plans
// tests give tasks to) and an OPD user of another unit: the readers a route's role × action
// matrix is checked with.
export type RoleSessions = {
  admin: string;
  tkksd: string;
  pimpinan: string;
  unit: { id: string; name: string };
  opdOwn: string;
  opdOwnUserId: string;
  opdOther: string;
};

export async function signInRoles(t: TestApp): Promise<RoleSessions> {
  const admin = (await t.loginAs('admin')).cookie;
  const tkksd = (await t.loginAs('tkksd')).cookie;
  const pimpinan = (await t.loginAs('pimpinan')).cookie;
  const unit = await buildUnit(t.database.db, { name: `Dinas Perindustrian dan Perdagangan ${Date.now()}` });
  const own = await t.loginAs('opd', { unitId: unit.id });
  const opdOther = (await t.loginAs('opd')).cookie;
  return { admin, tkksd, pimpinan, unit, opdOwn: own.cookie, opdOwnUserId: own.user.id, opdOther };
}

// A request as one of those sessions (none: an empty cookie).
export function caller(app: () => TestApp['app']) {
  return (method: Method, url: string, cookie: string, payload?: unknown) =>
    app().inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
}

// Row counts of every table a dissemination package write touches, to prove a refused write left
// nothing behind.
export async function packageCounts(db: Db) {
  const tables = ['dissemination_packages', 'dissemination_tasks', 'dissemination_opportunities', 'dissemination_recipients', 'notifications', 'outbox', 'audit_log'];
  const result: unknown = await db.execute(sql.raw(`SELECT ${tables.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`));
  return (result as { rows: Record<string, number>[] }).rows[0];
}
