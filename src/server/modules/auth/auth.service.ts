import type { SessionUser } from '../../../shared/roles';
import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { DUMMY_HASH, verifyPassword } from '../../lib/passwords';
import { hashToken, newToken } from '../../lib/tokens';
import { recordAudit } from '../audit/audit.service';
import { checkSignInCode } from '../users/users-totp.service';
import { countFailedLogin, endSession, extendSession, findLiveSession, findLoginAccount, openSession, releaseLoginLock } from '../users/credentials.service';

// Signing in and out: the password check, the lock after repeated failures, the session token
// and its lifetime. The account and its sessions are stored by the users module.

export const SESSION_COOKIE = 'jalin_session';
export const SESSION_HOURS = 12;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
// Sliding expiry, written at most this often to keep reads cheap.
const SESSION_TOUCH_MS = 5 * 60_000;

export { hashToken };

function sessionEnd(now: Date): Date {
  return new Date(now.getTime() + SESSION_HOURS * 3600_000);
}

const wrongCredentials = () =>
  new AppError({
    code: 'UNAUTHENTICATED',
    message: 'E-mail atau kata sandi salah.',
    messageEn: 'Wrong e-mail or password.',
  });

function lockedOut(lockedUntil: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError({
    code: 'TOO_MANY_REQUESTS',
    message: `Terlalu banyak percobaan gagal. Coba lagi dalam ${minutes} menit.`,
    messageEn: `Too many failed attempts. Try again in ${minutes} minutes.`,
    details: { retryAfterSeconds: seconds },
  });
}

// The password was right; the account also asks for its authenticator's code. The field tells the
// sign-in form to show the code box (and keep the password it already holds).
function codeNeeded(isWrong: boolean): AppError {
  return new AppError({
    code: 'UNAUTHENTICATED',
    field: 'totpCode',
    message: isWrong ? 'Kode dari aplikasi autentikator salah atau sudah dipakai.' : 'Masukkan kode 6 angka dari aplikasi autentikator Anda.',
    messageEn: isWrong ? 'The authenticator code is wrong or was already used.' : 'Enter the 6-digit code from your authenticator app.',
  });
}

export async function login(ctx: Ctx, input: { email: string; password: string; totpCode?: string | undefined }): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const { db, now } = ctx;
  const account = await findLoginAccount(db, input.email.trim().toLowerCase());
  if (!account || !account.isActive) {
    // The same work as a real check, so the answer's timing does not tell which e-mails exist.
    await verifyPassword(DUMMY_HASH, input.password);
    throw wrongCredentials();
  }
  const { user } = account;
  if (account.lockedUntil && account.lockedUntil > now) throw lockedOut(account.lockedUntil, now);
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await countFailedLogin(db, { userId: user.id, limit: MAX_FAILED_LOGINS, lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60000) });
    throw wrongCredentials();
  }
  const code = await checkSignInCode(db, { userId: user.id, code: input.totpCode, now });
  if (code === 'missing') throw codeNeeded(false);
  if (code === 'wrong') {
    // A wrong code counts like a wrong password: the lock stops guessing six digits.
    await countFailedLogin(db, { userId: user.id, limit: MAX_FAILED_LOGINS, lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60000) });
    throw codeNeeded(true);
  }
  const token = newToken();
  const expiresAt = sessionEnd(now);
  await db.transaction(async (tx) => {
    const release = await releaseLoginLock(tx, { userId: user.id, now });
    if (!release.isReleased) throw lockedOut(release.lockedUntil ?? now, now);
    await openSession(tx, { tokenHash: hashToken(token), userId: user.id, now, expiresAt });
    await recordAudit(tx, { actor: user, entity: 'user', entityId: user.id, action: 'login', at: now });
  });
  return { token, user, expiresAt };
}

export async function findSessionUser(ctx: Ctx, token: string): Promise<SessionUser | null> {
  const { db, now } = ctx;
  const tokenHash = hashToken(token);
  const session = await findLiveSession(db, { tokenHash, now });
  if (!session || !session.isActive) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await extendSession(db, { tokenHash, lastSeenAt: now, expiresAt: sessionEnd(now) });
  }
  return session.user;
}

export async function logout(ctx: Ctx, token: string): Promise<void> {
  await endSession(ctx.db, hashToken(token));
}
