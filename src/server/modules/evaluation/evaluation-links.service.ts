import { randomBytes } from 'node:crypto';
import type { CreatePartnerLinkInput, PartnerLinkAnswer, PartnerLinkView } from '../../../shared/evaluation-links';
import type { ActorCtx } from '../../lib/context';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors';
import { loadAgreementViews } from '../agreements/agreements.service';
import { recordAudit } from '../audit/audit.service';
import { deliverMail, queueMail } from '../mail/mail.service';
import { hashToken } from '../proposals/tracking/tracking-links.service';
import { partnerLinkMail } from './evaluation-links.notices';
import * as linkRepo from './evaluation-links.repository';
import { linkExpiry, partnerLinkViewOf } from './evaluation-links.rules';
import { canManagePartnerLink } from './evaluation.policy';
import * as repo from './evaluation.repository';
import { getEvaluation } from './evaluation.service';

function notOpen(): AppError {
  return new AppError({ code: 'CONFLICT', message: 'Evaluasi ini sudah final; tautan mitra hanya untuk evaluasi yang terbuka.', messageEn: 'This evaluation is final; a partner link is only for an open evaluation.' });
}

// The evaluation as the division reads it (404/403 from its own rules), before any transaction.
async function managedEvaluation(ctx: ActorCtx, evaluationId: string) {
  if (!canManagePartnerLink(ctx.actor)) throw forbidden();
  return getEvaluation(ctx, { evaluationId });
}

// Sends the partner a new private link to this one open evaluation; the previous link stops
// working in the same step, so only one is ever live. The token leaves only in the mail.
export async function sendPartnerLink(ctx: ActorCtx, input: CreatePartnerLinkInput & { evaluationId: string }): Promise<PartnerLinkView> {
  const evaluation = await managedEvaluation(ctx, input.evaluationId);
  if (evaluation.status !== 'open') throw notOpen();
  const [agreement] = await loadAgreementViews(ctx, [evaluation.agreementId]);
  const partnerNames = agreement?.partners.map((partner) => partner.name) ?? [];
  const { link, mailId } = await ctx.db.transaction(async (tx) => {
    const locked = await repo.selectEvaluation(tx, { id: evaluation.id, forUpdate: true });
    if (locked?.status !== 'open') throw notOpen();
    const previous = await linkRepo.selectLatestLink(tx, evaluation.id);
    const email = input.email ?? previous?.email;
    if (!email) throw invalid('email', { message: 'Isi alamat e-mail mitra.', messageEn: "Fill in the partner's e-mail address." });
    const replaced = await linkRepo.revokeLiveLink(tx, { evaluationId: evaluation.id, now: ctx.now });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = linkExpiry(ctx.now, { validDays: input.validDays });
    const created = await linkRepo.insertLink(tx, { evaluationId: evaluation.id, email, tokenHash: hashToken(token), expiresAt, createdBy: ctx.actor.id, now: ctx.now });
    const mail = partnerLinkMail(ctx, { to: email, token, evaluationId: evaluation.id, agreementTitle: evaluation.agreementTitle, partnerNames, period: evaluation.period, expiresAt });
    const queued = await queueMail({ ...ctx, db: tx }, mail);
    await recordAudit(tx, {
      actor: ctx.actor,
      entity: 'evaluation',
      entityId: evaluation.id,
      action: 'partner_link_send',
      at: ctx.now,
      changes: [
        { field: 'partnerLink.sentTo', old: replaced?.email ?? null, new: email },
        { field: 'partnerLink.expiresAt', old: replaced?.expiresAt.toISOString() ?? null, new: expiresAt.toISOString() },
      ],
    });
    return { link: created, mailId: queued };
  });
  await deliverMail(ctx, [mailId]);
  return partnerLinkViewOf(link, ctx.now);
}

// The division withdraws the live link: the partner's address answers "revoked" from now on.
export async function revokePartnerLink(ctx: ActorCtx, input: { evaluationId: string }): Promise<PartnerLinkView> {
  const evaluation = await managedEvaluation(ctx, input.evaluationId);
  const revoked = await ctx.db.transaction(async (tx) => {
    const row = await linkRepo.revokeLiveLink(tx, { evaluationId: evaluation.id, now: ctx.now });
    if (!row) throw notFound('Tautan mitra yang berlaku', 'A live partner link');
    await recordAudit(tx, { actor: ctx.actor, entity: 'evaluation', entityId: evaluation.id, action: 'partner_link_revoke', at: ctx.now, changes: [{ field: 'partnerLink.revokedAt', old: null, new: ctx.now.toISOString() }] });
    return row;
  });
  return partnerLinkViewOf(revoked, ctx.now);
}

// The state of the evaluation's newest link (sent to, expires, revoked, answered), never the token.
export async function readPartnerLink(ctx: ActorCtx, input: { evaluationId: string }): Promise<PartnerLinkAnswer> {
  const evaluation = await managedEvaluation(ctx, input.evaluationId);
  const link = await linkRepo.selectLatestLink(ctx.db, evaluation.id);
  return { link: link ? partnerLinkViewOf(link, ctx.now) : null };
}
