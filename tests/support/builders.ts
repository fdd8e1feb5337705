import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/shared/roles';
import type { Db } from '../../src/server/db/client';
import { hashPassword } from '../../src/server/lib/passwords';
import { units } from '../../src/server/modules/units/units.table';
import { users } from '../../src/server/modules/users/users.table';

// Builders make the rows a test needs, with parents created when missing.
const unique = () => randomBytes(4).toString('hex');

// argon2 at production cost takes ~20 ms a hash and tests make hundreds of users with a handful
// of passwords: one hash per password and worker, still a real argon2id hash that login verifies.
const hashes = new Map<string, Promise<string>>();
function testHash(password: string): Promise<string> {
  let hashed = hashes.get(password);
  if (!hashed) {
    hashed = hashPassword(password);
    hashes.set(password, hashed);
  }
  return hashed;
}

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
      passwordHash: await testHash(overrides.password ?? 'rahasia-uji-123'),
    })
    .returning();
  if (!row) throw new Error('buildUser: nothing inserted');
  return row;
}
