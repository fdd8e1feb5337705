import type { TrackingView } from '../../../../shared/proposals';
import type { ActorCtx, Ctx } from '../../../lib/context';
import { AppError, forbidden, notFound } from '../../../lib/errors';
import { recordAudit } from '../../audit/audit.service';
import { deliverMail, queueMail } from '../../mail/mail.service';
import { missingDocuments } from '../../procedures/procedures.rules';
import { loadProcedure } from '../../procedures/procedures.service';
import { issueLink, resolveLink, revokeLinks } from './tracking-links.service';
import { documentViews, machineFacts, stageViews } from '../core/proposals.views';
import { canManageTrackingLinks } from '../core/proposals.policy';
import { loadReadableProposal } from '../core/proposals-access.service';
import * as repo from '../core/proposals.repository';
import { PROPOSAL_WHAT } from '../core/proposals.service';
import { trackingMailOf } from './tracking.service';

// What an outside initiator sees: where the proposal stands, what is asked, what was received.
// Staff names and internal edits stay inside; only the division's requests and reasons show.
const PUBLIC_ACTIONS = new Set(['create', 'submit', 'validate', 'advance', 'send_back', 'resume', 'reject', 'withdraw', 'register', 'document_upload']);
const NOTE_ACTIONS = new Set(['send_back', 'reject']);

export async function readTracking(ctx: Ctx, token: string): Promise<TrackingView> {
  const link = await resolveLink(ctx, { token, purpose: 'track' });
  // The private link is the initiator's key; resolveLink checked it.
  // eslint-disable-next-line no-restricted-syntax
  const row = await repo.findProposal(ctx.db, link.proposalId);
  if (!row) throw notFound(...PROPOSAL_WHAT);
  const procedure = await loadProcedure(ctx.db, row.kind);
  const documents = await repo.listDocumentsOf(ctx.db, row.id);
  const events = await repo.listEventsOf(ctx.db, row.id);
  const stage = procedure.stages.find((candidate) => candidate.code === row.stageCode);
  const isMoving = row.state === 'aktif' || row.state === 'dikembalikan';
  return {
    trackingCode: row.trackingCode,
    title: row.title,
    kind: row.kind,
    institution: row.externalInstitution,
    state: row.state,
    stageCode: row.stageCode,
    stageName: stage?.name ?? null,
    stages: stageViews(row, procedure),
    missingDocTypes: stage && isMoving ? missingDocuments(stage, machineFacts(row, { procedure, documents })) : [],
    requests: events.filter((event) => event.action === 'send_back' && event.note).map((event) => ({ at: event.at.toISOString(), stageCode: event.toStage, note: event.note ?? '' })),
    documents: documentViews(documents).map(({ id, docType, versionNo, isLatest, fileName, createdAt }) => ({ id, docType, versionNo, isLatest, fileName, createdAt })),
    timeline: events
      .filter((event) => PUBLIC_ACTIONS.has(event.action))
      .map((event) => ({ at: event.at.toISOString(), action: event.action, toStage: event.toStage, toState: event.toState, note: NOTE_ACTIONS.has(event.action) ? event.note : null })),
    linkExpiresAt: link.expiresAt.toISOString(),
  };
}

async function externalProposal(ctx: ActorCtx, db: Ctx['db'], proposalId: string): Promise<repo.ProposalRow> {
  if (!canManageTrackingLinks(ctx.actor)) throw forbidden();
  const row = await loadReadableProposal(ctx, { id: proposalId, db, lock: true });
  if (row.initiatorType !== 'external' || !row.externalEmail) {
    throw new AppError({ code: 'CONFLICT', message: 'Hanya usulan dari pemrakarsa luar yang memiliki tautan pelacakan.', messageEn: 'Only proposals from outside initiators have a tracking link.' });
  }
  return row;
}

// A new private link replaces the old one and goes to the initiator's e-mail (or the outbox).
export async function reissueTrackingLink(ctx: ActorCtx, proposalId: string): Promise<{ expiresAt: string }> {
  const { expiresAt, mailId } = await ctx.db.transaction(async (tx) => {
    const row = await externalProposal(ctx, tx, proposalId);
    const link = await issueLink({ ...ctx, db: tx }, { proposalId: row.id, purpose: 'track' });
    const queued = await queueMail({ ...ctx, db: tx }, trackingMailOf(ctx, { row, token: link.token }));
    await repo.insertEvent(tx, { proposalId: row.id, at: ctx.now, action: 'tracking_link_issued', actorId: ctx.actor.id, actorLabel: ctx.actor.email });
    await recordAudit(tx, { actor: ctx.actor, entity: 'proposal', entityId: row.id, action: 'tracking_link_issued', at: ctx.now, changes: [{ field: 'trackingLinkExpiresAt', old: null, new: link.expiresAt.toISOString() }] });
    return { expiresAt: link.expiresAt, mailId: queued };
  });
  await deliverMail(ctx, [mailId]);
  return { expiresAt: expiresAt.toISOString() };
}

export async function revokeTrackingLink(ctx: ActorCtx, proposalId: string): Promise<{ revoked: number }> {
  return ctx.db.transaction(async (tx) => {
    const row = await externalProposal(ctx, tx, proposalId);
    const revoked = await revokeLinks({ ...ctx, db: tx }, { proposalId: row.id, purpose: 'track' });
    await repo.insertEvent(tx, { proposalId: row.id, at: ctx.now, action: 'tracking_link_revoked', actorId: ctx.actor.id, actorLabel: ctx.actor.email });
    await recordAudit(tx, { actor: ctx.actor, entity: 'proposal', entityId: row.id, action: 'tracking_link_revoked', at: ctx.now, changes: [{ field: 'revokedLinks', old: null, new: revoked }] });
    return { revoked };
  });
}
