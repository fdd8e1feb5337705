import { PARTNER_LINK_DEFAULT_DAYS, type PartnerLinkState, type PartnerLinkView } from '../../../shared/evaluation-links';
import { AppError } from '../../lib/errors';

type LinkFacts = { email: string; createdAt: Date; expiresAt: Date; revokedAt: Date | null; answeredAt: Date | null };

const DAY_MS = 24 * 3600_000;

export function linkExpiry(now: Date, { validDays }: { validDays?: number | undefined }): Date {
  return new Date(now.getTime() + (validDays ?? PARTNER_LINK_DEFAULT_DAYS) * DAY_MS);
}

// Revoked wins over expired: the division's act is the stronger fact to show.
export function linkStateOf(link: Pick<LinkFacts, 'expiresAt' | 'revokedAt'>, now: Date): PartnerLinkState {
  if (link.revokedAt) return 'revoked';
  return link.expiresAt <= now ? 'expired' : 'active';
}

export function partnerLinkViewOf(link: LinkFacts, now: Date): PartnerLinkView {
  return {
    state: linkStateOf(link, now),
    sentTo: link.email,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    answeredAt: link.answeredAt?.toISOString() ?? null,
  };
}

// Unknown, revoked and expired all answer 404 (nothing to find through this address), each with a
// message the partner can act on; `details.reason` tells the page which.
export function unusableLink(reason: 'unknown' | PartnerLinkState): AppError {
  const texts = {
    unknown: ['Tautan penilaian tidak dikenal. Periksa kembali alamat dari e-mail Anda.', 'Unknown evaluation link. Check the address from your e-mail.'],
    revoked: ['Tautan penilaian ini telah dicabut. Hubungi Bagian Kerja Sama untuk tautan baru.', 'This evaluation link has been revoked. Ask the Cooperation Division for a new one.'],
    expired: ['Tautan penilaian ini telah kedaluwarsa. Hubungi Bagian Kerja Sama untuk tautan baru.', 'This evaluation link has expired. Ask the Cooperation Division for a new one.'],
    active: ['Tautan penilaian tidak dapat dipakai.', 'The evaluation link cannot be used.'],
  } as const;
  const [message, messageEn] = texts[reason];
  return new AppError({ code: 'NOT_FOUND', message, messageEn, details: { reason } });
}

// The evaluation was finalised after the link was sent: the answers are closed.
export function evaluationClosed(): AppError {
  return new AppError({
    code: 'CONFLICT',
    message: 'Evaluasi ini sudah ditutup; jawaban tidak dapat diubah lagi. Terima kasih atas partisipasi Anda.',
    messageEn: 'This evaluation is closed; answers can no longer be changed. Thank you for taking part.',
    details: { reason: 'closed' },
  });
}
