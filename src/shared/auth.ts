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

// Forgotten password: the answer is the same whether the address has an account or not.
export const ForgotPasswordSchema = z.object({ email: plainText().trim().toLowerCase().min(3).max(254) });
export type ForgotPasswordInput = z.infer<typeof ForgotPasswordSchema>;

// The token of a mailed link ("reset" or "invite"); it travels in the page address's fragment.
export const PasswordLinkTokenSchema = z.object({ token: plainText().min(20).max(100) });
export const SetPasswordByLinkSchema = PasswordLinkTokenSchema.extend({ password: plainText().min(1).max(200) });
export type SetPasswordByLinkInput = z.infer<typeof SetPasswordByLinkSchema>;

export const PASSWORD_LINK_PURPOSES = ['reset', 'invite'] as const;
export type PasswordLinkPurpose = (typeof PASSWORD_LINK_PURPOSES)[number];
// What the page shows before the new password is typed: whose account, and why.
export const PasswordLinkViewSchema = z.object({ purpose: z.enum(PASSWORD_LINK_PURPOSES), email: plainText(), name: plainText() });
export type PasswordLinkView = z.infer<typeof PasswordLinkViewSchema>;
