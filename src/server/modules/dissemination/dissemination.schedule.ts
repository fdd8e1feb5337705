import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { mailSettingsOf } from '../mail/mail.service';
import { runDisseminationReminders } from './dissemination.reminders';

const HOUR_MS = 60 * 60 * 1000;

// The server runs the reminder job once an hour (and once shortly after start). A failed run is
// written to stderr and tried again at the next hour; the job itself never sends anything twice.
// The returned stop waits for a run already under way, so the database can be closed after it.
export function startDisseminationReminderTimer(db: Db, env: Env, options: { everyMs?: number } = {}): () => Promise<void> {
  let current: Promise<void> | null = null;
  const run = () => {
    if (current) return;
    current = runDisseminationReminders({ db, now: new Date(), mail: mailSettingsOf(env) })
      .then(
        () => undefined,
        (error: unknown) => {
          process.stderr.write(`dissemination reminders failed: ${error instanceof Error ? error.message : String(error)}\n`);
        },
      )
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, options.everyMs ?? HOUR_MS);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await current;
  };
}
