import { ROLES, type Role, type SessionUser } from '../../../shared/roles';
import type { CreateUserInput, UpdateUserInput, UserView } from '../../../shared/users';
import type { Db } from '../../db/client';
import type { ActorCtx, Ctx } from '../../lib/context';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors';
import { assertStrongPassword, hashPassword } from '../../lib/passwords';
import { diffFields, recordAudit } from '../audit/audit.service';
import { findUnit } from '../units/units.service';
import { hashToken, newToken } from '../../lib/tokens';
import { deliverMail } from '../mail/mail.service';
import { endSessionsOfUser, toSessionUser } from './credentials.service';
import { issuePasswordLink, pendingInvitations, retireInvitations } from './password-links.service';
import { canManageUsers, changeEndsSessions, isOwnDeactivationOrDemotion, roleNeedsUnit } from './users.policy';
import {
  hasAnyUserRow,
  insertUserRow,
  selectActiveRecipients,
  selectFirstUserOfRole,
  selectUserById,
  selectUserIdByEmail,
  selectUsersByName,
  updateUserRow,
  type RecipientRow,
  type UserRow,
} from './users.repository';
import { selectTwoStepUserIds } from './user-totp.repository';

// `invited`, `twoStep`: the ids of accounts with an unused invitation, with two-step sign-in on.
function toView(row: UserRow, invited: Set<string> = new Set(), twoStep: Set<string> = new Set()): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    unitId: row.unitId,
    isActive: row.isActive,
    hasPendingInvitation: invited.has(row.id),
    hasTwoStep: twoStep.has(row.id),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

async function assertUnitRule(db: Db, role: Role, unitId: string | null | undefined) {
  if (roleNeedsUnit(role) && !unitId) {
    throw invalid('unitId', { message: 'Pengguna OPD harus terikat pada satu OPD.', messageEn: 'An OPD user must be bound to one unit.' });
  }
  if (unitId && !(await findUnit(db, unitId))) throw invalid('unitId', { message: 'OPD tidak ditemukan.', messageEn: 'Unit not found.' });
}

export async function unitNameOf(db: Db, unitId: string | null | undefined): Promise<string | null> {
  if (!unitId) return null;
  return (await findUnit(db, unitId))?.name ?? null;
}

// Used by the CLI and first start-up, where no user exists yet to act. With `invite`, the account
// gets no usable password: a mailed link lets the person choose their own (password-links.service).
export async function insertUser(ctx: Ctx, input: CreateUserInput): Promise<UserView> {
  await assertUnitRule(ctx.db, input.role, input.unitId);
  const { password, invite, ...visible } = input;
  if (password !== undefined) assertStrongPassword(password, { email: input.email, name: input.name, unitName: await unitNameOf(ctx.db, input.unitId) });
  // Nobody knows this one: the hash of a random secret that is thrown away.
  const passwordHash = await hashPassword(password ?? hashToken(newToken()));
  const { view, mailId } = await ctx.db.transaction(async (tx) => {
    if (await selectUserIdByEmail(tx, input.email)) {
      throw new AppError({ code: 'CONFLICT', message: `E-mail ${input.email} sudah terdaftar.`, messageEn: `E-mail ${input.email} is already registered.`, field: 'email' });
    }
    const row = await insertUserRow(tx, { ...visible, unitId: input.unitId ?? null, passwordHash, createdAt: ctx.now, updatedAt: ctx.now });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, { actor: ctx.actor, entity: 'user', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, visible) });
    const queued = invite === true ? await issuePasswordLink({ ...ctx, db: tx }, { user: row, purpose: 'invite' }) : null;
    return { view: toView(row, new Set(queued ? [row.id] : [])), mailId: queued };
  });
  if (mailId) await deliverMail(ctx, [mailId]);
  return view;
}

export async function createUser(ctx: ActorCtx, input: CreateUserInput): Promise<UserView> {
  if (!canManageUsers(ctx.actor)) throw forbidden();
  return insertUser(ctx, input);
}

// A new invitation link for an active account (the earlier one stops working): the first mail was
// lost or expired, or the person forgot the password before ever signing in.
export async function sendInvitation(ctx: ActorCtx, input: { id: string }): Promise<UserView> {
  if (!canManageUsers(ctx.actor)) throw forbidden();
  const user = await selectUserById(ctx.db, input.id);
  if (!user) throw notFound('Pengguna', 'User');
  if (!user.isActive) throw invalid('isActive', { message: 'Akun ini nonaktif; aktifkan dulu sebelum mengirim undangan.', messageEn: 'This account is inactive; activate it before sending an invitation.' });
  const mailId = await ctx.db.transaction((tx) => issuePasswordLink({ ...ctx, db: tx }, { user, purpose: 'invite' }));
  await deliverMail(ctx, [mailId]);
  return toView(user, new Set([user.id]));
}

export async function listUsers(ctx: ActorCtx): Promise<UserView[]> {
  if (!canManageUsers(ctx.actor)) throw forbidden();
  const invited = await pendingInvitations(ctx.db);
  const twoStep = new Set(await selectTwoStepUserIds(ctx.db));
  return (await selectUsersByName(ctx.db)).map((row) => toView(row, invited, twoStep));
}

export async function updateUser(ctx: ActorCtx, { id, ...input }: UpdateUserInput & { id: string }): Promise<UserView> {
  if (!canManageUsers(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const before = await selectUserById(tx, id);
    const { version, password, ...fields } = input;
    const unitId = fields.unitId === undefined ? before?.unitId : fields.unitId;
    if (before) await assertUnitRule(tx, fields.role ?? before.role, unitId);
    if (isOwnDeactivationOrDemotion(ctx.actor, { userId: id, isActive: fields.isActive, role: fields.role })) {
      throw invalid('role', { message: 'Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri.', messageEn: 'You cannot deactivate or demote your own account.' });
    }
    const patch: Record<string, unknown> = { ...fields };
    if (password) {
      assertStrongPassword(password, { email: before?.email, name: fields.name ?? before?.name, unitName: await unitNameOf(tx, unitId) });
      patch.passwordHash = await hashPassword(password);
    }
    const row = await updateUserRow(tx, { id, version, patch, now: ctx.now });
    const changes = diffFields(before ?? {}, fields);
    if (password) changes.push({ field: 'password', old: '•••', new: '•••' });
    await recordAudit(tx, { actor: ctx.actor, entity: 'user', entityId: id, action: 'update', at: ctx.now, changes });
    if (changeEndsSessions(before, { isActive: fields.isActive, role: fields.role, hasNewPassword: Boolean(password) })) await endSessionsOfUser(tx, id);
    if (password) await retireInvitations(tx, { userId: id, now: ctx.now });
    return toView(row, await pendingInvitations(tx, id));
  });
}

// 1 when any account exists, else 0: first start-up only asks whether to create the admin.
export async function countUsers(db: Db): Promise<number> {
  return (await hasAnyUserRow(db)) ? 1 : 0;
}

export function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  return selectUserIdByEmail(db, email);
}

// The earliest account of a role, with whether it is still active (the demo acts as the first admin).
export async function findFirstUserOfRole(db: Db, role: Role): Promise<(SessionUser & { isActive: boolean }) | null> {
  const row = await selectFirstUserOfRole(db, role);
  return row ? { ...toSessionUser(row), isActive: row.isActive } : null;
}

export type Recipient = RecipientRow;

// Whom a notice or a mail reaches: active accounts of these roles, named by id, or the liaisons of
// these OPDs — any of the three. Every reminder and alert asks here, so "active" means one thing.
export function findActiveRecipients(db: Db, who: { roles?: Role[]; ids?: string[]; unitIds?: string[] }): Promise<Recipient[]> {
  const units = who.unitIds ? { ids: who.unitIds, roles: ROLES.filter(roleNeedsUnit) } : undefined;
  return selectActiveRecipients(db, { ...(who.roles ? { roles: who.roles } : {}), ...(who.ids ? { ids: who.ids } : {}), ...(units ? { units } : {}) });
}

export async function findActiveUserIds(db: Db, who: { roles?: Role[]; unitId?: string | null }): Promise<string[]> {
  const recipients = await findActiveRecipients(db, { ...(who.roles ? { roles: who.roles } : {}), ...(who.unitId ? { unitIds: [who.unitId] } : {}) });
  return recipients.map((recipient) => recipient.id);
}
