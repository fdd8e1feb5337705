import type { Command } from 'commander';
import { CliFailure, type CliRuntime } from './cli-runtime';
import { copyToPostgres } from './db/copy-database';
import { openPostgres } from './db/client';

// `database-copy --to <postgres url>`: the embedded database (JALIN_DATA_DIR) into a new, empty
// PostgreSQL database, for a register grown past JALIN_EMBEDDED_AGREEMENT_LIMIT. With the server
// stopped, so that nothing changes during the copy; it does not switch the database in use: set
// DATABASE_URL to the target (keeping JALIN_STORAGE_DIR, where the documents stay) and start again.
async function databaseCopyCommand(rt: CliRuntime, options: { to: string }) {
  if (rt.env.DATABASE_URL) {
    throw new CliFailure('DATABASE_URL sudah diisi: perintah ini menyalin basis data tertanam; jalankan tanpa DATABASE_URL / DATABASE_URL is set: this command copies the embedded database; run it without DATABASE_URL.');
  }
  if (!/^postgres(ql)?:\/\//.test(options.to)) throw new CliFailure(`--to harus alamat PostgreSQL (postgres://…) / --to must be a PostgreSQL address (postgres://…), not ${options.to}`);
  const copied = await rt.withDataDirAlone(() =>
    rt.withDatabase(async (source) => {
      const target = openPostgres(options.to, { max: 2 });
      try {
        return await copyToPostgres({ source, target }, ({ table, rows }) => rt.err(`  ${table}: ${rows}`));
      } finally {
        await target.close();
      }
    }),
  );
  const rows = copied.reduce((sum, table) => sum + table.rows, 0);
  rt.out(
    `Disalin / copied: ${copied.length} tabel / tables, ${rows} baris / rows. Setel DATABASE_URL ke tujuan, biarkan JALIN_STORAGE_DIR, lalu jalankan server / set DATABASE_URL to the target, keep JALIN_STORAGE_DIR, then start the server.`,
  );
}

export function addDatabaseCopyCommand(program: Command, rt: CliRuntime): void {
  program
    .command('database-copy')
    .description('salin basis data tertanam ke basis data PostgreSQL baru yang kosong / copy the embedded database into a new, empty PostgreSQL database')
    .requiredOption('--to <url>', 'alamat PostgreSQL tujuan / the target PostgreSQL address')
    .action((options: { to: string }) => databaseCopyCommand(rt, options));
}
