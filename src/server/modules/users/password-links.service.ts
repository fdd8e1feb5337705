import type { ForgotPasswordInput, PasswordLinkPurpose, PasswordLinkView, SetPasswordByLinkInput } from '../../../shared/auth';
import type { Db } from '../../db/client';
import type { Actor, Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { assertStrongPassword, hashPassword } from '../../lib/passwords';
import { hashToken, newToken } from '../../lib/tokens';
import { recordAudit } from '../audit/audit.service';
import { deliverMail, queueMail, type MailCtx } from '../mail/mail.service';
import { findUnit } from '../units/units.service';
import { endSessionsOfUser } from './credentials.service';
import { passwordLinkMail } from './password-links.notices';
import * as links from './password-links.repository';
import { selectUserByEmail, updateUserRow, type UserRow } from './users.repository';

// A mailed, single-use, expiring link that sets an account's password without the old one: the
// person who forgot it asks for one ('reset'); the admin sends one instead of typing a first
// password ('invite'). Decision 0031.

export const LINK_MINUTES: Record<PasswordLinkPurpose, number> = { reset: 60, invite: 7 * 24 * 60 };
// Per account: more requests within the hour answer the same but mail nothing, so the form cannot
// be used to flood someone's inbox.
export const RESET_MAILS_PER_HOUR = 3;

function linkGone(): AppError {
  return new AppError({
    code: 'NOT_FOUND',
    message: 'Tautan ini tidak berlaku lagi: sudah dipakai, sudah kedaluwarsa, atau diganti tautan yang lebih baru. Minta tautan baru.',
    messageEn: 'This link no longer works: it was used, it expired, or a newer one replaced it. Ask for a new link.',
    field: 'token',
  });
}

// In the caller's transaction: replaces the account's earlier unused link of this purpose and queues
// the mail that carries the new one (the token leaves only there). Returns the mail's id.
export async function issuePasswordLink(ctx: MailCtx & { actor: Actor | null }, input: { user: Pick<UserRow, 'id' | 'email' | 'name'>; purpose: PasswordLinkPurpose }): Promise<string> {
  const { db, now } = ctx;
  const { user, purpose } = input;
  const token = newToken();
  const validMinutes = LINK_MINUTES[purpose];
  const expiresAt = new Date(now.getTime() + validMinutes * 60_000);
  await links.retireUnusedLinks(db, { userId: user.id, purpose, now });
  await links.deleteExpiredResetLinks(db, now);
  await links.insertPasswordLink(db, { tokenHash: hashToken(token), userId: user.id, purpose, createdAt: now, expiresAt });
  const action = purpose === 'reset' ? 'password_reset_request' : 'invitation_send';
  await recordAudit(db, { actor: ctx.actor, actorLabel: 'public', entity: 'user', entityId: user.id, action, at: now, changes: [{ field: 'passwordLink.expiresAt', old: null, new: expiresAt.toISOString() }] });
  return queueMail(ctx, passwordLinkMail(ctx, { purpose, to: user.email, name: user.name, userId: user.id, token, expiresAt, validMinutes }));
}

// The same answer whether the address has an account or not; the mail leaves after the answer, so
// the time an SMTP server takes does not tell either. An inactive account gets no link.
export async function requestPasswordReset(ctx: Ctx, input: ForgotPasswordInput): Promise<void> {
  const user = await selectUserByEmail(ctx.db, input.email);
  if (!user?.isActive) return;
  const since = new Date(ctx.now.getTime() - 3600_000);
  if ((await links.countLinksSince(ctx.db, { userId: user.id, purpose: 'reset', since })) >= RESET_MAILS_PER_HOUR) return;
  const mailId = await ctx.db.transaction((tx) => issuePasswordLink({ ...ctx, db: tx }, { user, purpose: 'reset' }));
  // A failure leaves the mail pending in the outbox; it must never surface as an unhandled rejection.
  deliverMail(ctx, [mailId]).catch(() => undefined);
}

async function liveLink(db: Db, token: string, now: Date) {
  const found = await links.selectLinkWithUser(db, hashToken(token));
  if (!found || found.link.usedAt || found.link.expiresAt <= now || !found.user.isActive) throw linkGone();
  return found;
}

export async function readPasswordLink(ctx: Ctx, input: { token: string }): Promise<PasswordLinkView> {
  const { link, user } = await liveLink(ctx.db, input.token, ctx.now);
  return { purpose: link.purpose, email: user.email, name: user.name };
}

// Sets the password, ends every session of the account (whoever held one may be why it was
// forgotten), lifts the sign-in lock and retires every other unused link of the account.
export async function setPasswordByLink(ctx: Ctx, input: SetPasswordByLinkInput): Promise<void> {
  const { link, user } = await liveLink(ctx.db, input.token, ctx.now);
  const unitName = user.unitId ? ((await findUnit(ctx.db, user.unitId))?.name ?? null) : null;
  assertStrongPassword(input.password, { email: user.email, name: user.name, unitName });
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    if (!(await links.consumeLink(tx, { tokenHash: link.tokenHash, now: ctx.now }))) throw linkGone();
    await links.retireUnusedLinks(tx, { userId: user.id, now: ctx.now });
    await updateUserRow(tx, { id: user.id, version: user.version, patch: { passwordHash, failedLogins: 0, lockedUntil: null }, now: ctx.now });
    await endSessionsOfUser(tx, user.id);
    const action = link.purpose === 'reset' ? 'password_reset' : 'invitation_accept';
    await recordAudit(tx, { actor: null, actorLabel: user.email, entity: 'user', entityId: user.id, action, at: ctx.now, changes: [{ field: 'password', old: '•••', new: '•••' }] });
  });
}

// The admin sets a password by hand: an invitation still out there must stop working.
export async function retireInvitations(db: Db, input: { userId: string; now: Date }): Promise<void> {
  await links.retireUnusedLinks(db, { userId: input.userId, purpose: 'invite', now: input.now });
}

export async function pendingInvitations(db: Db, userId?: string): Promise<Set<string>> {
  return links.selectUserIdsWithUnusedInvitation(db, userId);
}
