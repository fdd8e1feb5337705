import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db';
import { selectRows } from '../../db/bulk-sql';
import { buildHealthyAgreement } from '../monitoring/monitoring.test-support';
import { obligations } from '../monitoring/obligations.table';
import { ensureHealthFresh, refreshHealth, storedHealthOf } from './agreement-health.service';

// The stored health follows the facts: a change to any of them leaves it stale until the next read
// refreshes it, and a refresh that changes nothing leaves the register's revision where it was.

describe('stored agreement health', () => {
  let database: TestDatabase;
  // 10:00 in Ternate on 4 December 2026.
  const now = new Date('2026-12-04T01:00:00Z');
  const ctx = (at: Date = now) => ({ db: database.db, now: at });
  let healthyId = '';
  let sleepingId = '';
  let draftId = '';

  const revision = async () => (await selectRows<{ revision: string }>(database.db, sql`SELECT revision FROM registry_revision WHERE id = 1`))[0]?.revision;
  const stored = async () => new Map((await selectRows<{ agreement_id: string; status: string; reasons: string[] }>(database.db, sql`SELECT agreement_id, status, reasons FROM agreement_health`)).map((row) => [row.agreement_id, row]));

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    healthyId = (await buildHealthyAgreement(db, 'STO/1')).id;
    sleepingId = (await buildAgreement(db, { numberOurs: 'STO/2', signedOn: '2023-01-10', startsOn: '2023-01-10', endsOn: '2031-01-09' })).id;
    draftId = (await buildAgreement(db, { numberOurs: 'STO/DRAFT', isDraft: true, signedOn: null, startsOn: '2026-11-01', endsOn: '2027-01-01' })).id;
  });

  afterAll(async () => {
    await database.close();
  });

  it('stores the health of the agreements in force and none for a draft', async () => {
    await ensureHealthFresh(ctx());
    const rows = await stored();
    expect(rows.get(healthyId)).toMatchObject({ status: 'sehat', reasons: [] });
    expect(rows.get(sleepingId)).toMatchObject({ status: 'dorman' });
    expect(rows.get(sleepingId)?.reasons).toContain('dormant');
    expect(rows.has(draftId)).toBe(false);
    // The register's own rows carry a copy of the state.
    const copies = await selectRows<{ agreement_id: string; health: string | null }>(database.db, sql`SELECT agreement_id, health FROM agreement_search`);
    expect(Object.fromEntries(copies.map((row) => [row.agreement_id, row.health]))).toEqual({ [healthyId]: 'sehat', [sleepingId]: 'dorman', [draftId]: null });
  });

  it('refreshes after a fact changes, and moves the register revision only when health changed', async () => {
    await ensureHealthFresh(ctx());
    const before = await revision();
    // Nothing changed: a forced refresh rewrites no row.
    await refreshHealth(ctx(), { on: '2026-12-04', force: true });
    expect(await revision()).toBe(before);
    await database.db.insert(obligations).values({ agreementId: healthyId, party: 'partner', description: 'Laporan tahunan', kind: 'once', dueOn: '2026-12-03' });
    const afterWrite = await revision();
    expect(afterWrite).not.toBe(before);
    const health = await storedHealthOf(ctx(), { agreementIds: [healthyId] });
    expect(health.get(healthyId)).toMatchObject({ status: 'perlu_perhatian', reasons: ['late_obligations'], on: '2026-12-04' });
    expect(await revision()).not.toBe(afterWrite);
  });

  it('refreshes when the day moves, with nothing else changed', async () => {
    await ensureHealthFresh(ctx());
    // The sleeping agreement ends on 9 January 2031: "ending soon" within the 180-day window of 2030.
    const later = new Date('2030-12-01T01:00:00Z');
    const health = await storedHealthOf(ctx(later), { agreementIds: [sleepingId] });
    expect(health.get(sleepingId)?.reasons).toContain('ending_soon');
    expect(health.get(sleepingId)?.on).toBe('2030-12-01');
    expect((await stored()).has(healthyId)).toBe(false);
    const [copy] = await selectRows<{ health: string | null }>(database.db, sql`SELECT health FROM agreement_search WHERE agreement_id = ${healthyId}`);
    expect(copy?.health).toBeNull();
  });
});
