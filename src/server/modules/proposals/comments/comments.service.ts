import type { z } from 'zod';
import type { CreateCommentSchema, ProposalCommentListResponse, ProposalCommentView } from '../../../../shared/proposal-reviews';
import { CLOSED_PROPOSAL_STATES } from '../../../../shared/proposals';
import type { Db } from '../../../db/client';
import type { Actor, ActorCtx, Ctx } from '../../../lib/context';
import { forbidden, notFound } from '../../../lib/errors';
import { recordAudit } from '../../audit/audit.service';
import { findRecipients, notifyUsers } from '../../notifications/notifications.service';
import * as commentRepo from './comments.repository';
import { resolveLink } from '../tracking/tracking-links.service';
import { staffLink } from '../core/proposals.notices';
import { divisionRoles } from '../core/proposals.policy';
import { canAddComment, canReadComments, type ReviewPrincipal } from '../reviews/reviews.policy';
import { loadReadableProposal, type ReadableProposal } from '../core/proposals-access.service';
import * as repo from '../core/proposals.repository';
import { closedProposal } from '../core/proposals.service';

// One thread per document version. Staff reach it through their session; the outside initiator
// through the private tracking link, and only for the documents of their own proposal.

type CommentData = z.output<typeof CreateCommentSchema>;
const DOCUMENT_WHAT: [string, string] = ['Dokumen usulan', 'Proposal document'];

type Thread = { document: repo.ProposalDocumentRow; proposal: ReadableProposal };

// Only for the initiator's link, which checks the token itself.
async function threadOf(db: Db, documentId: string): Promise<Thread> {
  const document = await repo.findDocument(db, documentId);
  // eslint-disable-next-line no-restricted-syntax
  const proposal = document ? await repo.findProposal(db, document.proposalId) : undefined;
  if (!document || !proposal) throw notFound(...DOCUMENT_WHAT);
  return { document, proposal };
}

// The initiator's link opens the threads of its own proposal's documents, and nothing else.
async function trackedThread(ctx: Ctx, token: string, documentId: string): Promise<Thread> {
  const link = await resolveLink(ctx, { token, purpose: 'track' });
  const thread = await threadOf(ctx.db, documentId);
  if (thread.proposal.id !== link.proposalId) throw notFound(...DOCUMENT_WHAT);
  return thread;
}

// Staff read names; the initiator reads who spoke (the division, the TKKSD, an OPD) but no staff names.
function toView(row: commentRepo.CommentRow, forInitiator: boolean): ProposalCommentView {
  const showName = !forInitiator || row.authorKind === 'initiator';
  return { id: row.id, documentId: row.documentId, body: row.body, authorKind: row.authorKind, authorName: showName ? row.authorName : null, createdAt: row.createdAt.toISOString() };
}

// Staff reach a thread through its proposal's read rule, like every other part of a proposal.
async function staffThread(ctx: ActorCtx, documentId: string): Promise<Thread> {
  const document = await repo.findDocument(ctx.db, documentId);
  if (!document) throw notFound(...DOCUMENT_WHAT);
  return { document, proposal: await loadReadableProposal(ctx, { id: document.proposalId }) };
}

export async function listDocumentComments(ctx: ActorCtx, documentId: string): Promise<ProposalCommentListResponse> {
  const { proposal } = await staffThread(ctx, documentId);
  if (!canReadComments({ kind: 'staff', actor: ctx.actor }, proposal)) throw forbidden();
  return { items: (await commentRepo.listCommentsOf(ctx.db, documentId)).map((row) => toView(row, false)) };
}

export async function listCommentsViaTracking(ctx: Ctx, { token, documentId }: { token: string; documentId: string }): Promise<ProposalCommentListResponse> {
  const { proposal } = await trackedThread(ctx, token, documentId);
  if (!canReadComments({ kind: 'tracking_link' }, proposal)) throw forbidden();
  return { items: (await commentRepo.listCommentsOf(ctx.db, documentId)).map((row) => toView(row, true)) };
}

type Author = { principal: ReviewPrincipal; actor: Actor | null; kind: ProposalCommentView['authorKind']; name: string };

async function addComment(db: Db, options: { thread: Thread; author: Author; input: CommentData; now: Date }): Promise<commentRepo.CommentRow> {
  const { thread, author, input, now } = options;
  if (!canAddComment(author.principal, thread.proposal)) throw forbidden();
  if (CLOSED_PROPOSAL_STATES.includes(thread.proposal.state)) throw closedProposal();
  return db.transaction(async (tx) => {
    const row = await commentRepo.insertComment(tx, { proposalId: thread.proposal.id, documentId: thread.document.id, body: input.body, authorId: author.actor?.id ?? null, authorKind: author.kind, authorName: author.name, createdAt: now });
    const changes = [{ field: 'comment', old: null, new: input.body }, ...(author.actor ? [] : [{ field: 'by', old: null, new: author.name }])];
    await recordAudit(tx, { actor: author.actor, entity: 'proposal_document', entityId: thread.document.id, action: 'comment', at: now, changes });
    // The division hears of what the initiator writes; staff see each other's words in the thread.
    if (!author.actor) {
      const admins = await findRecipients(tx, { roles: divisionRoles() });
      const notice = { kind: 'proposal_comment', title: `Komentar pemrakarsa pada usulan ${thread.proposal.trackingCode}`, body: input.body.slice(0, 300), link: staffLink(thread.proposal.id), entity: 'proposal', entityId: thread.proposal.id };
      await notifyUsers({ db: tx, now }, { userIds: admins, notice });
    }
    return row;
  });
}

export async function addDocumentComment(ctx: ActorCtx, { documentId, ...input }: { documentId: string } & CommentData): Promise<ProposalCommentView> {
  const thread = await staffThread(ctx, documentId);
  const author: Author = { principal: { kind: 'staff', actor: ctx.actor }, actor: ctx.actor, kind: ctx.actor.role, name: ctx.actor.name };
  return toView(await addComment(ctx.db, { thread, author, input, now: ctx.now }), false);
}

export async function addCommentViaTracking(ctx: Ctx, { token, documentId, ...input }: { token: string; documentId: string } & CommentData): Promise<ProposalCommentView> {
  const thread = await trackedThread(ctx, token, documentId);
  const name = thread.proposal.externalContactName ?? thread.proposal.externalInstitution ?? 'Pemrakarsa';
  const author: Author = { principal: { kind: 'tracking_link' }, actor: null, kind: 'initiator', name };
  return toView(await addComment(ctx.db, { thread, author, input, now: ctx.now }), true);
}
