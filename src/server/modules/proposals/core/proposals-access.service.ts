import type { Db } from '../../../db/client';
import type { Actor, ActorCtx } from '../../../lib/context';
import { forbidden, notFound } from '../../../lib/errors';
import { canReadProposal } from './proposals.policy';
import * as repo from './proposals.repository';

export type ReadableProposal = repo.ProposalRow & { assignedReviewerIds: string[] };

const PROPOSAL_WHAT: [string, string] = ['Usulan kerja sama', 'Proposal'];

// The one way a staff use case reaches a proposal or anything under it (documents, comments,
// reviews, meetings, drafts, signings, durations, tracking link): 404 when it does not exist,
// 403 unless the actor may read it, then 403 unless `may` allows the act. A sub-resource never
// carries a read rule of its own, so it cannot be looser than the proposal (lint keeps the
// repository's finders out of other files).
export async function loadReadableProposal(
  ctx: ActorCtx,
  { id, ...options }: { id: string; db?: Db; lock?: boolean; may?: (actor: Actor, proposal: ReadableProposal) => boolean },
): Promise<ReadableProposal> {
  const db = options.db ?? ctx.db;
  const row = options.lock ? await lockedWithReviewers(db, id) : await repo.findProposal(db, id);
  if (!row) throw notFound(...PROPOSAL_WHAT);
  if (!canReadProposal(ctx.actor, row)) throw forbidden();
  if (options.may && !options.may(ctx.actor, row)) throw forbidden();
  return row;
}

async function lockedWithReviewers(db: Db, id: string): Promise<ReadableProposal | undefined> {
  const row = await repo.lockProposal(db, id);
  return row ? { ...row, assignedReviewerIds: await repo.assignedReviewerIds(db, id) } : undefined;
}
