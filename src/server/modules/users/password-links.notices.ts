import type { PasswordLinkPurpose } from '../../../shared/auth';
import { localDate, type Ctx } from '../../lib/context';
import type { MailMessage } from '../mail/mail.service';

// The token travels in the address's fragment, which browsers never send to a server, so no
// request log holds it (decision 0007, as the proposals' tracking links).
export function passwordLinkUrl(ctx: Pick<Ctx, 'mail'>, token: string): string {
  return `${ctx.mail.publicUrl}/app/password/set#${token}`;
}

export function passwordLinkMail(
  ctx: Pick<Ctx, 'mail'>,
  input: { purpose: PasswordLinkPurpose; to: string; name: string; userId: string; token: string; expiresAt: Date; validMinutes: number },
): MailMessage {
  const link = passwordLinkUrl(ctx, input.token);
  if (input.purpose === 'reset') {
    const text = [
      `Yth. ${input.name},`,
      '',
      'Ada permintaan untuk mengatur ulang kata sandi akun Jalin Anda. Buka tautan berikut untuk membuat kata sandi baru:',
      link,
      `Tautan hanya dapat dipakai sekali dan berlaku ${input.validMinutes} menit. Setelah kata sandi diganti, semua perangkat yang masuk dengan akun ini dikeluarkan.`,
      'Jika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.',
      '',
      `(EN) Someone asked to reset the password of your Jalin account. Open the link above to choose a new one (single use, valid for ${input.validMinutes} minutes). If it was not you, ignore this mail; your password stays as it is.`,
    ].join('\n');
    return { to: input.to, subject: 'Atur ulang kata sandi Jalin', text, entity: 'user', entityId: input.userId };
  }
  const until = localDate(input.expiresAt);
  const text = [
    `Yth. ${input.name},`,
    '',
    'Administrator Bagian Kerja Sama Kota Ternate membuatkan akun Jalin untuk Anda. Buka tautan berikut untuk membuat kata sandi Anda sendiri, lalu masuk:',
    link,
    `Tautan hanya dapat dipakai sekali dan berlaku sampai ${until}. Jangan bagikan tautan ini.`,
    '',
    `(EN) An account on Jalin was created for you. Open the link above to choose your own password, then sign in (single use, valid until ${until}). Do not share it.`,
  ].join('\n');
  return { to: input.to, subject: 'Undangan ke Jalin: buat kata sandi Anda', text, entity: 'user', entityId: input.userId };
}
