import { sql } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import { selectRows } from './bulk-sql';
import { migrateDatabase, type Database, type Db } from './client';

// Copies the embedded database into an empty PostgreSQL database, for a register that has grown
// past what the embedded one serves (register-size.service.ts): the target is migrated by the same
// migrations, then every table of the source is copied row for row in one transaction, with
// triggers off (session_replication_role = replica), since the rows already carry what the
// triggers would derive (search rows, change logs, health), and a trigger writing them again
// would double them. Nothing is written to the source. Job-queue schedules are not copied: a
// server makes them at start.

// Rows per round trip: about 2 MB of JSON for agreements.
const CHUNK_ROWS = 2_000;

export type CopiedTable = { table: string; rows: number };

function refuse(message: string, messageEn: string): AppError {
  return new AppError({ code: 'CONFLICT', message, messageEn });
}

async function tablesOf(db: Db): Promise<string[]> {
  const rows = await selectRows<{ name: string }>(db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return rows.map((row) => row.name);
}

// Generated columns are computed by the target; every other column is copied as it is.
async function copiedColumns(db: Db, table: string): Promise<string[]> {
  const rows = await selectRows<{ name: string }>(db, sql`
    SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = ${table} AND is_generated = 'NEVER'
    ORDER BY ordinal_position`);
  return rows.map((row) => row.name);
}

async function rowCount(db: Db, table: string): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row?.n ?? 0;
}

// Each row leaves the source as JSON text (numbers too large for a JavaScript number stay exact)
// and enters the target through json_populate_recordset, which reads every value with its
// column type's own input function.
async function copyTable(source: Db, target: Db, table: string): Promise<number> {
  const columns = await copiedColumns(source, table);
  const list = sql.raw(columns.map((column) => `"${column.replaceAll('"', '""')}"`).join(', '));
  const name = sql.identifier(table);
  let copied = 0;
  await source.transaction(async (read) => {
    await read.execute(sql`DECLARE copy_rows NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS j FROM (SELECT ${list} FROM ${name}) r`);
    for (;;) {
      const rows = await selectRows<{ j: string }>(read, sql`FETCH ${sql.raw(String(CHUNK_ROWS))} FROM copy_rows`);
      if (rows.length === 0) break;
      const json = `[${rows.map((row) => row.j).join(',')}]`;
      await target.execute(sql`INSERT INTO ${name} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${name}, ${json}::json)`);
      copied += rows.length;
    }
    await read.execute(sql`CLOSE copy_rows`);
  });
  return copied;
}

async function copySequences(source: Db, target: Db): Promise<void> {
  const sequences = await selectRows<{ name: string; value: string | null }>(source, sql`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`);
  for (const sequence of sequences) {
    if (sequence.value !== null) await target.execute(sql`SELECT setval(format('public.%I', ${sequence.name}::text)::regclass, ${sequence.value}::bigint)`);
  }
}

// Empty: no tables at all, or Jalin's tables with no agreement and no account in them (migrated by
// a server started on it without data, or by a copy that was rolled back); their rows are replaced.
async function refuseUnlessEmpty(target: Db): Promise<void> {
  const tables = await tablesOf(target);
  if (tables.length === 0) return;
  const holds = tables.includes('agreements') && tables.includes('users') ? (await rowCount(target, 'agreements')) + (await rowCount(target, 'users')) : null;
  if (holds === 0) return;
  throw refuse(
    `Basis data tujuan tidak kosong (${tables.length} tabel${holds ? `, ${holds} perjanjian dan akun` : ''}); salin hanya ke basis data PostgreSQL baru (CREATE DATABASE …). Tidak ada yang ditulis.`,
    `The target database is not empty (${tables.length} tables${holds ? `, ${holds} agreements and accounts` : ''}); copy only into a new PostgreSQL database (CREATE DATABASE …). Nothing was written.`,
  );
}

export async function copyToPostgres(
  databases: { source: Database; target: Database },
  onTable: (copied: CopiedTable) => void = () => undefined,
): Promise<CopiedTable[]> {
  const { source, target } = databases;
  if (source.kind !== 'pglite' || target.kind !== 'postgres') throw new Error('copyToPostgres copies the embedded database into PostgreSQL');
  await refuseUnlessEmpty(target.db);
  // Both at this version's migrations: the same tables with the same columns.
  await migrateDatabase(source);
  await migrateDatabase(target);
  const tables = await tablesOf(source.db);
  const targetTables = await tablesOf(target.db);
  if (targetTables.join() !== tables.join()) throw new Error(`the migrated target's tables differ from the source's: ${targetTables.join()} / ${tables.join()}`);
  const copied: CopiedTable[] = [];
  await target.db.transaction(async (write) => {
    await write.execute(sql`SET LOCAL session_replication_role = replica`).catch((error: unknown) => {
      throw refuse(
        `Peran PostgreSQL ini tidak boleh mematikan trigger saat menyalin (session_replication_role); jalankan dengan pemilik server (superuser). ${String(error)}`,
        `This PostgreSQL role may not turn triggers off for the copy (session_replication_role); run it as the server's superuser. ${String(error)}`,
      );
    });
    for (const table of tables) {
      // The target's migrations seeded some tables (settings, …): the source's rows replace them.
      await write.execute(sql`DELETE FROM ${sql.identifier(table)}`);
      const rows = await copyTable(source.db, write, table);
      const [expected, written] = [await rowCount(source.db, table), await rowCount(write, table)];
      if (written !== expected || rows !== expected) {
        throw refuse(
          `Tabel ${table}: ${expected} baris di asal, ${written} di tujuan; salinan dibatalkan, tidak ada yang ditulis.`,
          `Table ${table}: ${expected} rows in the source, ${written} in the target; the copy was rolled back, nothing was written.`,
        );
      }
      copied.push({ table, rows });
      onTable({ table, rows });
    }
    await copySequences(source.db, write);
  });
  return copied;
}
