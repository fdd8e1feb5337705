import { randomUUID } from 'node:crypto';
import { CLOSED_PROPOSAL_STATES, ProposalDocumentFieldsSchema, type ProposalDocumentView } from '../../../../shared/proposals';
import type { Db } from '../../../db/client';
import type { ActorCtx, Ctx } from '../../../lib/context';
import { AppError, forbidden, notFound } from '../../../lib/errors';
import { openStoredBody } from '../../../lib/file-store';
import { recordAudit } from '../../audit/audit.service';
import type { ReceivedUpload, UploadLimit } from '../../../lib/multipart';
import { checkPdfUpload } from '../../documents/documents.service';
import { getSettings } from '../../settings/settings.service';
import { toDocumentView } from '../core/proposals.views';
import { loadReadableProposal } from '../core/proposals-access.service';
import { canUploadProposalDocument } from '../core/proposals.policy';
import * as repo from '../core/proposals.repository';
import { closedProposal, PROPOSAL_WHAT, visibleProposal } from '../core/proposals.service';
import type { TransitionActor } from '../transitions/transitions.service';


const MB = 1024 * 1024;

export async function uploadLimit(db: Db, capMb?: number): Promise<UploadLimit> {
  const { maxUploadMb } = await getSettings(db);
  const limitMb = capMb ? Math.min(capMb, maxUploadMb) : maxUploadMb;
  return { limitBytes: limitMb * MB, limitMb };
}

function parseFields(fields: Record<string, string>) {
  const parsed = ProposalDocumentFieldsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || 'body', message: issue.message }));
  const list = issues.map((issue) => `${issue.path} (${issue.message})`).join('; ');
  throw new AppError({ code: 'VALIDATION', message: `Isian tidak valid: ${list}`, messageEn: `Invalid input: ${list}`, field: issues[0]?.path ?? 'body', issues });
}

// Checked before the body is read, so that a refused upload costs no bandwidth.
export async function prepareProposalUpload(ctx: ActorCtx, proposalId: string): Promise<UploadLimit> {
  const row = await visibleProposal(ctx, { id: proposalId });
  if (CLOSED_PROPOSAL_STATES.includes(row.state)) throw closedProposal();
  if (!canUploadProposalDocument(ctx.actor, row)) throw forbidden();
  return uploadLimit(ctx.db);
}

// Shared by staff uploads and the initiator's private link: the next version of its type, with its
// timeline entry and audit row in one transaction; the stored file is removed again if that fails.
export async function storeProposalDocument(
  ctx: Pick<Ctx, 'db' | 'files' | 'now'>,
  options: {
    proposalId: string;
    upload: ReceivedUpload;
    limit: UploadLimit;
    by: TransitionActor;
    // Runs in the same transaction once the row is written (checks and notices of the caller).
    onStored?: (tx: Db, proposal: repo.ProposalRow, document: repo.ProposalDocumentRow) => Promise<void>;
  },
): Promise<ProposalDocumentView> {
  const { db, files, now } = ctx;
  const fields = parseFields(options.upload.fields);
  const { bytes, pagesWithoutText: _pagesWithoutText, ...pdf } = await checkPdfUpload(options.upload.file, options.limit);
  const storageKey = `proposals/${randomUUID()}.pdf`;
  await files.put(storageKey, bytes);
  try {
    return await db.transaction(async (tx) => {
      // The caller checked who may upload (staff through loadReadableProposal, the initiator through the link).
      // eslint-disable-next-line no-restricted-syntax
      const proposal = await repo.lockProposal(tx, options.proposalId);
      if (!proposal) throw notFound(...PROPOSAL_WHAT);
      if (CLOSED_PROPOSAL_STATES.includes(proposal.state)) throw closedProposal();
      const row = await repo.insertDocument(tx, {
        proposalId: proposal.id,
        docType: fields.docType,
        versionNo: await repo.nextDocumentVersion(tx, { proposalId: proposal.id, docType: fields.docType }),
        ...pdf,
        storageKey,
        note: fields.note ?? null,
        uploadedVia: options.by.actor ? 'staff' : 'tracking_link',
        uploadedBy: options.by.actor?.id ?? null,
        createdAt: now,
      });
      const summary = { docType: row.docType, versionNo: row.versionNo, fileName: row.fileName, sha256: row.sha256 };
      const actorLabel = options.by.actor ? options.by.actor.email : options.by.label;
      await repo.insertEvent(tx, { proposalId: proposal.id, at: now, action: 'document_upload', note: row.note, details: summary, actorId: options.by.actor?.id ?? null, actorLabel });
      await recordAudit(tx, { actor: options.by.actor, entity: 'proposal', entityId: proposal.id, action: 'document_upload', at: now, changes: [{ field: 'document', old: null, new: { ...summary, by: actorLabel } }] });
      await options.onStored?.(tx, proposal, row);
      return toDocumentView(row, true);
    });
  } catch (error) {
    await files.remove(storageKey);
    throw error;
  }
}

export async function uploadProposalDocument(ctx: ActorCtx, { proposalId, upload }: { proposalId: string; upload: ReceivedUpload }): Promise<ProposalDocumentView> {
  const limit = await prepareProposalUpload(ctx, proposalId);
  return storeProposalDocument(ctx, { proposalId, upload, limit, by: { actor: ctx.actor } });
}

export async function openProposalDocument(ctx: ActorCtx, documentId: string) {
  const document = await repo.findDocument(ctx.db, documentId);
  if (!document) throw notFound('Dokumen usulan', 'Proposal document');
  await loadReadableProposal(ctx, { id: document.proposalId });
  const body = await openStoredBody(ctx.files, document.storageKey);
  if (!body) throw notFound('Berkas dokumen', 'Document file');
  return { body, fileName: document.fileName, mimeType: document.mimeType };
}
