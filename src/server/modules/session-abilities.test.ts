import { describe, expect, it } from 'vitest';
import { ABILITIES, type Ability } from '../../shared/abilities';
import { ROLES, type Role } from '../../shared/roles';
import type { Actor } from '../lib/context';
import { sessionAbilities } from './session-abilities';

const actor = (role: Role): Actor => ({ id: role, email: `${role}@jalin.local`, name: role, role, unitId: role === 'opd' ? '11111111-1111-4111-8111-111111111111' : null });

// Who gets each ability: the same people the screens were shown to before they asked the policies.
const EXPECTED: Record<Ability, Role[]> = {
  'agreements.create': ['admin'],
  'agreements.edit': ['admin'],
  'registry.import': ['admin'],
  'registry.intake': ['admin'],
  'partners.merge': ['admin'],
  'proposals.create': ['admin', 'opd'],
  'proposals.chooseUnit': ['admin'],
  'proposals.filterByUnit': ['admin', 'tkksd', 'pimpinan'],
  'proposals.reviewAssignedOnly': ['tkksd'],
  'dissemination.prepare': ['admin', 'tkksd'],
  'dissemination.track': ['admin', 'tkksd', 'pimpinan'],
  'dissemination.recordEvents': ['admin', 'tkksd'],
  'plans.inbox': ['opd'],
  'plans.gap': ['admin', 'tkksd', 'pimpinan'],
  'plans.all': ['admin', 'tkksd', 'pimpinan'],
  'realisation.reports': ['admin', 'tkksd', 'opd', 'pimpinan'],
  'realisation.write': ['admin', 'opd'],
  'evaluation.manage': ['admin'],
  'obligations.write': ['admin'],
  'reports.statutory': ['admin', 'tkksd', 'pimpinan'],
  'impactStudy.read': ['admin', 'tkksd', 'pimpinan'],
  'leadership.dashboard': ['admin', 'tkksd', 'pimpinan'],
  'leadership.landing': ['pimpinan'],
  'admin.users': ['admin'],
  'admin.master': ['admin'],
  'admin.procedures': ['admin'],
  'admin.draftTemplates': ['admin'],
  'admin.settings': ['admin'],
};

describe('session abilities: role × ability', () => {
  for (const ability of ABILITIES) {
    it(`${ability}: ${EXPECTED[ability].join(', ')}`, () => {
      expect(ROLES.filter((role) => sessionAbilities(actor(role))[ability])).toEqual(EXPECTED[ability]);
    });
  }

  it('names every ability and no other', () => {
    expect(Object.keys(sessionAbilities(actor('admin'))).sort()).toEqual([...ABILITIES].sort());
  });

  it('gives an OPD account without an OPD neither a new proposal nor the inbox', () => {
    const abilities = sessionAbilities({ ...actor('opd'), unitId: null });
    expect([abilities['proposals.create'], abilities['plans.inbox']]).toEqual([false, false]);
  });
});
