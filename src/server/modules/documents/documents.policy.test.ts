import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import { ROLES } from '../../../shared/roles';
import { canDeleteDocument, canReadDocuments, canUploadDocument } from './documents.policy';

// Every role (an OPD with and without its own OPD) × every action on an agreement's files, for a signed
// agreement, a draft its OPD is linked to and a draft of another OPD.
const OWN_UNIT = '11111111-1111-4111-8111-111111111111';
const OTHER_UNIT = '22222222-2222-4222-8222-222222222222';

const actors = {
  admin: actor('admin'),
  tkksd: actor('tkksd'),
  opd: actor('opd', OWN_UNIT),
  opd_without_unit: actor('opd'),
  pimpinan: actor('pimpinan'),
};

const Y = true;
const N = false;
const adminOnly = { admin: Y, tkksd: N, opd: N, opd_without_unit: N, pimpinan: N };

describe('documents policy matrix', () => {
  it('covers every role', () => {
    expect([...new Set(Object.values(actors).map((who) => who.role))].sort()).toEqual([...ROLES].sort());
  });

  expectMatrix(actors, [
    ['read_of_signed', (who) => canReadDocuments(who, { isDraft: false, unitIds: [OTHER_UNIT] }), { admin: Y, tkksd: Y, opd: Y, opd_without_unit: Y, pimpinan: Y }],
    ['read_of_own_draft', (who) => canReadDocuments(who, { isDraft: true, unitIds: [OWN_UNIT] }), { admin: Y, tkksd: Y, opd: Y, opd_without_unit: N, pimpinan: N }],
    ['read_of_other_draft', (who) => canReadDocuments(who, { isDraft: true, unitIds: [OTHER_UNIT] }), { admin: Y, tkksd: Y, opd: N, opd_without_unit: N, pimpinan: N }],
    ['upload', canUploadDocument, adminOnly],
    ['delete', canDeleteDocument, adminOnly],
  ]);
});
