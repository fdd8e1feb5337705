import { describe } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { Role } from '../../../shared/roles';
import { canReadOutbox } from './mail.policy';

// Every role: a new role fails to compile here until it has its row.
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd'), pimpinan: actor('pimpinan') } satisfies Record<Role, unknown>;

// Held mail may carry an outside initiator's private link. An anonymous caller is stopped by the route (401).
describe('outbox permissions', () => {
  expectMatrix(actors, [['read the outbox', canReadOutbox, { admin: true, tkksd: false, opd: false, pimpinan: false }]]);
});
