import type { AgreementHealthView } from '../../../shared/agreement-health';
import type { ActorCtx } from '../../lib/context';
import { getAgreement } from '../agreements/agreements.service';
import { latestFinalBand } from '../evaluation/evaluation.service';
import { healthAsOf } from '../monitoring/agreement-health.service';

// One agreement's health for whoever may read the agreement (its read rules answer 403/404 first).
// Health is derived across the register (a KB lives through its PKS), so this reads the register's
// facts; the stored health table of decision 0016 is what will make it cheap at scale.
export async function agreementHealthOf(ctx: ActorCtx, input: { agreementId: string }): Promise<AgreementHealthView> {
  await getAgreement(ctx, input.agreementId);
  const band = await latestFinalBand(ctx.db, { agreementId: input.agreementId });
  const all = await healthAsOf(ctx, { lastBands: new Map([[input.agreementId, band]]) });
  return { health: all.get(input.agreementId) ?? null };
}
