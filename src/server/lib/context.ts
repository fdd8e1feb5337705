import type { SessionUser } from '../../shared/roles';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { mailSettingsOf, type MailSettings } from '../modules/mail/mail.service';
import type { FileStore } from './file-store';

// What every use case receives: the database, who is acting, the clock (injectable for tests), where
// mail goes out from and where document bytes live. Built once per request, command or timer run.
export type Actor = SessionUser;

export type Ctx = {
  db: Db;
  actor: Actor | null;
  now: Date;
  mail: MailSettings;
  files: FileStore;
};

export type ActorCtx = Ctx & { actor: Actor };

// What the process has once (settings, the file store); each request, command or run adds who and when.
export type CtxDeps = { env: Env; files: FileStore };

export function buildCtx(deps: CtxDeps, options: { db: Db; actor?: Actor | null; now: Date }): Ctx {
  return { db: options.db, actor: options.actor ?? null, now: options.now, mail: mailSettingsOf(deps.env), files: deps.files };
}

// 'YYYY-MM-DD' of an instant in Ternate's own time zone (WIT, UTC+9), for comparing legal dates.
export function localDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jayapura' }).format(instant);
}
