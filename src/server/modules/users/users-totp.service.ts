import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { TotpSetup, TotpStatus } from '../../../shared/auth';
import type { Db } from '../../db/client';
import type { ActorCtx, Ctx } from '../../lib/context';
import { invalid, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { claimStep, deleteUserTotp, promotePendingSecret, selectUserTotp, upsertPendingSecret } from './user-totp.repository';
import { selectUserByEmail, selectUserById } from './users.repository';
import { verifyOwnPassword, type Lock } from './users-self.service';

// Two-step sign-in with an authenticator app (TOTP, RFC 6238: six digits, a new code every 30
// seconds, SHA-1 — what every common app reads from the QR code). The library (otpauth) makes
// and checks the codes; this file decides when a code is asked for and that it is used only once.
// See docs/decisions/0027-two-step-sign-in.md.

const PERIOD_SECONDS = 30;
// One step either side: a phone clock a little off, or a code typed as it changed.
const WINDOW = 1;
const ISSUER = 'Jalin';

function totpOf(secret: string, label = ''): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: OTPAuth.Secret.fromBase32(secret) });
}

// The 30-second step the code belongs to, or null when it is not a code of this secret now.
function stepOf(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

const wrongCode = (field: string) => invalid(field, { message: 'Kode dari aplikasi autentikator salah atau sudah dipakai.', messageEn: 'The authenticator code is wrong or was already used.' });

export async function totpStatus(ctx: ActorCtx): Promise<TotpStatus> {
  const row = await selectUserTotp(ctx.db, ctx.actor.id);
  return { isEnabled: Boolean(row?.secret), enabledAt: row?.enabledAt?.toISOString() ?? null };
}

// Step one: after the password, a fresh secret to put in the app (QR code or typed by hand).
export async function beginTotpSetup(ctx: ActorCtx, input: { password: string; lock: Lock }): Promise<TotpSetup> {
  const user = await verifyOwnPassword(ctx, { password: input.password, field: 'password', lock: input.lock });
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await upsertPendingSecret(ctx.db, user.id, secret);
  const uri = totpOf(secret, user.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

// Step two: a code from the app proves it holds the secret; only then does sign-in ask for codes.
export async function confirmTotpSetup(ctx: ActorCtx, input: { code: string }): Promise<TotpStatus> {
  const { actor, now } = ctx;
  const row = await selectUserTotp(ctx.db, actor.id);
  if (!row?.pendingSecret) throw invalid('code', { message: 'Mulai penyiapan lagi: belum ada kode QR yang menunggu.', messageEn: 'Start the set-up again: no QR code is waiting.' });
  const step = stepOf(row.pendingSecret, input.code, now);
  if (step === null) throw wrongCode('code');
  await ctx.db.transaction(async (tx) => {
    if (!(await promotePendingSecret(tx, { userId: actor.id, secret: row.pendingSecret ?? '', enabledAt: now, lastStep: step }))) throw wrongCode('code');
    await recordAudit(tx, { actor, entity: 'user', entityId: actor.id, action: 'totp_enable', at: now, changes: [{ field: 'twoStep', old: Boolean(row.secret), new: true }] });
  });
  return { isEnabled: true, enabledAt: now.toISOString() };
}

// The owner turns it off with the password: the phone may be the thing that was lost.
export async function disableOwnTotp(ctx: ActorCtx, input: { password: string; lock: Lock }): Promise<TotpStatus> {
  const user = await verifyOwnPassword(ctx, { password: input.password, field: 'password', lock: input.lock });
  await removeTotp(ctx, user.id);
  return { isEnabled: false, enabledAt: null };
}

// An admin turns it off for someone who lost their phone; they sign in with the password alone
// and can set it up again.
export async function resetTotpOf(ctx: ActorCtx, userId: string): Promise<TotpStatus> {
  if (!(await selectUserById(ctx.db, userId))) throw notFound('Pengguna', 'User');
  await removeTotp(ctx, userId);
  return { isEnabled: false, enabledAt: null };
}

// The same from the server's command line, for the one admin who lost the phone (no other admin
// to ask). Says whether two-step sign-in was on.
export async function resetTotpByEmail(ctx: Ctx, email: string): Promise<boolean> {
  const user = await selectUserByEmail(ctx.db, email.trim().toLowerCase());
  if (!user) throw notFound('Pengguna', 'User');
  return removeTotp(ctx, user.id);
}

async function removeTotp(ctx: Ctx, userId: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const wasOn = await deleteUserTotp(tx, userId);
    if (wasOn) {
      await recordAudit(tx, { actor: ctx.actor, actorLabel: 'cli', entity: 'user', entityId: userId, action: 'totp_disable', at: ctx.now, changes: [{ field: 'twoStep', old: true, new: false }] });
    }
    return wasOn;
  });
}

export type SignInCodeCheck = 'not-enabled' | 'accepted' | 'missing' | 'wrong';

// Asked by sign-in once the password was right.
export async function checkSignInCode(db: Db, input: { userId: string; code: string | undefined; now: Date }): Promise<SignInCodeCheck> {
  const row = await selectUserTotp(db, input.userId);
  if (!row?.secret) return 'not-enabled';
  if (!input.code?.trim()) return 'missing';
  const step = stepOf(row.secret, input.code, input.now);
  if (step === null) return 'wrong';
  return (await claimStep(db, input.userId, step)) ? 'accepted' : 'wrong';
}
