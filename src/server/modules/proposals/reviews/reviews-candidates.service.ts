import type { ReviewerCandidateListResponse } from '../../../../shared/proposal-reviews';
import type { ActorCtx } from '../../../lib/context';
import { forbidden } from '../../../lib/errors';
import { canBeReviewer, canListReviewerCandidates, REVIEWER_ROLES, reviewerRoleOf } from './reviews.policy';
import * as reviewRepo from './reviews.repository';

// The people the division may put on a review, so that the screen offers exactly those the
// server will accept when the review is set or a reviewer replaced.
export async function listReviewerCandidates(ctx: ActorCtx): Promise<ReviewerCandidateListResponse> {
  if (!canListReviewerCandidates(ctx.actor)) throw forbidden();
  const people = await reviewRepo.activePeopleWithRoles(ctx.db, { roles: REVIEWER_ROLES });
  return { items: people.filter(canBeReviewer).map((person) => ({ id: person.id, name: person.name, email: person.email, role: reviewerRoleOf(person) })) };
}
