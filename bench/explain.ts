// `npx tsx bench/explain.ts --url <postgres url> --q biaya [--q …]`: the plan, with its timings
// and buffers, of each statement a registry search sends, on a database the benchmark kept
// (`npm run bench -- --keep`). Shows where a slow search spends its time.
import { parseArgs } from 'node:util';
import { openPostgres } from '../src/server/db/client';
import { captureStatements } from './measure';

const { values: args } = parseArgs({ options: { url: { type: 'string' }, q: { type: 'string', multiple: true, default: ['biaya'] } } });
if (!args.url) throw new Error('--url <postgres url> is required');
const database = openPostgres(args.url, { max: 1 });
const client = (database.db as unknown as { $client: { query: (text: string, params: unknown[]) => Promise<{ rows: Record<string, string>[] }> } }).$client;
try {
  for (const q of args.q) {
    for (const statement of await captureStatements(database.db, q)) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
      process.stdout.write(`\n=== ${q}: ${statement.sql.slice(0, 120).replace(/\s+/g, ' ')}…\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
    }
  }
} finally {
  await database.close();
}
