import type { SessionUser } from '../../shared/roles';
import type { Db } from '../db/client';

// What every use case receives: the database, who is acting, and the clock (injectable for tests).
export type Actor = SessionUser;

export type Ctx = {
  db: Db;
  actor: Actor | null;
  now: Date;
};

export type ActorCtx = Ctx & { actor: Actor };

// 'YYYY-MM-DD' of an instant in Ternate's own time zone (WIT, UTC+9), for comparing legal dates.
export function localDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jayapura' }).format(instant);
}
