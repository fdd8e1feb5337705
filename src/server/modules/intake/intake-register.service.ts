import type { AcceptIntakeResult } from '../../../shared/intake';
import type { ActorCtx } from '../../lib/context';
import { createAgreement } from '../agreements/agreements.service';
import { acceptInto } from './intake-accept.service';
import { checkIntakeAccess } from './intake.service';

// "Kerja sama baru" from a signed scan (issue 13, part 3): the form was prefilled from the scan and
// the person confirmed or corrected every field; the agreement is created as the form says, with
// the scan as its signed text, in one transaction — or nothing is written.
export async function registerFromScan(ctx: ActorCtx, input: { fileId: string; body: unknown }): Promise<AcceptIntakeResult> {
  checkIntakeAccess(ctx);
  return acceptInto(ctx, {
    fileId: input.fileId,
    decide: async (tx) => {
      // createAgreement checks the body as POST /api/agreements does (same schema, same rules).
      const created = await createAgreement({ ...tx, actor: ctx.actor }, input.body as Parameters<typeof createAgreement>[1]);
      return { agreementId: created.id, isNew: true, filled: [], conflictsKept: [] };
    },
  });
}
