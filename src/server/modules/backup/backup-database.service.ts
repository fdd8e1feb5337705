import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR, type Db } from '../../db/client';
import { selectMigrationLevel } from './backup.repository';

// Which schema an archive carries, named by the migrations that built it.

type Journal = { entries: { when: number; tag: string }[] };

async function journal(): Promise<Journal> {
  return JSON.parse(await readFile(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal;
}

export async function knownMigrationCount(): Promise<number> {
  return (await journal()).entries.length;
}

export async function migrationLevel(db: Db): Promise<{ count: number; last: string | null }> {
  const row = await selectMigrationLevel(db);
  const last = row?.last ? ((await journal()).entries.find((entry) => String(entry.when) === row.last)?.tag ?? row.last) : null;
  return { count: row?.count ?? 0, last };
}

export async function jalinVersion(): Promise<string> {
  const file = path.join(MIGRATIONS_DIR, '..', '..', '..', '..', 'package.json');
  return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
}
