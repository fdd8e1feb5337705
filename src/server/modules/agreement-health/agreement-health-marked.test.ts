import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db';
import { selectRows } from '../../db/bulk-sql';
import { agreements } from '../agreements/agreements.table';
import { disseminationPackages, disseminationRecipients } from '../dissemination/dissemination.table';
import { latestFinalBands } from '../evaluation/evaluation.service';
import { healthAsOf } from '../monitoring/agreement-health.service';
import { buildHealthyAgreement, buildPlan } from '../monitoring/monitoring.test-support';
import { obligationOccurrences, obligations } from '../monitoring/obligations.table';
import { ensureHealthFresh } from './agreement-health.service';

// A change re-derives the health of the agreements it touched (decision 0039), not of the whole
// register. After each kind of change the stored health equals a derivation of every agreement
// from scratch; a witness row set wrong by hand shows which path ran: it stays wrong while only
// marked agreements are derived, and is put right when the whole register is.

describe('health of the agreements a change touched', () => {
  let database: TestDatabase;
  // 10:00 in Ternate on 4 December 2026.
  const now = new Date('2026-12-04T01:00:00Z');
  const ctx = () => ({ db: database.db, now });
  let healthyId = '';
  let leadUnitId = '';
  let witnessId = '';
  let parentId = '';
  let otherParentId = '';
  let childId = '';

  type Row = { agreement_id: string; status: string; reasons: string[]; last_band: string | null };
  const stored = async () => new Map((await selectRows<Row>(database.db, sql`SELECT agreement_id, status, reasons, last_band FROM agreement_health`)).map((row) => [row.agreement_id, row]));
  const storedValues = async () => new Map([...(await stored())].map(([id, { agreement_id: _, ...value }]) => [id, value]));
  const statusOf = async (id: string) => (await stored()).get(id)?.status ?? null;
  const marked = async () => (await selectRows<{ agreement_id: string | null }>(database.db, sql`SELECT agreement_id FROM agreement_health_dirty`)).map((row) => row.agreement_id);

  // Every agreement derived from scratch, as the stored rows would hold it.
  async function derived(): Promise<Map<string, Omit<Row, 'agreement_id'>>> {
    const health = await healthAsOf(ctx(), { on: '2026-12-04', lastBands: await latestFinalBands(database.db) });
    return new Map([...health].map(([id, value]) => [id, { status: value.status, reasons: value.reasons, last_band: value.lastBand }]));
  }

  // The stored health is what a derivation of the whole register gives, except the witness, whose
  // wrong row a refresh of marked agreements leaves alone.
  async function expectCurrent(): Promise<void> {
    await ensureHealthFresh(ctx());
    expect(await marked()).toEqual([]);
    const expected = await derived();
    const rows = await storedValues();
    expect(rows.get(witnessId)?.status).toBe('dorman');
    expected.delete(witnessId);
    rows.delete(witnessId);
    expect(rows).toEqual(expected);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    ({ id: healthyId, leadUnitId } = await buildHealthyAgreement(db, 'MRK/1'));
    witnessId = (await buildHealthyAgreement(db, 'MRK/2')).id;
    // A KB signed in 2023 with nothing done under it sleeps, unless a PKS under it is awake.
    const old = { signedOn: '2023-01-10', startsOn: '2023-01-10', endsOn: '2031-01-09' };
    parentId = (await buildAgreement(db, { numberOurs: 'MRK/KB1', ...old })).id;
    otherParentId = (await buildAgreement(db, { numberOurs: 'MRK/KB2', ...old })).id;
    childId = (await buildAgreement(db, { numberOurs: 'MRK/PKS', docType: 'PKS', parentId, ...old })).id;
    await ensureHealthFresh(ctx());
    // The witness: healthy, but stored as sleeping by hand.
    await db.execute(sql`UPDATE agreement_health SET status = 'dorman' WHERE agreement_id = ${witnessId}`);
  });

  afterAll(async () => {
    await database.close();
  });

  it('marks the agreement a fact belongs to, and takes the mark when it refreshes', async () => {
    expect(await marked()).toEqual([]);
    await database.db.insert(obligations).values({ agreementId: healthyId, party: 'partner', description: 'Laporan tahunan', kind: 'once', dueOn: '2026-12-03' });
    expect(await marked()).toEqual([healthyId]);
    await expectCurrent();
    expect(await statusOf(healthyId)).toBe('perlu_perhatian');
  });

  it('follows an obligation met', async () => {
    const [obligation] = await database.db.select({ id: obligations.id }).from(obligations).where(eq(obligations.agreementId, healthyId));
    await database.db.insert(obligationOccurrences).values({ obligationId: obligation!.id, dueOn: '2026-12-03', status: 'met' });
    await expectCurrent();
    expect(await statusOf(healthyId)).toBe('sehat');
  });

  it('follows a package sent to an OPD that has not acknowledged it, and the acknowledgement', async () => {
    const [pkg] = await database.db.select({ id: disseminationPackages.id }).from(disseminationPackages).where(eq(disseminationPackages.agreementId, healthyId));
    await database.db.insert(disseminationRecipients).values({ packageId: pkg!.id, unitId: leadUnitId, sentAt: now });
    await expectCurrent();
    expect((await stored()).get(healthyId)?.reasons).toContain('not_acknowledged');
    await database.db.update(disseminationRecipients).set({ acknowledgedAt: now }).where(eq(disseminationRecipients.packageId, pkg!.id));
    await expectCurrent();
    expect(await statusOf(healthyId)).toBe('sehat');
  });

  it('re-derives the KB a PKS lives under when only the PKS changed, and both KBs when it moves', async () => {
    expect(await statusOf(parentId)).toBe('dorman');
    await buildPlan(database.db, { agreementId: childId, unitId: leadUnitId, budgetYear: 2026 });
    await expectCurrent();
    expect(await statusOf(childId)).not.toBe('dorman');
    expect(await statusOf(parentId)).not.toBe('dorman');
    await database.db.update(agreements).set({ parentId: otherParentId }).where(eq(agreements.id, childId));
    await expectCurrent();
    expect(await statusOf(parentId)).toBe('dorman');
    expect(await statusOf(otherParentId)).not.toBe('dorman');
  });

  it('drops the health of an agreement ended early', async () => {
    await database.db.update(agreements).set({ terminationKind: 'diakhiri', terminatedOn: '2026-12-01', terminationReason: 'Disepakati para pihak' }).where(eq(agreements.id, otherParentId));
    await expectCurrent();
    expect((await stored()).has(otherParentId)).toBe(false);
  });

  it('derives the whole register after a setting changes', async () => {
    await database.db.execute(sql`INSERT INTO settings (key, value) VALUES ('dormantAfterMonths', '48'::jsonb)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    expect(await marked()).toEqual([null]);
    await ensureHealthFresh(ctx());
    expect(await statusOf(witnessId)).toBe('sehat');
    expect(await storedValues()).toEqual(await derived());
  });
});
