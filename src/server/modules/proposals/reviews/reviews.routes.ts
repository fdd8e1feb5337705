import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateReviewSchema, ReplaceReviewerSchema, ReviewDecisionSchema } from '../../../../shared/proposal-reviews';
import { actorCtxOf, typed } from '../../../lib/http';
import { listReviewerCandidates } from './reviews-candidates.service';
import { decideReview } from './reviews-decisions.service';
import { configureReview, getReview, replaceReviewer } from './reviews.service';

// TKKSD review of a proposal at the "pembahasan TKKSD" stage (contracts in src/shared/proposal-reviews.ts).
//
// GET  /api/proposals/reviewer-candidates       → { items: ReviewerCandidateView[] }   admin (who sets reviewers)
// GET  /api/proposals/:id/review                → { review: ReviewView | null }       readers of the proposal
// POST /api/proposals/:id/review                { tiers: [{ rule: 'all'|'any', reviewerIds: uuid[] }] }
//                                               → 201 ReviewView                       admin; once per proposal
// POST /api/proposals/:id/review/replacements   { assignmentId, reviewerId, version }  → ReviewView   admin
// POST /api/proposals/:id/review/decisions      { decision: 'approve'|'request_revision'|'reject', comment? }
//                                               → ReviewView                           the reviewer of the open tier
//
// A decision needs no version: the proposal row is locked, so simultaneous decisions are taken in turn.
// The last satisfied tier advances the proposal; request_revision sends it back (state dikembalikan,
// note = comment) and starts the next round; reject rejects it (reason = comment). Refusals are 409
// with error.details.reason: wrong_stage, review_exists, review_done, awaiting_revision, closed,
// tier_not_open, already_decided. While a review runs, POST /transitions { action: 'advance' } answers
// 409 review_pending. The proposal list takes assignedToMe=true for a reviewer's own queue.
// A send_back taken by hand (not by a reviewer) keeps the round: decisions already given still count.
// Timeline actions added: review_configured, review_decision, review_tier_opened, reviewer_replaced,
// review_completed (passed while a required document is missing), meeting_recorded.

const idParam = z.object({ id: z.uuid() });
const tags = ['proposals', 'reviews'];

export function proposalReviewsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/proposals/reviewer-candidates', { schema: { tags, summary: 'The active TKKSD members and admins a review may be given to' }, config: { access: ['admin'] } }, (request) =>
    listReviewerCandidates(actorCtxOf(request)),
  );
  api.get('/proposals/:id/review', { schema: { tags, summary: 'The TKKSD review of a proposal (null when none is set)', params: idParam }, config: { access: 'signed-in' } }, (request) =>
    getReview(actorCtxOf(request), request.params.id),
  );
  api.post('/proposals/:id/review', { schema: { tags, summary: 'Set the TKKSD reviewers in ordered tiers', params: idParam, body: CreateReviewSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await configureReview(actorCtxOf(request), { proposalId: request.params.id, ...request.body })),
  );
  api.post('/proposals/:id/review/replacements', { schema: { tags, summary: 'Replace a reviewer; the replaced assignment ends', params: idParam, body: ReplaceReviewerSchema }, config: { access: ['admin'] } }, (request) =>
    replaceReviewer(actorCtxOf(request), { proposalId: request.params.id, ...request.body }),
  );
  api.post('/proposals/:id/review/decisions', { schema: { tags, summary: 'Approve, request a revision or reject (comment required for the last two)', params: idParam, body: ReviewDecisionSchema }, config: { access: ['admin', 'tkksd'] } }, (request) =>
    decideReview(actorCtxOf(request), { proposalId: request.params.id, ...request.body }),
  );
}
