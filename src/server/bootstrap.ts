import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from './db/client';
import { BOOTSTRAP_LOCK_KEYS } from './db/migration-lock';
import type { Env } from './env';
import type { Ctx } from './lib/context';
import { checkPasswordStrength } from '../shared/password-strength';
import { addUnits, countUnits } from './modules/units/units.service';
import { countUsers, insertUser } from './modules/users/users.service';
import { DEFAULT_UNITS } from './seed/default-units';
import { DEFAULT_EVALUATION_FORM } from './seed/default-evaluation-form';
import { seedEvaluationForm } from './modules/evaluation/evaluation-form.service';

export type BootstrapResult = { adminCreated: boolean; generatedPassword: string | null };

export async function seedDefaultUnits(db: Db, now: Date): Promise<void> {
  if ((await countUnits(db)) > 0) return;
  await addUnits(db, { units: DEFAULT_UNITS, now });
}

// First start on an empty database: the OPD list, the evaluation form's first revision and one
// admin account. Several processes starting together on one PostgreSQL would each count zero users
// and each insert an admin (the later ones failing to start); the lock, held until the transaction
// ends, lets one of them seed while the others wait and then find everything in place.
export async function bootstrapDatabase(ctx: Ctx, env: Env): Promise<BootstrapResult> {
  return ctx.db.transaction(async (tx) => {
    const [classId, objId] = BOOTSTRAP_LOCK_KEYS;
    await tx.execute(sql`select pg_advisory_xact_lock(${classId}, ${objId})`);
    return seedFirstStart({ ...ctx, db: tx }, env);
  });
}

async function seedFirstStart(ctx: Ctx, env: Env): Promise<BootstrapResult> {
  await seedDefaultUnits(ctx.db, ctx.now);
  await seedEvaluationForm(ctx.db, { form: DEFAULT_EVALUATION_FORM, now: ctx.now });
  if ((await countUsers(ctx.db)) > 0) return { adminCreated: false, generatedPassword: null };
  const generatedPassword = env.JALIN_ADMIN_PASSWORD ? null : randomBytes(12).toString('base64url');
  // A weak configured password stops start-up rather than guard the first admin account.
  if (env.JALIN_ADMIN_PASSWORD) {
    const verdict = checkPasswordStrength(env.JALIN_ADMIN_PASSWORD, { email: env.JALIN_ADMIN_EMAIL, name: 'Administrator' });
    if (!verdict.isStrong) throw new Error(`Invalid configuration — JALIN_ADMIN_PASSWORD: ${verdict.messageEn} / ${verdict.message}`);
  }
  await insertUser(
    { ...ctx, actor: null },
    {
      email: env.JALIN_ADMIN_EMAIL.toLowerCase(),
      name: 'Administrator',
      role: 'admin',
      unitId: null,
      password: env.JALIN_ADMIN_PASSWORD ?? generatedPassword ?? '',
    },
  );
  return { adminCreated: true, generatedPassword };
}
