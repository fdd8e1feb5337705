import type { AcceptIntakeResult } from '../../../shared/intake';
import type { ActorCtx } from '../../lib/context';
import { createAgreement } from '../agreements/agreements.service';
import { readPdfContent } from '../documents/documents.service';
import { attachScan, lockedReadyFile } from './intake-accept.service';
import { checkIntakeAccess } from './intake.service';
import * as repo from './intake.repository';

// "Kerja sama baru" from a signed scan (issue 13, part 3): the form was prefilled from the scan and
// the person confirmed or corrected every field; the agreement is created as the form says, with
// the scan as its signed text, in one transaction — or nothing is written.
export async function registerFromScan(ctx: ActorCtx, input: { fileId: string; body: unknown }): Promise<AcceptIntakeResult> {
  checkIntakeAccess(ctx);
  const before = await repo.findFile(ctx.db, { id: input.fileId });
  const activeContent = before?.storageKey ? (await readPdfContent(await ctx.files.get(before.storageKey))).activeContent : [];
  return ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    const file = await lockedReadyFile(db, input.fileId);
    // createAgreement checks the body as POST /api/agreements does (same schema, same rules).
    const created = await createAgreement(tx, input.body as Parameters<typeof createAgreement>[1]);
    const documentId = await attachScan(tx, { file, agreementId: created.id, activeContent });
    await repo.recordDecision(db, { id: file.id, state: 'accepted', acceptedAgreementId: created.id, decidedBy: ctx.actor.id, decidedAt: ctx.now });
    return { fileId: file.id, agreementId: created.id, documentId, isNew: true, filled: [], conflictsKept: [] };
  });
}
