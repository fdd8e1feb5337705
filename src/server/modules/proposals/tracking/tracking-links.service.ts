import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../../../lib/context';
import { AppError } from '../../../lib/errors';
import * as linkRepo from './tracking-links.repository';

export type LinkPurpose = 'confirm' | 'track';

// The database (the pool or a transaction) and the clock the link is issued, checked or used against.
export type LinkCtx = Pick<Ctx, 'db' | 'now'>;

// A confirmation is answered at once or not at all; a tracking link lasts the life of a proposal's procedure.
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = { confirm: 48 * 3600_000, track: 365 * 24 * 3600_000 };

// 256 random bits; only the SHA-256 is stored, so the table alone opens nothing.
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function revokeLinks(ctx: LinkCtx, { proposalId, purpose }: { proposalId: string; purpose: LinkPurpose }): Promise<number> {
  return linkRepo.revokeOpenLinks(ctx.db, { proposalId, purpose, now: ctx.now });
}

// A new tracking link replaces the old one: only one works at a time.
export async function issueLink(ctx: LinkCtx, { proposalId, purpose }: { proposalId: string; purpose: LinkPurpose }): Promise<{ token: string; expiresAt: Date }> {
  if (purpose === 'track') await revokeLinks(ctx, { proposalId, purpose: 'track' });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now.getTime() + LINK_LIFETIME_MS[purpose]);
  await linkRepo.insertLink(ctx.db, { proposalId, purpose, tokenHash: hashToken(token), expiresAt, createdAt: ctx.now });
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

export async function resolveLink(ctx: LinkCtx, { token, purpose, lock }: { token: string; purpose: LinkPurpose; lock?: boolean }): Promise<linkRepo.LinkRow> {
  const link = await linkRepo.findLinkByHash(ctx.db, { tokenHash: hashToken(token), purpose, lock });
  if (!link) throw unusable('unknown');
  if (link.revokedAt) throw unusable('revoked');
  if (link.expiresAt <= ctx.now) throw unusable('expired');
  return link;
}

export async function markLinkUsed(ctx: LinkCtx, { linkId }: { linkId: string }): Promise<void> {
  await linkRepo.setLinkUsed(ctx.db, { linkId, now: ctx.now });
}
