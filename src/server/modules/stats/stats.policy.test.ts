import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { Role } from '../../../shared/roles';
import { canReadStats } from './stats.policy';

// Every role: a new role fails to compile here until it has its row.
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd'), pimpinan: actor('pimpinan') } satisfies Record<Role, unknown>;

// "command line" is the null actor of a command run on the server itself; an anonymous web caller is
// stopped by the route (401) first.
describe('statistics permissions', () => {
  expectMatrix(actors, [['read the statistics (and their export)', canReadStats, { admin: true, tkksd: true, opd: true, pimpinan: true }]]);

  it('lets the command line on the server read the statistics', () => {
    expect(canReadStats(null)).toBe(true);
  });
});
