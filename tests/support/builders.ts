import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/shared/roles';
import type { Db } from '../../src/server/db/client';
import { hashPassword } from '../../src/server/lib/passwords';
import { units } from '../../src/server/modules/units/units.table';
import { users } from '../../src/server/modules/users/users.table';

// Builders make the rows a test needs, with parents created when missing.
const unique = () => randomBytes(4).toString('hex');

export async function buildUnit(db: Db, overrides: Partial<typeof units.$inferInsert> = {}) {
  const [row] = await db
    .insert(units)
    .values({ name: `Dinas Uji ${unique()}`, shortName: 'Uji', ...overrides })
    .returning();
  if (!row) throw new Error('buildUnit: nothing inserted');
  return row;
}

export type BuiltUser = typeof users.$inferSelect;

export async function buildUser(
  db: Db,
  overrides: { role?: Role; unitId?: string; password?: string; email?: string; isActive?: boolean } = {},
): Promise<BuiltUser> {
  const role = overrides.role ?? 'admin';
  const unitId = overrides.unitId ?? (role === 'opd' ? (await buildUnit(db)).id : null);
  const [row] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `${role}-${unique()}@uji.jalin.local`,
      name: `Pengguna ${role}`,
      role,
      unitId,
      isActive: overrides.isActive ?? true,
      passwordHash: await hashPassword(overrides.password ?? 'rahasia-uji-123'),
    })
    .returning();
  if (!row) throw new Error('buildUser: nothing inserted');
  return row;
}
