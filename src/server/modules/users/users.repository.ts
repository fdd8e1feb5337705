import { and, asc, eq, inArray, sql } from 'drizzle-orm';
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

// Active accounts holding one of the roles, or speaking for the unit (holding a unit-bound role there).
export async function selectActiveUserIds(db: Db, who: { roles?: Role[] | undefined; unit?: { id: string; roles: Role[] } | undefined }): Promise<string[]> {
  const byRole = who.roles && who.roles.length > 0 ? inArray(users.role, who.roles) : undefined;
  const byUnit = who.unit ? and(inArray(users.role, who.unit.roles), eq(users.unitId, who.unit.id)) : undefined;
  if (!byRole && !byUnit) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isActive, true), byRole && byUnit ? sql`(${byRole} OR ${byUnit})` : (byRole ?? byUnit)));
  return rows.map((row) => row.id);
}
