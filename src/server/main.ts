import { bootstrapDatabase } from './bootstrap';
import { buildApp } from './app';
import { openDatabase } from './db/client';
import { readEnv, storageDir } from './env';
import { createLocalFileStore } from './lib/file-store';
import { loadDemoIfWanted } from './demo/load-demo';
import { findNumberDuplicates } from './modules/agreements/agreements.number-keys';
import { startDisseminationReminderTimer } from './modules/dissemination/dissemination.schedule';

async function main() {
  const env = readEnv();
  const database = await openDatabase({ ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}), dataDir: env.JALIN_DATA_DIR });
  const files = createLocalFileStore(storageDir(env));
  const boot = await bootstrapDatabase(database.db, env, new Date());
  if (boot.generatedPassword) {
    // Printed once, to the terminal only; it is never written to the log.
    process.stdout.write(
      `\nAkun admin dibuat / admin account created:\n  e-mail: ${env.JALIN_ADMIN_EMAIL}\n  password: ${boot.generatedPassword}\n\n`,
    );
  }
  await loadDemoIfWanted({ database, env, files, firstStart: boot.adminCreated });
  const app = await buildApp({ database, env, files, clock: () => new Date() });
  const duplicates = await findNumberDuplicates(database.db);
  if (duplicates.length > 0) {
    app.log.warn(
      { numbers: duplicates.map((group) => group.agreements.map((agreement) => agreement.numberOurs)) },
      `${duplicates.length} nomor naskah dipakai lebih dari satu naskah (npm run jalin -- duplicates) / ${duplicates.length} agreement numbers name more than one agreement`,
    );
  }
  const stopReminders = startDisseminationReminderTimer(database.db, env);
  const close = async () => {
    stopReminders();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close());
  process.on('SIGTERM', () => void close());
  await app.listen({ port: env.PORT, host: env.HOST });
}

main().catch((error: unknown) => {
  process.stderr.write(`Jalin could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
