import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/context';
import { canReadDurationStats, durationStatsScope } from './durations.policy';

const actor = (role: Actor['role'], unitId: string | null = null): Actor => ({ id: 'u', email: 'u@x', name: 'U', role, unitId });

describe('who reads proposal durations', () => {
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
