import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/client';
import { updateVersioned } from '../../lib/versioned';
import { users } from './users.table';

export type UserRow = typeof users.$inferSelect;

export function selectUsersByName(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.name));
}

export async function selectUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function selectUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function selectUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}

// The earliest account of a role, active or not.
export async function selectFirstUserOfRole(db: Db, role: Role): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.role, role)).orderBy(users.createdAt);
  return row ?? null;
}

export async function hasAnyUserRow(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

export async function insertUserRow(db: Db, values: typeof users.$inferInsert): Promise<UserRow | undefined> {
  const [row] = await db.insert(users).values(values).returning();
  return row;
}

export function updateUserRow(db: Db, change: { id: string; version: number; patch: Record<string, unknown>; now: Date }): Promise<UserRow> {
  const { id, ...rest } = change;
  return updateVersioned({ db, table: users, where: eq(users.id, id), ...rest, what: ['Pengguna', 'User'] });
}

export type RecipientRow = { id: string; email: string; name: string; role: Role; unitId: string | null };

// Active accounts holding one of the roles, named by id, or speaking for one of the units (holding a
// unit-bound role there): any of the three; none given reaches nobody.
export async function selectActiveRecipients(db: Db, who: { roles?: Role[]; ids?: string[]; units?: { ids: string[]; roles: Role[] } }): Promise<RecipientRow[]> {
  const criteria = [
    who.roles && who.roles.length > 0 ? inArray(users.role, who.roles) : undefined,
    who.ids && who.ids.length > 0 ? inArray(users.id, who.ids) : undefined,
    who.units && who.units.ids.length > 0 ? and(inArray(users.role, who.units.roles), inArray(users.unitId, who.units.ids)) : undefined,
  ].filter((criterion) => criterion !== undefined);
  if (criteria.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.isActive, true), or(...criteria)))
    .orderBy(asc(users.name), asc(users.id));
}
