import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix, type MatrixRow } from '../../../../../tests/support/policy-matrix';
import type { ProposalState } from '../../../../shared/proposals';
import type { Actor } from '../../../lib/context';
import { canManageSigning, canOfferDrafts, SIGNING_POLICY_ACTIONS, signingPolicy, type SigningAccess, type SigningPolicyAction } from './signing.policy';

// Every principal × action of drafting, signing and registering, against one proposal of OPD "unit-a".
const PRINCIPALS = ['admin', 'tkksd', 'opd_own', 'opd_other', 'opd_without_unit', 'pimpinan'] as const;
type Principal = (typeof PRINCIPALS)[number];

const actors: Record<Principal, Actor> = {
  admin: actor('admin'),
  tkksd: actor('tkksd'),
  opd_own: actor('opd', 'unit-a'),
  opd_other: actor('opd', 'unit-b'),
  opd_without_unit: actor('opd'),
  pimpinan: actor('pimpinan'),
};

const Y = true;
const N = false;
// admin, tkksd (not assigned to it), opd_own, opd_other, opd_without_unit, pimpinan — for an active OPD proposal.
const EXPECTED: Record<SigningPolicyAction, readonly boolean[]> = {
  download_draft: [Y, N, Y, N, N, N],
  read_signings: [Y, N, Y, N, N, Y],
  schedule_signing: [Y, N, N, N, N, N],
  record_check: [Y, N, N, N, N, N],
  register: [Y, N, N, N, N, N],
  read_templates: [Y, Y, N, N, N, N],
  edit_templates: [Y, N, N, N, N, N],
};

// One row of EXPECTED as the matrix helper reads it: each principal with its answer.
function byPrincipal(row: readonly boolean[]): Record<Principal, boolean> {
  if (row.length !== PRINCIPALS.length) throw new Error(`expected ${PRINCIPALS.length} answers, got ${row.length}`);
  return Object.fromEntries(PRINCIPALS.map((principal, index) => [principal, row[index] === true])) as Record<Principal, boolean>;
}

const proposal = (state: ProposalState, initiatorType: SigningAccess['initiatorType'] = 'opd', assignedReviewerIds: string[] = []): SigningAccess => ({
  initiatorType,
  unitId: initiatorType === 'opd' ? 'unit-a' : null,
  state,
  assignedReviewerIds,
});

describe('signing policy matrix', () => {
  expectMatrix(
    actors,
    SIGNING_POLICY_ACTIONS.map((action): MatrixRow<Principal> => [action, (who) => signingPolicy(who, { action, proposal: proposal('aktif') }), byPrincipal(EXPECTED[action])]),
  );

  it('keeps a draft proposal from leadership and an outside proposal from every OPD', () => {
    expect(signingPolicy(actors.pimpinan, { action: 'read_signings', proposal: proposal('draf') })).toBe(false);
    for (const action of ['download_draft', 'read_signings'] as const) {
      expect(signingPolicy(actors.opd_own, { action, proposal: proposal('aktif', 'external') })).toBe(false);
      expect(signingPolicy(actors.admin, { action, proposal: proposal('aktif', 'external') })).toBe(true);
      expect(signingPolicy(actors.tkksd, { action, proposal: proposal('aktif', 'external', [actors.tkksd.id]) })).toBe(true);
    }
  });

  it('shows a TKKSD member the drafts and signings of the proposals assigned to them only', () => {
    for (const action of ['download_draft', 'read_signings'] as const) {
      expect(signingPolicy(actors.tkksd, { action, proposal: proposal('aktif', 'opd', [actors.tkksd.id]) })).toBe(true);
      expect(signingPolicy(actors.tkksd, { action, proposal: proposal('aktif', 'opd', ['someone-else']) })).toBe(false);
    }
  });

  // What the proposal's screen offers: the same people as download_draft and the signing's steps,
  // while the proposal is open.
  it('offers drafts and the signing steps on an open proposal only', () => {
    expect(PRINCIPALS.filter((who) => canOfferDrafts(actors[who], proposal('aktif')))).toEqual(['admin', 'opd_own']);
    expect(PRINCIPALS.filter((who) => canManageSigning(actors[who], proposal('aktif')))).toEqual(['admin']);
    expect(PRINCIPALS.filter((who) => canOfferDrafts(actors[who], proposal('terdaftar')))).toEqual([]);
    expect(PRINCIPALS.filter((who) => canManageSigning(actors[who], proposal('dibatalkan')))).toEqual([]);
  });
});
