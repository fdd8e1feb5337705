import { describe } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { Role } from '../../../shared/roles';
import { canReadLeadershipDashboard, startsOnLeadershipDashboard } from './leadership.policy';

// Every role: a new role fails to compile here until it has its row.
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd', 'unit-1'), pimpinan: actor('pimpinan') } satisfies Record<Role, unknown>;

describe('leadership dashboard permissions', () => {
  expectMatrix(actors, [
    ['read the dashboard and the agreements behind its funnel', canReadLeadershipDashboard, { admin: true, tkksd: true, opd: false, pimpinan: true }],
    ['land on the dashboard after signing in', startsOnLeadershipDashboard, { admin: false, tkksd: false, opd: false, pimpinan: true }],
  ]);
});
