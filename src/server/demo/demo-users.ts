import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles';
import type { Db } from '../db/client';
import type { Actor, ActorCtx } from '../lib/context';
import { getMasterData } from '../modules/master/master.service';
import { roleNeedsUnit } from '../modules/users/users.policy';
import { findFirstUserOfRole, findUserIdByEmail, insertUser } from '../modules/users/users.service';

// One account per role besides admin, so each view of Jalin can be tried. They exist only in a
// demo database; their shared password comes from JALIN_DEMO_PASSWORD or is generated and shown once.
export const DEMO_USERS: { email: string; name: string; role: Role; unitName?: string }[] = [
  { email: 'tkksd@demo.jalin.local', name: 'Anggota TKKSD (demo)', role: 'tkksd' },
  { email: 'pimpinan@demo.jalin.local', name: 'Pimpinan Daerah (demo)', role: 'pimpinan' },
  { email: 'diskop@demo.jalin.local', name: 'PPKSD Dinas Koperasi dan UKM (demo)', role: 'opd', unitName: 'Dinas Koperasi dan UKM' },
];

export type DemoUsersResult = { emails: string[]; generatedPassword: string | null };

export async function createDemoUsers(ctx: ActorCtx, options: { password?: string | undefined }): Promise<DemoUsersResult> {
  const { db } = ctx;
  const generatedPassword = options.password ? null : randomBytes(12).toString('base64url');
  const password = options.password ?? generatedPassword ?? '';
  const { units } = await getMasterData(ctx);
  const emails: string[] = [];
  for (const user of DEMO_USERS) {
    if (await findUserIdByEmail(db, user.email)) continue;
    const unitId = user.unitName ? (units.find((unit) => unit.name === user.unitName)?.id ?? null) : null;
    // An OPD account needs its OPD; if the city renamed it, that account is left out.
    if (roleNeedsUnit(user.role) && !unitId) continue;
    await insertUser(ctx, { email: user.email, name: user.name, role: user.role, unitId, password });
    emails.push(user.email);
  }
  return { emails, generatedPassword: emails.length > 0 ? generatedPassword : null };
}

// The account the demo acts as: the first active admin, so the audit trail names a real user.
export async function findAdminActor(db: Db): Promise<Actor | null> {
  const admin = await findFirstUserOfRole(db, 'admin');
  if (!admin?.isActive) return null;
  return { id: admin.id, email: admin.email, name: admin.name, role: admin.role, unitId: admin.unitId };
}
