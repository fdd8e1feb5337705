import { z } from 'zod';
import { MAX_NAME_LENGTH } from './limits';
import { ROLES } from './roles';
import { plainText, versionSchema } from './input';

export const PASSWORD_MIN_LENGTH = 10;

const userFields = {
  email: plainText().trim().toLowerCase().pipe(z.email()),
  name: plainText().trim().min(2).max(MAX_NAME_LENGTH),
  role: z.enum(ROLES),
  unitId: z.uuid().nullable().optional(),
};

// Either the admin types a first password, or the account gets a mailed invitation link to set
// its own (`invite`); exactly one of the two.
export const CreateUserSchema = z
  .object({
    ...userFields,
    password: plainText().min(PASSWORD_MIN_LENGTH).max(200).optional(),
    invite: z.boolean().optional(),
  })
  .refine((input) => input.invite === true || input.password !== undefined, { path: ['password'], error: 'Isi kata sandi awal, atau pilih tautan undangan / fill in a first password, or choose an invitation link' })
  .refine((input) => !(input.invite === true && input.password !== undefined), { path: ['password'], error: 'Pilih salah satu: kata sandi awal atau tautan undangan / choose either a first password or an invitation link' });
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z.object({
  name: userFields.name.optional(),
  role: userFields.role.optional(),
  unitId: userFields.unitId,
  isActive: z.boolean().optional(),
  password: plainText().min(PASSWORD_MIN_LENGTH).max(200).optional(),
  version: versionSchema,
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export type UserView = {
  id: string;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  unitId: string | null;
  isActive: boolean;
  // An invitation was sent and the person has not yet set a password through it.
  hasPendingInvitation: boolean;
  // Two-step sign-in (an authenticator app) is on; the admin can turn it off for a lost phone.
  hasTwoStep: boolean;
  version: number;
  createdAt: string;
};
