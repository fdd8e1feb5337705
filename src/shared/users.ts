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

export const CreateUserSchema = z.object({
  ...userFields,
  password: plainText().min(PASSWORD_MIN_LENGTH).max(200),
});
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
  version: number;
  createdAt: string;
};
