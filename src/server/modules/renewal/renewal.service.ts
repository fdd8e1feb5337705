import type { AgreementView } from '../../../shared/agreements';
import { RecordRenewalSchema, type RecordRenewalInput, type RenewalView } from '../../../shared/renewal';
import { localDate, type ActorCtx } from '../../lib/context';
import { AppError, forbidden, invalid, staleVersion } from '../../lib/errors';
import { endAgreement, getAgreement } from '../agreements/agreements.service';
import { parseInput } from '../agreements/agreements.rules';
import { recordAudit } from '../audit/audit.service';
import { latestEvaluationAnswers } from '../evaluation/evaluation.service';
import { extensionLetterViewOf } from './extension-letter.service';
import { canDecideRenewal, canReadRenewal } from './renewal.policy';
import * as repo from './renewal.repository';
import { checkRenewal, daysLeftOf, evaluationWindowStart, evaluationsComplete, extensionLetterDueOn } from './renewal.rules';

const unitIdsOf = (agreement: AgreementView) => agreement.units.map((unit) => unit.id);

async function viewOf(ctx: ActorCtx, agreement: AgreementView): Promise<RenewalView> {
  const on = localDate(ctx.now);
  const since = evaluationWindowStart(on);
  const answers = await latestEvaluationAnswers(ctx.db, { agreementId: agreement.id, since });
  const evaluations = { opdAnsweredOn: answers.opd ? localDate(answers.opd) : null, partnerAnsweredOn: answers.partner ? localDate(answers.partner) : null, since };
  const decision = await repo.selectDecision(ctx.db, agreement.id);
  // A decision made for an earlier end date (before an adendum moved it) no longer answers.
  const current = decision && decision.endsOn === agreement.endsOn ? decision : null;
  return {
    agreementId: agreement.id,
    endsOn: agreement.endsOn,
    daysLeft: daysLeftOf(agreement.endsOn, on),
    extensionLetterDueOn: extensionLetterDueOn(agreement),
    extensionLetter: extensionLetterViewOf(ctx, agreement),
    evaluations,
    evaluationsComplete: evaluationsComplete(evaluations),
    decision: current
      ? {
          decision: current.decision,
          reason: current.reason,
          endReason: current.endReason,
          overrideReason: current.overrideReason,
          decidedAt: current.decidedAt.toISOString(),
          decidedBy: current.decidedByName,
        }
      : null,
    abilities: { canDecide: canDecideRenewal(ctx.actor) && !current && isInForce(agreement) },
  };
}

function isInForce(agreement: AgreementView): boolean {
  return agreement.status === 'aktif' || agreement.status === 'akan_berakhir';
}

// The register's own read rule first (404, or 403 for a draft), then who follows the agreement.
async function readableAgreement(ctx: ActorCtx, agreementId: string): Promise<AgreementView> {
  const agreement = await getAgreement(ctx, agreementId);
  if (!canReadRenewal(ctx.actor, { unitIds: unitIdsOf(agreement) })) throw forbidden();
  return agreement;
}

export async function getRenewal(ctx: ActorCtx, input: { agreementId: string }): Promise<RenewalView> {
  return viewOf(ctx, await readableAgreement(ctx, input.agreementId));
}

const alreadyDecided = () =>
  new AppError({ code: 'CONFLICT', message: 'Keputusan perpanjangan untuk naskah ini sudah dicatat.', messageEn: 'A renewal decision for this agreement is already recorded.', field: 'decision' });

// Extend, end early (with a PP 28/2018 reason: the agreement ends in the same transaction) or let it
// lapse. Recording any of them stops the expiry alerts for the agreement's current end date.
export async function recordRenewal(ctx: ActorCtx, { agreementId, ...raw }: RecordRenewalInput & { agreementId: string }): Promise<RenewalView> {
  if (!canDecideRenewal(ctx.actor)) throw forbidden();
  const input = parseInput(RecordRenewalSchema, raw);
  const agreement = await readableAgreement(ctx, agreementId);
  if (!isInForce(agreement)) {
    throw invalid('decision', { message: 'Naskah ini tidak sedang berlaku; keputusan perpanjangan hanya untuk naskah yang berlaku.', messageEn: 'This agreement is not in force; a renewal decision is only for an agreement in force.' });
  }
  if (agreement.version !== input.version) throw staleVersion();
  const before = await viewOf(ctx, agreement);
  if (before.decision) throw alreadyDecided();
  checkRenewal(input, before.evaluations);
  await ctx.db.transaction(async (tx) => {
    const values = {
      agreementId,
      decision: input.decision,
      reason: input.reason,
      endReason: input.decision === 'end_early' ? (input.endReason ?? null) : null,
      overrideReason: input.decision === 'extend' && !before.evaluationsComplete ? (input.overrideReason ?? null) : null,
      endsOn: agreement.endsOn,
      decidedBy: ctx.actor.id,
      decidedAt: ctx.now,
    };
    if (!(await repo.insertDecision(tx, values))) throw alreadyDecided();
    const changes = Object.entries(values)
      .filter(([field, value]) => value !== null && !['agreementId', 'decidedBy', 'decidedAt'].includes(field))
      .map(([field, value]) => ({ field, old: null, new: value }));
    await recordAudit(tx, { actor: ctx.actor, entity: 'agreement', entityId: agreementId, action: 'renewal_decision', changes, at: ctx.now });
    if (input.decision === 'end_early' && input.endReason && input.endedOn) {
      await endAgreement({ ...ctx, db: tx }, { id: agreementId, kind: 'diakhiri', endedOn: input.endedOn, reason: input.endReason, note: input.reason, version: input.version });
    }
  });
  return viewOf(ctx, await getAgreement(ctx, agreementId));
}
