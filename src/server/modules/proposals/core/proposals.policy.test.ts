import { describe, expect, it } from 'vitest';
import { actorOf, expectMatrix, type MatrixRow } from '../../../../../tests/support/policy-matrix';
import { PROPOSAL_ACTIONS, PROPOSAL_STATES, type ProposalState } from '../../../../shared/proposals';
import { ROLES } from '../../../../shared/roles';
import type { Actor } from '../../../lib/context';
import {
  actsForDivision,
  canChooseProposalUnit,
  canCreateProposal,
  canFilterProposalsByUnit,
  canEditProposal,
  canManageTrackingLinkOf,
  canManageTrackingLinks,
  canReadProposal,
  canStartProposal,
  canTakeAction,
  canUploadProposalDocument,
  divisionRoles,
  ownUnitOf,
  proposalListScope,
  proposalListScopeWithReviews,
  seesAssignedProposalsOnly,
  type ProposalAccess,
} from './proposals.policy';

// The role × action matrix of proposals.policy, cell by cell. The HTTP matrix
// (proposals-permissions.routes.test.ts) checks that the routes ask these rules.
const OWN_UNIT = '11111111-1111-4111-8111-111111111111';
const OTHER_UNIT = '22222222-2222-4222-8222-222222222222';
const ASSIGNED = '33333333-3333-4333-8333-333333333333';

// The ids matter where a rule or a scope names the person (the assigned reviewer, the TKKSD list).
const PRINCIPALS = {
  admin: actorOf('admin'),
  'tkksd assigned': { ...actorOf('tkksd'), id: ASSIGNED },
  'tkksd not assigned': { ...actorOf('tkksd'), id: 'tkksd-other' },
  'opd own': actorOf('opd', OWN_UNIT),
  'opd other': actorOf('opd', OTHER_UNIT),
  'opd without unit': actorOf('opd'),
  pimpinan: actorOf('pimpinan'),
} satisfies Record<string, Actor>;
type Principal = keyof typeof PRINCIPALS;
const WHO = Object.keys(PRINCIPALS) as Principal[];

const opdProposal = (state: ProposalState): ProposalAccess => ({ initiatorType: 'opd', unitId: OWN_UNIT, state, assignedReviewerIds: [ASSIGNED] });

// Columns: creating for the own OPD, recording an outside initiator's proposal, reading, editing,
// uploading, managing tracking links, then the eight actions in PROPOSAL_ACTIONS order
// (submit, validate, advance, send_back, resume, reject, withdraw, register), on a running OPD proposal.
const COLUMNS = ['create_own_unit', 'create_external', 'read', 'edit', 'upload', 'manage_tracking_links', ...PROPOSAL_ACTIONS] as const;
const Y = true;
const N = false;
const RUNNING: Record<Principal, boolean[]> = {
  admin: [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y],
  'tkksd assigned': [N, N, Y, N, N, N, N, N, N, N, N, N, N, N],
  'tkksd not assigned': [N, N, N, N, N, N, N, N, N, N, N, N, N, N],
  'opd own': [Y, N, Y, N, Y, N, Y, N, N, N, Y, N, Y, N],
  'opd other': [N, N, N, N, N, N, N, N, N, N, N, N, N, N],
  'opd without unit': [N, N, N, N, N, N, N, N, N, N, N, N, N, N],
  pimpinan: [N, N, Y, N, N, N, N, N, N, N, N, N, N, N],
};

function answers(who: Actor, proposal: ProposalAccess): boolean[] {
  return [
    canCreateProposal(who, { initiatorType: 'opd', unitId: OWN_UNIT }),
    canCreateProposal(who, { initiatorType: 'external', unitId: null }),
    canReadProposal(who, proposal),
    canEditProposal(who, proposal),
    canUploadProposalDocument(who, proposal),
    canManageTrackingLinks(who),
    ...PROPOSAL_ACTIONS.map((action) => canTakeAction(who, { proposal, action })),
  ];
}

describe('proposals policy matrix', () => {
  expectMatrix(
    PRINCIPALS,
    COLUMNS.map((column, index): MatrixRow<Principal> => [
      `${column} on a running OPD proposal`,
      (who) => answers(who, opdProposal('aktif'))[index] === true,
      Object.fromEntries(WHO.map((who) => [who, RUNNING[who][index]])) as Record<Principal, boolean>,
    ]),
  );

  // Who may read, edit and upload, state by state (the other columns do not depend on the state).
  const BY_STATE: Record<ProposalState, { read: Principal[]; edit: Principal[]; upload: Principal[] }> = {
    draf: { read: ['admin', 'tkksd assigned', 'opd own'], edit: ['admin', 'opd own'], upload: ['admin', 'opd own'] },
    aktif: { read: ['admin', 'tkksd assigned', 'opd own', 'pimpinan'], edit: ['admin'], upload: ['admin', 'opd own'] },
    dikembalikan: { read: ['admin', 'tkksd assigned', 'opd own', 'pimpinan'], edit: ['admin', 'opd own'], upload: ['admin', 'opd own'] },
    ditolak: { read: ['admin', 'tkksd assigned', 'opd own', 'pimpinan'], edit: [], upload: [] },
    dibatalkan: { read: ['admin', 'tkksd assigned', 'opd own', 'pimpinan'], edit: [], upload: [] },
    terdaftar: { read: ['admin', 'tkksd assigned', 'opd own', 'pimpinan'], edit: [], upload: [] },
  };
  for (const state of PROPOSAL_STATES) {
    it(`lets the right people read, edit and upload to a proposal in state ${state}`, () => {
      const proposal = opdProposal(state);
      expect(WHO.filter((who) => canReadProposal(PRINCIPALS[who], proposal))).toEqual(BY_STATE[state].read);
      expect(WHO.filter((who) => canEditProposal(PRINCIPALS[who], proposal))).toEqual(BY_STATE[state].edit);
      expect(WHO.filter((who) => canUploadProposalDocument(PRINCIPALS[who], proposal))).toEqual(BY_STATE[state].upload);
    });
  }

  it('leaves an outside initiator’s proposal to the division: no OPD reads, edits or moves it', () => {
    const external: ProposalAccess = { initiatorType: 'external', unitId: null, state: 'aktif', assignedReviewerIds: [] };
    expect(WHO.filter((who) => canReadProposal(PRINCIPALS[who], external))).toEqual(['admin', 'pimpinan']);
    expect(WHO.filter((who) => canEditProposal(PRINCIPALS[who], external))).toEqual(['admin']);
    expect(WHO.filter((who) => canUploadProposalDocument(PRINCIPALS[who], external))).toEqual(['admin']);
    expect(WHO.filter((who) => PROPOSAL_ACTIONS.some((action) => canTakeAction(PRINCIPALS[who], { proposal: external, action })))).toEqual(['admin']);
  });

  it('scopes the lists: all to the division, the own OPD’s to an OPD, the submitted ones to leadership', () => {
    expect(WHO.map((who) => [who, proposalListScope(PRINCIPALS[who])])).toEqual([
      ['admin', { kind: 'all' }],
      ['tkksd assigned', { kind: 'none' }],
      ['tkksd not assigned', { kind: 'none' }],
      ['opd own', { kind: 'unit', unitId: OWN_UNIT }],
      ['opd other', { kind: 'unit', unitId: OTHER_UNIT }],
      ['opd without unit', { kind: 'none' }],
      ['pimpinan', { kind: 'submitted' }],
    ]);
  });

  it('shows a TKKSD member the proposals assigned to them in the list and on the board', () => {
    expect(WHO.map((who) => [who, proposalListScopeWithReviews(PRINCIPALS[who])])).toEqual([
      ['admin', { kind: 'all' }],
      ['tkksd assigned', { kind: 'assigned', reviewerId: ASSIGNED }],
      ['tkksd not assigned', { kind: 'assigned', reviewerId: 'tkksd-other' }],
      ['opd own', { kind: 'unit', unitId: OWN_UNIT }],
      ['opd other', { kind: 'unit', unitId: OTHER_UNIT }],
      ['opd without unit', { kind: 'none' }],
      ['pimpinan', { kind: 'submitted' }],
    ]);
  });
});

describe('what the app offers each user (the session abilities)', () => {
  it('offers a new proposal to the division and to an OPD with its own OPD; a choice of OPD to the division only', () => {
    expect(WHO.filter((who) => canStartProposal(PRINCIPALS[who]))).toEqual(['admin', 'opd own', 'opd other']);
    expect(WHO.filter((who) => canChooseProposalUnit(PRINCIPALS[who]))).toEqual(['admin']);
  });

  it('offers the filter by OPD to whoever sees more than one OPD, and tells a TKKSD member the list is theirs', () => {
    expect(WHO.filter((who) => canFilterProposalsByUnit(PRINCIPALS[who]))).toEqual(['admin', 'tkksd assigned', 'tkksd not assigned', 'pimpinan']);
    expect(WHO.filter((who) => seesAssignedProposalsOnly(PRINCIPALS[who]))).toEqual(['tkksd assigned', 'tkksd not assigned']);
  });

  it('offers the private link to the division on an open outside proposal only', () => {
    const external = (state: ProposalState): ProposalAccess => ({ initiatorType: 'external', unitId: null, state });
    expect(WHO.filter((who) => canManageTrackingLinkOf(PRINCIPALS[who], external('aktif')))).toEqual(['admin']);
    expect(WHO.filter((who) => canManageTrackingLinkOf(PRINCIPALS[who], external('terdaftar')))).toEqual([]);
    expect(WHO.filter((who) => canManageTrackingLinkOf(PRINCIPALS[who], opdProposal('aktif')))).toEqual([]);
  });
});

describe('who the notices treat as the division', () => {
  it('tells the admins as the division', () => {
    expect(divisionRoles()).toEqual(['admin']);
  });

  it('counts a step as the division’s only when an admin takes it; the outside initiator has no account', () => {
    expect(ROLES.map((role) => [role, actsForDivision(actorOf(role))])).toEqual([
      ['admin', true],
      ['tkksd', false],
      ['opd', false],
      ['pimpinan', false],
    ]);
    expect(actsForDivision(null)).toBe(false);
  });

  it('records a proposal without a named OPD for an OPD user’s own OPD, for nobody else', () => {
    expect(ROLES.map((role) => [role, ownUnitOf(actorOf(role, OWN_UNIT))])).toEqual([
      ['admin', null],
      ['tkksd', null],
      ['opd', OWN_UNIT],
      ['pimpinan', null],
    ]);
    expect(ownUnitOf(actorOf('opd'))).toBeNull();
  });
});
