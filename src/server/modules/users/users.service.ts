import { asc, eq } from 'drizzle-orm';
import type { CreateUserInput, UpdateUserInput, UserView } from '../../../shared/users';
import type { Db } from '../../db/client';
import type { Actor, ActorCtx, Ctx } from '../../lib/context';
import { AppError, forbidden, invalid } from '../../lib/errors';
import { assertStrongPassword, hashPassword } from '../../lib/passwords';
import { updateVersioned } from '../../lib/versioned';
import { diffFields, recordAudit } from '../audit/audit.service';
import { endSessionsOfUser } from '../auth/auth.service';
import { units } from '../units/units.table';
import { canManageUsers } from './users.policy';
import { users } from './users.table';

function toView(row: typeof users.$inferSelect): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    unitId: row.unitId,
    isActive: row.isActive,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

async function assertUnitRule(db: Db, role: string, unitId: string | null | undefined) {
  if (role === 'opd' && !unitId) {
    throw invalid('unitId', 'Pengguna OPD harus terikat pada satu OPD.', 'An OPD user must be bound to one unit.');
  }
  if (unitId) {
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
    if (!unit) throw invalid('unitId', 'OPD tidak ditemukan.', 'Unit not found.');
  }
}

async function unitNameOf(db: Db, unitId: string | null | undefined): Promise<string | null> {
  if (!unitId) return null;
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return unit?.name ?? null;
}

// Used by the CLI and first start-up, where no user exists yet to act.
export async function insertUser(ctx: Ctx, input: CreateUserInput): Promise<UserView> {
  await assertUnitRule(ctx.db, input.role, input.unitId);
  assertStrongPassword(input.password, { email: input.email, name: input.name, unitName: await unitNameOf(ctx.db, input.unitId) });
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (clash) {
      throw new AppError({ code: 'CONFLICT', message: `E-mail ${input.email} sudah terdaftar.`, messageEn: `E-mail ${input.email} is already registered.`, field: 'email' });
    }
    const [row] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        unitId: input.role === 'opd' ? (input.unitId ?? null) : (input.unitId ?? null),
        passwordHash: await hashPassword(input.password),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const { password: _password, ...visible } = input;
    await recordAudit(tx, { actor: ctx.actor, entity: 'user', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, visible) });
    return toView(row);
  });
}

export async function createUser(ctx: ActorCtx, input: CreateUserInput): Promise<UserView> {
  if (!canManageUsers(ctx.actor)) throw forbidden();
  return insertUser(ctx, input);
}

export async function listUsers(ctx: ActorCtx): Promise<UserView[]> {
  if (!canManageUsers(ctx.actor)) throw forbidden();
  const rows = await ctx.db.select().from(users).orderBy(asc(users.name));
  return rows.map(toView);
}

export async function updateUser(ctx: ActorCtx, id: string, input: UpdateUserInput): Promise<UserView> {
  if (!canManageUsers(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id));
    const { version, password, ...fields } = input;
    const role = fields.role ?? before?.role ?? 'opd';
    const unitId = fields.unitId === undefined ? before?.unitId : fields.unitId;
    if (before) await assertUnitRule(tx, role, unitId);
    if (id === ctx.actor.id && (fields.isActive === false || (fields.role && fields.role !== 'admin'))) {
      throw invalid('role', 'Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri.', 'You cannot deactivate or demote your own account.');
    }
    const patch: Record<string, unknown> = { ...fields };
    if (password) {
      assertStrongPassword(password, { email: before?.email, name: fields.name ?? before?.name, unitName: await unitNameOf(tx, unitId) });
      patch.passwordHash = await hashPassword(password);
    }
    const row = await updateVersioned({ db: tx, table: users, where: eq(users.id, id), version, patch, now: ctx.now, what: ['Pengguna', 'User'] });
    const changes = diffFields(before ?? {}, fields);
    if (password) changes.push({ field: 'password', old: '•••', new: '•••' });
    await recordAudit(tx, { actor: ctx.actor, entity: 'user', entityId: id, action: 'update', at: ctx.now, changes });
    // A deactivated account, a changed role or a reset password ends every open session.
    if (password || fields.isActive === false || (fields.role && fields.role !== before?.role)) await endSessionsOfUser(tx, id);
    return toView(row);
  });
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}

// The account a command-line job acts as (the demo loader): the first admin created, if it is
// still active, so the audit trail names a real user.
export async function findFirstAdmin(db: Db): Promise<Actor | null> {
  const [admin] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, unitId: users.unitId, isActive: users.isActive })
    .from(users)
    .where(eq(users.role, 'admin'))
    .orderBy(users.createdAt);
  if (!admin?.isActive) return null;
  return { id: admin.id, email: admin.email, name: admin.name, role: admin.role, unitId: admin.unitId };
}
