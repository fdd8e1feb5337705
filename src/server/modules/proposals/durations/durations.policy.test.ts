import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../../tests/support/policy-matrix';
import { canReadDurationStats, durationStatsScope } from './durations.policy';

const actors = {
  admin: actor('admin'),
  tkksd: actor('tkksd'),
  pimpinan: actor('pimpinan'),
  opdWithUnit: actor('opd', 'unit-1'),
  opdWithoutUnit: actor('opd'),
};

describe('who reads proposal durations', () => {
  expectMatrix(actors, [['read proposal durations', canReadDurationStats, { admin: true, tkksd: true, pimpinan: true, opdWithUnit: true, opdWithoutUnit: false }]]);

  it.each([
    ['admin', null, { kind: 'all' }],
    ['tkksd', null, { kind: 'all' }],
    ['pimpinan', null, { kind: 'all' }],
    ['opd', 'unit-1', { kind: 'unit', unitId: 'unit-1' }],
    ['opd', null, { kind: 'none' }],
  ] as const)('%s (unit %s) reads %o', (role, unitId, scope) => {
    expect(durationStatsScope(actor(role, unitId))).toEqual(scope);
    expect(canReadDurationStats(actor(role, unitId))).toBe(scope.kind !== 'none');
  });
});
