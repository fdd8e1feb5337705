import { startBackgroundJobs } from './background-jobs';
import { bootstrapDatabase } from './bootstrap';
import { buildApp } from './app';
import { runCliCommand } from './cli-program';
import { serverRuntime } from './cli-runtime';
import { commandSocketPath, serveCommands } from './cli-socket';
import { openDatabase } from './db/client';
import { readEnv } from './env';
import { buildCtx } from './lib/context';
import { createFileStore } from './lib/create-file-store';
import { loadDemoIfWanted } from './demo/load-demo';
import { embeddedLimitOf, registerSizeAfter, registerSizeWarning } from './modules/agreements/register-size.service';
import { findNumberDuplicates } from './modules/agreements/agreement-numbers.service';
import { recoverInterruptedImports } from './modules/imports/import-lease.service';

async function main() {
  const env = readEnv();
  // The directory or the bucket (JALIN_STORAGE_URL); a missing bucket or wrong keys stop start-up
  // here, before the database is opened or migrated.
  const files = createFileStore(env);
  await files.check();
  // The server owns a PGlite directory (data-dir-lock.ts); commands reach it through this socket.
  const socketPath = env.DATABASE_URL ? null : commandSocketPath(env.JALIN_DATA_DIR);
  const opener = { kind: 'server' as const, name: 'server', ...(socketPath ? { socket: socketPath } : {}) };
  const database = await openDatabase({ ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}), dataDir: env.JALIN_DATA_DIR, opener });
  const boot = await bootstrapDatabase(buildCtx({ env, files }, { db: database.db, now: new Date() }), env);
  if (boot.generatedPassword) {
    // Printed once, to the terminal only; it is never written to the log.
    process.stdout.write(
      `\nAkun admin dibuat / admin account created:\n  e-mail: ${env.JALIN_ADMIN_EMAIL}\n  password: ${boot.generatedPassword}\n\n`,
    );
  }
  // On PGlite no other process can be writing: every import still marked running was cut off.
  await recoverInterruptedImports({ db: database.db, now: new Date() }, { soleProcess: database.kind === 'pglite' });
  await loadDemoIfWanted({ database, env, files, firstStart: boot.adminCreated });
  const app = await buildApp({ database, env, files, clock: () => new Date() });
  const duplicates = await findNumberDuplicates(database.db);
  if (duplicates.length > 0) {
    app.log.warn(
      { numbers: duplicates.map((group) => group.agreements.map((agreement) => agreement.numberOurs)) },
      `${duplicates.length} nomor naskah dipakai lebih dari satu naskah (npm run jalin -- duplicates) / ${duplicates.length} agreement numbers name more than one agreement`,
    );
  }
  const size = await registerSizeAfter(database.db, { creates: 0, limit: embeddedLimitOf(database, env) });
  if (size) {
    const warning = registerSizeWarning(size);
    app.log.warn({ agreements: size.after, limit: size.limit }, `${warning.message} / ${warning.messageEn}`);
  }
  // Reminders, the digest, backups and mail retries from the job queue; scans OCR'd in the background.
  const log = { info: (message: string) => app.log.info(message), warn: (message: string) => app.log.warn(message) };
  const stopJobs = await startBackgroundJobs({ database, env, files, clock: () => new Date(), log }, { timing: { startDelaySeconds: env.JALIN_JOBS_START_DELAY_SECONDS }, metrics: app.metrics });
  // Commands are taken before HTTP requests: once the server answers, `npm run jalin` reaches it.
  const deps = { database, env, files };
  const commands = socketPath ? await serveCommands({ socketPath, runtimeFor: (cwd, output) => serverRuntime(deps, { cwd, output }), run: runCliCommand }) : null;
  let closing = false;
  // Stop taking work, finish what was started, then close the database (releasing the directory).
  const close = async (signal: string) => {
    if (closing) {
      process.stderr.write(`Jalin: ${signal} again, stopping at once.\n`);
      process.exit(1);
    }
    closing = true;
    await commands?.close();
    await app.close();
    await stopJobs();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: env.PORT, host: env.HOST });
}

main().catch((error: unknown) => {
  process.stderr.write(`Jalin could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
