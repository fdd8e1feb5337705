import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { Role } from '../../../shared/roles';
import { canEditImpactStudy, canReadImpactStudy } from './impact-study.policy';

// Every role: a new role fails to compile here until it has its row.
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd', 'unit-a'), pimpinan: actor('pimpinan') } satisfies Record<Role, unknown>;

describe('impact study permissions', () => {
  expectMatrix(actors, [
    ['read the impact study and export it', canReadImpactStudy, { admin: true, tkksd: true, opd: false, pimpinan: true }],
    ['edit the narrative and reset it to the generated one', canEditImpactStudy, { admin: true, tkksd: true, opd: false, pimpinan: false }],
  ]);

  it('lets the command line on the server read the study but not edit it', () => {
    expect(canReadImpactStudy(null)).toBe(true);
    expect(canEditImpactStudy(null)).toBe(false);
  });
});
