import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { Role } from '../../../shared/roles';
import { canManageStatutoryReports, canReadStatutoryReports } from './annual-report.policy';

// Every role: a new role fails to compile here until it has its row.
const actors = {
  admin: actor('admin'),
  tkksd: actor('tkksd'),
  opd: actor('opd', 'unit-1'),
  pimpinan: actor('pimpinan'),
} satisfies Record<Role, unknown>;

describe('statutory report permissions', () => {
  expectMatrix(actors, [
    ['read and download the annual and semester reports', canReadStatutoryReports, { admin: true, tkksd: true, opd: false, pimpinan: true }],
    ['generate, edit, finalise and record the submission (and the report settings)', canManageStatutoryReports, { admin: true, tkksd: false, opd: false, pimpinan: false }],
  ]);

  it('lets the command line on the server read the reports', () => {
    expect(canReadStatutoryReports(null)).toBe(true);
  });
});
