import { z } from 'zod';
import { plainText } from './input';

export const LoginSchema = z.object({
  email: plainText().trim().min(3).max(254),
  password: plainText().min(1).max(200),
  // The six digits of an authenticator app, for the accounts that turned two-step sign-in on.
  totpCode: plainText().max(12).optional(),
});
export type LoginInput = z.infer<typeof LoginSchema>;

// The owner's own password change: the current password proves it is the owner.
export const ChangePasswordSchema = z.object({
  currentPassword: plainText().min(1).max(200),
  newPassword: plainText().min(1).max(200),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const SessionUserSchema = z.object({
  id: plainText(),
  email: plainText(),
  name: plainText(),
  role: z.enum(['admin', 'tkksd', 'opd', 'pimpinan']),
  unitId: plainText().nullable(),
});

// Two-step sign-in (TOTP). The secret is shown once, at set-up, to its owner only.
export const TotpPasswordSchema = z.object({ password: plainText().min(1).max(200) });
export const TotpCodeSchema = z.object({ code: plainText().min(1).max(12) });
export const TotpStatusSchema = z.object({ isEnabled: z.boolean(), enabledAt: plainText().nullable() });
export type TotpStatus = z.infer<typeof TotpStatusSchema>;
export const TotpSetupSchema = z.object({ secret: plainText(), uri: plainText(), qrSvg: plainText() });
export type TotpSetup = z.infer<typeof TotpSetupSchema>;
