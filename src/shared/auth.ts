import { z } from 'zod';
import { plainText } from './input';

export const LoginSchema = z.object({
  email: plainText().trim().min(3).max(254),
  password: plainText().min(1).max(200),
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
