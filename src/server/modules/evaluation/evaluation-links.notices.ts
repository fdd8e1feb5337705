import { localDate, type Ctx } from '../../lib/context';
import type { MailMessage } from '../mail/mail.service';

// The token travels in the address's fragment, which browsers never send to a server, so no
// request log holds it (decision 0007, as the proposals' tracking links).
export function partnerPageLink(ctx: Pick<Ctx, 'mail'>, token: string): string {
  return `${ctx.mail.publicUrl}/penilaian#${token}`;
}

export function partnerLinkMail(
  ctx: Pick<Ctx, 'mail'>,
  input: { to: string; token: string; evaluationId: string; agreementTitle: string; partnerNames: string[]; period: string; expiresAt: Date },
): MailMessage {
  const until = localDate(input.expiresAt);
  const addressee = input.partnerNames.length > 0 ? input.partnerNames.join(', ') : 'Mitra kerja sama';
  const text = [
    `Yth. ${addressee},`,
    '',
    `Pemerintah Kota Ternate mengevaluasi kerja sama "${input.agreementTitle}" untuk periode ${input.period}.`,
    'Mohon berikan penilaian Anda sebagai mitra melalui tautan pribadi berikut. Tautan ini hanya untuk evaluasi ini, tidak memerlukan akun, dan jangan dibagikan:',
    partnerPageLink(ctx, input.token),
    `Tautan berlaku sampai ${until}.`,
    '',
    `(EN) The City of Ternate is evaluating the cooperation "${input.agreementTitle}" for ${input.period}. Please give your assessment as the partner through the private link above (no account needed, valid until ${until}). Do not share it.`,
  ].join('\n');
  return { to: input.to, subject: `Penilaian kerja sama ${input.period}: ${input.agreementTitle}`, text, entity: 'evaluation', entityId: input.evaluationId };
}
