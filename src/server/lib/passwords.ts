import { hash, verify } from '@node-rs/argon2';
import type { PasswordUserData } from '../../shared/password-rules';
import { checkPasswordStrength } from '../../shared/password-strength';
import { invalid } from './errors';

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended floor.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so a wrong address costs as long as a wrong password.
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$rnm+G4zOg7tW/gPochA7aQ$tmegBUlQZmpFEs8CNMJDp96ghOyNAY1NZRdWipoKxtI';

// Every path that sets a password goes through here (admin, CLI, first start-up, reset): one rule,
// one message naming what is weak and how to do better.
// field: the form field the message belongs under.
export function assertStrongPassword(password: string, user: PasswordUserData, field = 'password'): void {
  const verdict = checkPasswordStrength(password, user);
  if (!verdict.isStrong) throw invalid(field, { message: verdict.message, messageEn: verdict.messageEn });
}
