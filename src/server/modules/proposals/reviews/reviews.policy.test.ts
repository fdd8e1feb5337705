import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix, type MatrixRow } from '../../../../../tests/support/policy-matrix';
import type { Actor } from '../../../lib/context';
import { ROLES } from '../../../../shared/roles';
import { canBeReviewer, canListReviewerCandidates, isReviewActionAllowed, REVIEW_ACTIONS, reviewerRoleOf, type ReviewPrincipal } from './reviews.policy';
import type { ProposalAccess } from '../core/proposals.policy';

const OWN_UNIT = 'unit-own';

// A submitted OPD proposal with one assigned TKKSD reviewer.
const proposal: ProposalAccess = { initiatorType: 'opd', unitId: OWN_UNIT, state: 'aktif', assignedReviewerIds: ['tkksd-assigned'] };

// Staff sign in; the other two principals reach the threads without an account.
const ACTORS = {
  admin: { ...actor('admin'), id: 'admin' },
  'tkksd assigned': { ...actor('tkksd'), id: 'tkksd-assigned' },
  'tkksd not assigned': { ...actor('tkksd'), id: 'tkksd-other' },
  'opd own': actor('opd', OWN_UNIT),
  'opd other': actor('opd', 'unit-other'),
  pimpinan: actor('pimpinan'),
} satisfies Record<string, Actor>;
type StaffName = keyof typeof ACTORS;
const ANONYMOUS: ReviewPrincipal = { kind: 'anonymous' };
const TRACKING_LINK: ReviewPrincipal = { kind: 'tracking_link' };
const staff = (who: Actor): ReviewPrincipal => ({ kind: 'staff', actor: who });

// Rows: who; columns in REVIEW_ACTIONS order:
// read_review, manage_review, decide_review, read_comments, add_comment, read_meetings, record_meeting
const EXPECTED: Record<StaffName | 'anonymous' | 'tracking-link holder', [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
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
  expectMatrix(
    ACTORS,
    REVIEW_ACTIONS.map((action, index): MatrixRow<StaffName> => [
      action,
      (who) => isReviewActionAllowed(staff(who), { action, proposal }),
      Object.fromEntries((Object.keys(ACTORS) as StaffName[]).map((name) => [name, EXPECTED[name][index]])) as Record<StaffName, boolean>,
    ]),
  );

  expectMatrix(ACTORS, [
    ['list whom a review may be given to', canListReviewerCandidates, { admin: true, 'tkksd assigned': false, 'tkksd not assigned': false, 'opd own': false, 'opd other': false, pimpinan: false }],
  ]);

  it('lets someone without an account only into the threads, and only with the tracking link', () => {
    REVIEW_ACTIONS.forEach((action, index) => {
      expect(isReviewActionAllowed(ANONYMOUS, { action, proposal }), `anonymous: ${action}`).toBe(EXPECTED.anonymous[index]);
      expect(isReviewActionAllowed(TRACKING_LINK, { action, proposal }), `tracking-link holder: ${action}`).toBe(EXPECTED['tracking-link holder'][index]);
    });
  });

  it('lets an admin decide only where the admin is an assigned reviewer', () => {
    const assignedAdmin = { ...proposal, assignedReviewerIds: ['admin'] };
    expect(isReviewActionAllowed(staff(ACTORS.admin), { action: 'decide_review', proposal: assignedAdmin })).toBe(true);
  });

  it('hides a draft from leadership, and with it the threads and meetings', () => {
    const draft: ProposalAccess = { ...proposal, state: 'draf' };
    const pimpinan = staff(ACTORS.pimpinan);
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
