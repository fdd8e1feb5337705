import { aloneRuntime, shellOutput } from './cli-runtime';
import { failureMessage, runCliCommand } from './cli-program';
import { forwardCommand } from './cli-socket';
import { pgliteDirOf } from './db/client';
import { liveHolderOf } from './db/data-dir-lock';
import { readEnv } from './env';

// `npm run jalin -- <command>`: the entry point only. The commands live in cli-program.ts, which the
// server imports too (a command forwarded through its socket runs there); keeping this file apart
// means a bundle of the server never runs a command line at start.

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let env;
  try {
    env = readEnv();
  } catch (error) {
    shellOutput.err(`jalin: ${failureMessage(error)}`);
    return 1;
  }
  // One writer per PGlite directory: while a server holds it, the server runs the command.
  const server = env.DATABASE_URL ? null : await liveHolderOf(pgliteDirOf(env.JALIN_DATA_DIR));
  if (server?.socket) return forwardCommand(server, { request: { argv, cwd: process.cwd() }, output: shellOutput });
  return runCliCommand(argv, aloneRuntime(env, { name: argv[0] ?? 'jalin' }));
}

process.exitCode = await main();
