import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client';
import { AppError } from '../../../lib/errors';
import * as linkRepo from './tracking-links.repository';

export type LinkPurpose = 'confirm' | 'track';

// A confirmation is answered at once or not at all; a tracking link lasts the life of a proposal's procedure.
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = { confirm: 48 * 3600_000, track: 365 * 24 * 3600_000 };

// 256 random bits; only the SHA-256 is stored, so the table alone opens nothing.
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function revokeLinks(db: Db, proposalId: string, purpose: LinkPurpose, now: Date): Promise<number> {
  return linkRepo.revokeOpenLinks(db, { proposalId, purpose, now });
}

// A new tracking link replaces the old one: only one works at a time.
export async function issueLink(db: Db, proposalId: string, purpose: LinkPurpose, now: Date): Promise<{ token: string; expiresAt: Date }> {
  if (purpose === 'track') await revokeLinks(db, proposalId, 'track', now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[purpose]);
  await linkRepo.insertLink(db, { proposalId, purpose, tokenHash: hashToken(token), expiresAt, createdAt: now });
  return { token, expiresAt };
}

function unusable(reason: 'unknown' | 'revoked' | 'expired'): AppError {
  const texts = {
    unknown: ['Tautan tidak dikenal. Periksa kembali alamat yang Anda buka.', 'Unknown link. Check the address you opened.'],
    revoked: ['Tautan ini telah dicabut. Hubungi Bagian Kerja Sama untuk tautan baru.', 'This link has been revoked. Ask the Cooperation Division for a new one.'],
    expired: ['Tautan ini telah kedaluwarsa. Hubungi Bagian Kerja Sama untuk tautan baru.', 'This link has expired. Ask the Cooperation Division for a new one.'],
  } as const;
  const [message, messageEn] = texts[reason];
  return new AppError({ code: 'NOT_FOUND', message, messageEn, details: { reason } });
}

export async function resolveLink(db: Db, token: string, purpose: LinkPurpose, now: Date, options: { lock?: boolean } = {}): Promise<linkRepo.LinkRow> {
  const link = await linkRepo.findLinkByHash(db, { tokenHash: hashToken(token), purpose, lock: options.lock });
  if (!link) throw unusable('unknown');
  if (link.revokedAt) throw unusable('revoked');
  if (link.expiresAt <= now) throw unusable('expired');
  return link;
}

export async function markLinkUsed(db: Db, linkId: string, now: Date): Promise<void> {
  await linkRepo.setLinkUsed(db, linkId, now);
}
