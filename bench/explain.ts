// `npx tsx bench/explain.ts <url|dir> [--repeat N] [--plans] [query string …]`, e.g. `'' 'q=biaya'`
// Runs the registry search once per query string against a built registry (bench/run.ts --keep),
// then replays each statement it sent N times and prints the fastest and the median time of each
// (on a busy machine the fastest run is the least disturbed one); with --plans also its
// EXPLAIN (ANALYZE, BUFFERS), to reason about plans rather than wall-clock time alone.
import { parseArgs } from 'node:util';
import { anotherHandle, migrateDatabase, openPglite, openPostgres, type Database, type Db } from '../src/server/db/client';
import { searchAgreements } from '../src/server/modules/search/search.service';
import { SearchQuerySchema } from '../src/shared/search';
import { testCtx } from '../tests/support/test-ctx';

type Statement = { sql: string; params: unknown[] };
type RawClient = { query: (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { repeat: { type: 'string', default: '5' }, plans: { type: 'boolean', default: false } },
});
const [where = '', ...queries] = positionals;
const repeat = Number(options.repeat);
const log = (message: string) => process.stdout.write(`${message}\n`);

function loggedDb(db: Db, statements: Statement[]): Db {
  const logger = { logQuery: (text: string, params: unknown[]) => statements.push({ sql: text, params }) };
  return anotherHandle(db, { logger });
}

async function explain(database: Database, query: string): Promise<void> {
  const statements: Statement[] = [];
  const actor = { id: '00000000-0000-4000-8000-000000000000', email: 'bench@jalin.local', name: 'Bench', role: 'admin' as const, unitId: null };
  const input = SearchQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)));
  const started = performance.now();
  await searchAgreements(testCtx({ db: loggedDb(database.db, statements), actor, now: new Date() }), input);
  log(`\n=== ${query || '(no filter)'}: ${Math.round(performance.now() - started)} ms, ${statements.length} statements`);
  const raw = (database.db as unknown as { $client: RawClient }).$client;
  for (const statement of statements) {
    const times: number[] = [];
    for (let run = 0; run < repeat; run += 1) {
      const start = performance.now();
      await raw.query(statement.sql, statement.params);
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    const ms = (value: number | undefined) => (value ?? 0).toFixed(1).padStart(7);
    log(`${ms(times[0])} ${ms(times[Math.floor(times.length / 2)])} ms  ${statement.sql.replace(/\s+/g, ' ').slice(0, 110)}`);
    if (!options.plans) continue;
    const { rows } = await raw.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
    for (const row of rows) log(`    ${String(Object.values(row)[0])}`);
  }
}

async function main() {
  const database = /^postgres(ql)?:/.test(where) ? openPostgres(where) : await openPglite({ dataDir: where });
  try {
    await migrateDatabase(database);
    for (const query of queries.length ? queries : ['']) await explain(database, query);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`explain failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
