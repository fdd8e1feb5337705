import type { ChangePasswordInput } from '../../../shared/auth';
import type { ActorCtx } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { assertStrongPassword, hashPassword, verifyPassword } from '../../lib/passwords';
import { recordAudit } from '../audit/audit.service';
import { countFailedLogin, endOtherSessionsOfUser } from './credentials.service';
import { selectUserById, updateUserRow, type UserRow } from './users.repository';
import { unitNameOf } from './users.service';

// What a person does with their own account, without an admin: change the password, sign out of
// the other devices. keepTokenHash: the session the request came with, which stays open.

// Wrong current passwords count towards the sign-in lock: a borrowed session cannot guess its way
// to the password (auth.service: MAX_FAILED_LOGINS, LOCK_MINUTES).
export type Lock = { limit: number; minutes: number };

function lockedAccount(): AppError {
  return new AppError({ code: 'TOO_MANY_REQUESTS', message: 'Terlalu banyak percobaan gagal. Coba lagi nanti.', messageEn: 'Too many failed attempts. Try again later.' });
}

// The owner proves it is them with the password before changing how the account signs in.
export async function verifyOwnPassword(ctx: ActorCtx, input: { password: string; field: string; lock: Lock }): Promise<UserRow> {
  const { actor, now } = ctx;
  const user = await selectUserById(ctx.db, actor.id);
  if (!user) throw invalid(input.field, { message: 'Akun tidak ditemukan.', messageEn: 'Account not found.' });
  if (user.lockedUntil && user.lockedUntil > now) throw lockedAccount();
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await countFailedLogin(ctx.db, { userId: user.id, limit: input.lock.limit, lockUntil: new Date(now.getTime() + input.lock.minutes * 60_000) });
    throw invalid(input.field, { message: 'Kata sandi saat ini salah.', messageEn: 'The current password is wrong.' });
  }
  return user;
}

export async function changeOwnPassword(ctx: ActorCtx, input: ChangePasswordInput & { keepTokenHash: string; lock: Lock }): Promise<{ endedSessions: number }> {
  const { actor, now } = ctx;
  const user = await verifyOwnPassword(ctx, { password: input.currentPassword, field: 'currentPassword', lock: input.lock });
  if (input.newPassword === input.currentPassword) {
    throw invalid('newPassword', { message: 'Kata sandi baru harus berbeda dari yang sekarang.', messageEn: 'The new password must differ from the current one.' });
  }
  assertStrongPassword(input.newPassword, { email: user.email, name: user.name, unitName: await unitNameOf(ctx.db, user.unitId) }, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, { id: user.id, version: user.version, patch: { passwordHash }, now });
    await recordAudit(tx, { actor, entity: 'user', entityId: user.id, action: 'password_change', at: now, changes: [{ field: 'password', old: '•••', new: '•••' }] });
    // Whoever else held a session may be why the password is being changed.
    return { endedSessions: await endOtherSessionsOfUser(tx, { userId: user.id, keepTokenHash: input.keepTokenHash }) };
  });
}

export async function endOtherSessions(ctx: ActorCtx, input: { keepTokenHash: string }): Promise<{ endedSessions: number }> {
  const endedSessions = await endOtherSessionsOfUser(ctx.db, { userId: ctx.actor.id, keepTokenHash: input.keepTokenHash });
  await recordAudit(ctx.db, { actor: ctx.actor, entity: 'user', entityId: ctx.actor.id, action: 'sessions_end', at: ctx.now, changes: [{ field: 'sessions', old: endedSessions, new: 0 }] });
  return { endedSessions };
}
