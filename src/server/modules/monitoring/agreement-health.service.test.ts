import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db';
import { healthAsOf } from './agreement-health.service';
import { buildHealthyAgreement } from './monitoring.test-support';
import { obligations } from './obligations.table';

// Health read from a real register: a change of one fact changes the health it derives.

describe('agreement health as of a date', () => {
  let database: TestDatabase;
  const on = '2026-12-04';
  const ctx = () => ({ db: database.db, now: new Date('2026-12-05T01:00:00Z') });
  let agreementId = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    // A 2026 plan reported for 2026-S1, the last closed period on 4 December.
    agreementId = (await buildHealthyAgreement(db, 'HEA/1')).id;
    await buildAgreement(db, { numberOurs: 'HEA/DRAFT', isDraft: true, signedOn: null, startsOn: '2026-11-01', endsOn: '2027-01-01' });
  });

  afterAll(async () => {
    await database.close();
  });

  it('calls an agreement with every fact in place healthy and leaves drafts out', async () => {
    const health = await healthAsOf(ctx(), { on });
    expect([...health.keys()]).toEqual([agreementId]);
    expect(health.get(agreementId)).toMatchObject({ status: 'sehat', reasons: [] });
  });

  it('turns to perlu perhatian once an open obligation passes its due date, and back when it is met', async () => {
    const [obligation] = await database.db
      .insert(obligations)
      .values({ agreementId, party: 'partner', description: 'Laporan tahunan', kind: 'once', dueOn: '2026-12-03' })
      .returning({ id: obligations.id });
    if (!obligation) throw new Error('no obligation');
    // Due the day before: late. As of its due day it is not late yet.
    expect((await healthAsOf(ctx(), { on })).get(agreementId)).toMatchObject({ status: 'perlu_perhatian', reasons: ['late_obligations'] });
    expect((await healthAsOf(ctx(), { on: '2026-12-03' })).get(agreementId)).toMatchObject({ status: 'sehat' });
    await database.db.update(obligations).set({ status: 'met' }).where(eq(obligations.id, obligation.id));
    expect((await healthAsOf(ctx(), { on })).get(agreementId)).toMatchObject({ status: 'sehat', reasons: [] });
  });

  it('rejects a date that is not a date, naming the field', async () => {
    await expect(healthAsOf(ctx(), { on: '2026-13-01' })).rejects.toMatchObject({ field: 'on' });
  });
});
