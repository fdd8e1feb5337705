import { acquireDataDirLock } from '../../src/server/db/data-dir-lock';

// Holds a PGlite directory's lock until killed, as a command or server that is still running would.
const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-data-dir.ts <pglite dir>');
await acquireDataDirLock(dir, { kind: 'command', name: 'import' });
process.stdout.write('held\n');
setInterval(() => undefined, 60_000);
