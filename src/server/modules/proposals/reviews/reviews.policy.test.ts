import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/context';
import { ROLES, type Role } from '../../../../shared/roles';
import { canBeReviewer, isReviewActionAllowed, REVIEW_ACTIONS, reviewerRoleOf, type ReviewAction, type ReviewPrincipal } from './reviews.policy';
import type { ProposalAccess } from '../core/proposals.policy';

const OWN_UNIT = 'unit-own';
const staff = (role: Role, id: string, unitId: string | null = null): ReviewPrincipal => ({ kind: 'staff', actor: { id, email: `${id}@uji`, name: id, role, unitId } satisfies Actor });

// A submitted OPD proposal with one assigned TKKSD reviewer.
const proposal: ProposalAccess = { initiatorType: 'opd', unitId: OWN_UNIT, state: 'aktif', assignedReviewerIds: ['tkksd-assigned'] };

const PRINCIPALS: Record<string, ReviewPrincipal> = {
  admin: staff('admin', 'admin'),
  'tkksd assigned': staff('tkksd', 'tkksd-assigned'),
  'tkksd not assigned': staff('tkksd', 'tkksd-other'),
  'opd own': staff('opd', 'opd-own', OWN_UNIT),
  'opd other': staff('opd', 'opd-other', 'unit-other'),
  pimpinan: staff('pimpinan', 'pimpinan'),
  anonymous: { kind: 'anonymous' },
  'tracking-link holder': { kind: 'tracking_link' },
};

// Rows: who; columns in REVIEW_ACTIONS order:
// read_review, manage_review, decide_review, read_comments, add_comment, read_meetings, record_meeting
const EXPECTED: Record<string, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
  admin: [true, true, false, true, true, true, true],
  'tkksd assigned': [true, false, true, true, true, true, true],
  'tkksd not assigned': [false, false, false, false, false, false, false],
  'opd own': [true, false, false, true, true, true, false],
  'opd other': [false, false, false, false, false, false, false],
  pimpinan: [true, false, false, true, true, true, false],
  anonymous: [false, false, false, false, false, false, false],
  'tracking-link holder': [false, false, false, true, true, false, false],
};

describe('review, thread and meeting permissions', () => {
  for (const [who, principal] of Object.entries(PRINCIPALS)) {
    REVIEW_ACTIONS.forEach((action: ReviewAction, index) => {
      const expected = EXPECTED[who]?.[index];
      it(`${who} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(isReviewActionAllowed(principal, { action, proposal })).toBe(expected);
      });
    });
  }

  it('lets an admin decide only where the admin is an assigned reviewer', () => {
    const assignedAdmin = { ...proposal, assignedReviewerIds: ['admin'] };
    expect(isReviewActionAllowed(PRINCIPALS.admin ?? { kind: 'anonymous' }, { action: 'decide_review', proposal: assignedAdmin })).toBe(true);
  });

  it('hides a draft from leadership, and with it the threads and meetings', () => {
    const draft: ProposalAccess = { ...proposal, state: 'draf' };
    const pimpinan = PRINCIPALS.pimpinan ?? { kind: 'anonymous' };
    expect(REVIEW_ACTIONS.filter((action) => isReviewActionAllowed(pimpinan, { action, proposal: draft }))).toEqual([]);
  });

  it('takes reviewers only among active TKKSD members and admins', () => {
    expect(canBeReviewer({ role: 'tkksd', isActive: true })).toBe(true);
    expect(canBeReviewer({ role: 'admin', isActive: true })).toBe(true);
    expect(canBeReviewer({ role: 'tkksd', isActive: false })).toBe(false);
    expect(canBeReviewer({ role: 'opd', isActive: true })).toBe(false);
    expect(canBeReviewer({ role: 'pimpinan', isActive: true })).toBe(false);
  });

  it('shows an admin reviewer as admin and every other reviewer as a TKKSD member', () => {
    expect(ROLES.map((role) => [role, reviewerRoleOf({ role })])).toEqual([
      ['admin', 'admin'],
      ['tkksd', 'tkksd'],
      ['opd', 'tkksd'],
      ['pimpinan', 'tkksd'],
    ]);
    expect(reviewerRoleOf(undefined)).toBe('tkksd');
  });
});
