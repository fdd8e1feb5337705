export const ROLES = ['admin', 'tkksd', 'opd', 'pimpinan'] as const;
export type Role = (typeof ROLES)[number];

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  unitId: string | null;
};
