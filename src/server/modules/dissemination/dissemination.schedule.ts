import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { mailSettingsOf } from '../mail/mail.service';
import { runDisseminationReminders } from './dissemination.reminders';

const HOUR_MS = 60 * 60 * 1000;

// The server runs the reminder job once an hour (and once shortly after start). A failed run is
// written to stderr and tried again at the next hour; the job itself never sends anything twice.
export function startDisseminationReminderTimer(db: Db, env: Env, options: { everyMs?: number } = {}): () => void {
  const run = () => {
    runDisseminationReminders({ db, now: new Date(), mail: mailSettingsOf(env) }).catch((error: unknown) => {
      process.stderr.write(`dissemination reminders failed: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, options.everyMs ?? HOUR_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
