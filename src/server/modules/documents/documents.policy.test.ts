import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import { canDeleteDocument, canReadDocuments, canUploadDocument } from './documents.policy';

// Every role (an OPD with and without its own OPD) × every action on an agreement's files, for a signed
// agreement, a draft its OPD is linked to and a draft of another OPD.
const OWN_UNIT = '11111111-1111-4111-8111-111111111111';
const OTHER_UNIT = '22222222-2222-4222-8222-222222222222';
const PRINCIPALS = ['admin', 'tkksd', 'opd', 'opd_without_unit', 'pimpinan'] as const;
type Principal = (typeof PRINCIPALS)[number];

const actors: Record<Principal, Actor> = {
  admin: { id: 'a', email: 'admin@jalin.local', name: 'Admin', role: 'admin', unitId: null },
  tkksd: { id: 't', email: 'tkksd@jalin.local', name: 'TKKSD', role: 'tkksd', unitId: null },
  opd: { id: 'o', email: 'opd@jalin.local', name: 'OPD', role: 'opd', unitId: OWN_UNIT },
  opd_without_unit: { id: 'q', email: 'tanpa@jalin.local', name: 'OPD tanpa unit', role: 'opd', unitId: null },
  pimpinan: { id: 'w', email: 'walikota@jalin.local', name: 'Pimpinan', role: 'pimpinan', unitId: null },
};

const ACTIONS = {
  read_of_signed: (actor: Actor) => canReadDocuments(actor, { isDraft: false, unitIds: [OTHER_UNIT] }),
  read_of_own_draft: (actor: Actor) => canReadDocuments(actor, { isDraft: true, unitIds: [OWN_UNIT] }),
  read_of_other_draft: (actor: Actor) => canReadDocuments(actor, { isDraft: true, unitIds: [OTHER_UNIT] }),
  upload: canUploadDocument,
  delete: canDeleteDocument,
} satisfies Record<string, (actor: Actor) => boolean>;
type Action = keyof typeof ACTIONS;

const Y = true;
const N = false;
// admin, tkksd, opd, opd without an OPD, pimpinan
const EXPECTED: Record<Action, readonly boolean[]> = {
  read_of_signed: [Y, Y, Y, Y, Y],
  read_of_own_draft: [Y, Y, Y, N, N],
  read_of_other_draft: [Y, Y, N, N, N],
  upload: [Y, N, N, N, N],
  delete: [Y, N, N, N, N],
};

describe('documents policy matrix', () => {
  it('covers every role', () => {
    expect([...new Set(PRINCIPALS.map((principal) => actors[principal].role))].sort()).toEqual([...ROLES].sort());
  });

  for (const action of Object.keys(ACTIONS) as Action[]) {
    PRINCIPALS.forEach((principal, index) => {
      it(`${principal} × ${action}`, () => {
        expect(ACTIONS[action](actors[principal])).toBe(EXPECTED[action][index]);
      });
    });
  }
});
