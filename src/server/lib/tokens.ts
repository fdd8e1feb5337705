import { createHash, randomBytes } from 'node:crypto';

// A secret that travels to one person (a session cookie, a mailed link): 256 random bits.
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

// What the database keeps of such a secret: enough to recognise it, useless to whoever reads the table.
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
