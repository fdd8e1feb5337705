import { describe } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { Role } from '../../../shared/roles';
import { canEditSettings, canReadSettings } from './settings.policy';

// Every role: a new role fails to compile here until it has its row.
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd'), pimpinan: actor('pimpinan') } satisfies Record<Role, unknown>;

// An anonymous caller is stopped by the route (401).
describe('settings permissions', () => {
  expectMatrix(actors, [
    ['read the settings', canReadSettings, { admin: true, tkksd: true, opd: true, pimpinan: true }],
    ['edit the settings', canEditSettings, { admin: true, tkksd: false, opd: false, pimpinan: false }],
  ]);
});
