import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import { canReadAllPlans, canReadGap, canReadInbox, canReadPlansOf, canWritePlan, planReadScope, recordsForOwnUnitOnly } from './plans.policy';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const actors = {
  admin: actor('admin'),
  tkksd: actor('tkksd'),
  opdOwn: actor('opd', OWN),
  opdWithoutUnit: actor('opd'),
  pimpinan: actor('pimpinan'),
};

describe('plans policy: role × action', () => {
  expectMatrix(actors, [
    ['plan for the own OPD', (who) => canWritePlan(who, OWN), { admin: true, tkksd: false, opdOwn: true, opdWithoutUnit: false, pimpinan: false }],
    ['plan for another OPD', (who) => canWritePlan(who, OTHER), { admin: true, tkksd: false, opdOwn: false, opdWithoutUnit: false, pimpinan: false }],
    ['record only for the own OPD', recordsForOwnUnitOnly, { admin: false, tkksd: false, opdOwn: true, opdWithoutUnit: true, pimpinan: false }],
    ['read the own OPD plans', (who) => canReadPlansOf(who, OWN), { admin: true, tkksd: true, opdOwn: true, opdWithoutUnit: false, pimpinan: true }],
    ['read another OPD plans', (who) => canReadPlansOf(who, OTHER), { admin: true, tkksd: true, opdOwn: false, opdWithoutUnit: false, pimpinan: true }],
    ['read the OPD inbox', canReadInbox, { admin: false, tkksd: false, opdOwn: true, opdWithoutUnit: false, pimpinan: false }],
    ['read every OPD plans in one list', canReadAllPlans, { admin: true, tkksd: true, opdOwn: false, opdWithoutUnit: false, pimpinan: true }],
    ['read the gap dashboard', canReadGap, { admin: true, tkksd: true, opdOwn: false, opdWithoutUnit: false, pimpinan: true }],
  ]);

  it('scopes the plan list to everything for the division, the review team and leadership, to its own OPD for an OPD', () => {
    expect(Object.values(actors).map(planReadScope)).toEqual([{ kind: 'all' }, { kind: 'all' }, { kind: 'unit', unitId: OWN }, { kind: 'none' }, { kind: 'all' }]);
  });
});
