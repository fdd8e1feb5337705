import { z } from 'zod';
import { plainText } from './input';

export const LoginSchema = z.object({
  email: plainText().trim().min(3).max(254),
  password: plainText().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const SessionUserSchema = z.object({
  id: plainText(),
  email: plainText(),
  name: plainText(),
  role: z.enum(['admin', 'tkksd', 'opd', 'pimpinan']),
  unitId: plainText().nullable(),
});
