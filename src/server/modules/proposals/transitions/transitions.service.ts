import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { CLOSED_PROPOSAL_STATES, type ProposalAction, type ProposalView, type TransitionProposalSchema } from '../../../../shared/proposals';
import type { Db } from '../../../db/client';
import type { Actor, ActorCtx } from '../../../lib/context';
import { AppError, staleVersion } from '../../../lib/errors';
import { updateVersioned } from '../../../lib/versioned';
import { recordAudit } from '../../audit/audit.service';
import { deliverMail } from '../../mail/mail.service';
import { applyAction } from '../../procedures/procedures.rules';
import { loadProcedure } from '../../procedures/procedures.service';
import { announceTransition } from './transitions.notices';
import { assertReviewAllowsAction } from '../reviews/reviews-guard.service';
import { machineFacts } from '../core/proposals.views';
import { loadReadableProposal } from '../core/proposals-access.service';
import { canTakeAction } from '../core/proposals.policy';
import * as repo from '../core/proposals.repository';
import { PROPOSAL_WHAT, proposalViewOf } from '../core/proposals.service';
import { proposals } from '../core/proposals.table';

type TransitionData = z.output<typeof TransitionProposalSchema>;

// Who moved it: a staff member, or the outside initiator through a private link or an e-mail confirmation.
export type TransitionActor = { actor: Actor } | { actor: null; label: string };

export type TransitionResult = { row: repo.ProposalRow; from: Pick<repo.ProposalRow, 'stageCode' | 'state'> };

// Runs one action through the state machine and writes the change, its timeline entry and its audit
// row in the caller's transaction; a refusal is a 409 that says why.
export async function applyTransition(
  db: Db,
  options: { before: repo.ProposalRow; action: ProposalAction; note: string | null; version: number; now: Date; by: TransitionActor; extraPatch?: Record<string, unknown> },
): Promise<TransitionResult> {
  const { before, action, now, by } = options;
  if (before.version !== options.version) throw staleVersion();
  const procedure = await loadProcedure(db, before.kind);
  const facts = machineFacts(before, { procedure, documents: await repo.presentDocTypes(db, before.id).then((types) => types.map((docType) => ({ docType }))) });
  const result = applyAction({ ...facts, action });
  if (!result.ok) {
    const { code, message, messageEn, missingDocTypes } = result.refusal;
    throw new AppError({ code: 'CONFLICT', message, messageEn, details: { reason: code, ...(missingDocTypes ? { missingDocTypes } : {}) } });
  }
  const { next } = result;
  const patch: Record<string, unknown> = { ...options.extraPatch, stageCode: next.stageCode, state: next.state };
  if (next.stageCode !== before.stageCode) patch.stageEnteredAt = now;
  if (action === 'submit') patch.submittedAt = now;
  if (CLOSED_PROPOSAL_STATES.includes(next.state)) patch.closedAt = now;
  const row = await updateVersioned({ db, table: proposals, where: eq(proposals.id, before.id), version: before.version, patch, now, what: PROPOSAL_WHAT });
  const actorId = by.actor?.id ?? null;
  const actorLabel = by.actor ? by.actor.email : by.label;
  await repo.insertEvent(db, {
    proposalId: before.id,
    at: now,
    action,
    fromStage: before.stageCode,
    toStage: next.stageCode,
    fromState: before.state,
    toState: next.state,
    note: options.note,
    details: { closedStage: result.closedStage, skippedStages: result.skippedStages },
    actorId,
    actorLabel,
  });
  const changes = [
    { field: 'stageCode', old: before.stageCode, new: next.stageCode },
    { field: 'state', old: before.state, new: next.state },
    ...(options.note ? [{ field: 'note', old: null, new: options.note }] : []),
    ...(by.actor ? [] : [{ field: 'by', old: null, new: by.label }]),
  ];
  await recordAudit(db, { actor: by.actor, entity: 'proposal', entityId: before.id, action, at: now, changes });
  return { row, from: { stageCode: before.stageCode, state: before.state } };
}

export async function transitionProposal(ctx: ActorCtx, { id, ...input }: { id: string } & TransitionData): Promise<ProposalView> {
  const { row, mailIds } = await ctx.db.transaction(async (tx) => {
    const before = await loadReadableProposal(ctx, { id, db: tx, lock: true, may: (actor, row) => canTakeAction(actor, { proposal: row, action: input.action }) });
    await assertReviewAllowsAction(tx, { proposal: before, action: input.action });
    const note = input.note ?? null;
    const by = { actor: ctx.actor };
    const result = await applyTransition(tx, { before, action: input.action, note, version: input.version, now: ctx.now, by });
    const queued = await announceTransition({ ...ctx, db: tx }, { row: result.row, action: input.action, note, by });
    return { row: result.row, mailIds: queued };
  });
  await deliverMail(ctx, mailIds);
  return proposalViewOf(ctx.db, { row, actor: ctx.actor });
}
