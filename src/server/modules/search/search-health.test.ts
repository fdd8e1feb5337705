import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuerySchema, type SearchQueryInput } from '../../../shared/search';
import type { Actor } from '../../lib/context';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { buildHealthyAgreement, buildPlan } from '../monitoring/monitoring.test-support';
import { searchAgreements } from './search.service';

// The register filtered and counted by health (issue 11 item 5): the stored health of decision
// record 0016, current with the facts at every reading.
describe('registry list by health', () => {
  let t: TestApp;
  let admin: Actor;
  const ids: Record<string, string> = {};
  // 10:00 in Ternate on 4 December 2026.
  const now = new Date('2026-12-04T01:00:00Z');
  const list = async (input: SearchQueryInput) => searchAgreements({ ...t.ctx(admin), actor: admin, now }, SearchQuerySchema.parse(input));
  const numbers = (result: Awaited<ReturnType<typeof list>>) => result.items.map((item) => item.numberOurs).sort();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const healthy = await buildHealthyAgreement(db, 'SH/SEHAT');
    const sleeping = await buildAgreement(db, { numberOurs: 'SH/DORMAN', signedOn: '2023-01-10', startsOn: '2023-01-10', endsOn: '2031-01-09' });
    // Signed a month ago: too young to sleep, but not disseminated and without a plan.
    const young = await buildAgreement(db, { numberOurs: 'SH/MUDA', signedOn: '2026-11-02', startsOn: '2026-11-02', endsOn: '2028-11-01' });
    await buildAgreement(db, { numberOurs: 'SH/LAMA', signedOn: '2015-01-10', startsOn: '2015-01-10', endsOn: '2020-01-09' });
    Object.assign(ids, { healthy: healthy.id, sleeping: sleeping.id, young: young.id, sleepingUnit: sleeping.leadUnitId });
    admin = (await t.loginAs('admin')).user;
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts each health state among the agreements in force and leaves ended ones out', async () => {
    const result = await list({});
    expect(result.total).toBe(4);
    expect(result.facets.health).toEqual([
      { value: 'sehat', count: 1 },
      { value: 'perlu_perhatian', count: 1 },
      { value: 'dorman', count: 1 },
    ]);
  });

  it('filters by one or several states', async () => {
    expect(numbers(await list({ health: ['dorman'] }))).toEqual(['SH/DORMAN']);
    expect(numbers(await list({ health: ['sehat', 'perlu_perhatian'] }))).toEqual(['SH/MUDA', 'SH/SEHAT']);
  });

  it('moves an agreement out of "dorman" as soon as a plan is recorded for it', async () => {
    expect(numbers(await list({ health: ['dorman'] }))).toEqual(['SH/DORMAN']);
    await buildPlan(t.database.db, { agreementId: ids.sleeping ?? '', unitId: ids.sleepingUnit ?? '', budgetYear: 2026 });
    const after = await list({ health: ['dorman'] });
    expect(after.items).toEqual([]);
    expect(after.facets.health.find((bucket) => bucket.value === 'dorman')).toBeUndefined();
  });

  it('refuses a state that does not exist, naming the filter', () => {
    const parsed = SearchQuerySchema.safeParse({ health: ['lumayan'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['health', 0]);
  });
});
