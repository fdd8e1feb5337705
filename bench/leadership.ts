// `npx tsx bench/leadership.ts --reuse <postgres url|pglite dir> [--rounds 100]`
// The leadership dashboard through HTTP on a register built by `npm run bench -- --keep` with
// monitoring rows added (bench/monitoring-rows.ts, `--add-rows <years>` adds them here once):
// the first answer after a change (computed) and then `rounds` answers alternating two periods
// (year to date and last year, each kept under the registry's revision). Prints one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { selectRows } from '../src/server/db/bulk-sql';
import { migrateDatabase, openPglite, openPostgres } from '../src/server/db/client';
import { parseEnv } from '../src/server/env';
import { createLocalFileStore } from '../src/server/lib/file-store';
import { insertUser } from '../src/server/modules/users/users.service';
import { testCtx } from '../tests/support/test-ctx';
import { insertMonitoringRows } from './monitoring-rows';

const { values: args } = parseArgs({ options: { reuse: { type: 'string' }, rounds: { type: 'string', default: '100' }, 'add-rows': { type: 'string' } } });
if (!args.reuse) throw new Error('--reuse <database> is required');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0) * 10) / 10;
}

async function timed(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function main() {
  const where = args.reuse ?? '';
  const database = /^postgres(ql)?:/.test(where) ? openPostgres(where) : await openPglite({ dataDir: where });
  const storage = mkdtempSync(path.join(tmpdir(), 'jalin-bench-files-'));
  try {
    await migrateDatabase(database);
    if (args['add-rows']) await insertMonitoringRows(database.db, { yearsPerAgreement: Number(args['add-rows']) });
    await database.db.execute(sql`VACUUM ANALYZE`);
    const [counts] = await selectRows<Record<string, number>>(database.db, sql`SELECT (SELECT count(*) FROM agreements)::int AS agreements, (SELECT count(*) FROM realisation_reports)::int AS reports, (SELECT count(*) FROM activity_plans)::int AS plans`);
    const now = new Date();
    const env = parseEnv({ LOG_LEVEL: 'silent', JALIN_STORAGE_DIR: storage });
    const app = await buildApp({ database, env, files: createLocalFileStore(storage), clock: () => new Date() }, { logger: false });
    const email = `bench-leader-${Date.now()}@jalin.local`;
    await insertUser(testCtx({ db: database.db, actor: null, now }), { email, name: 'Bench', role: 'pimpinan', unitId: null, password: 'bench-password-123' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password-123' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const lastYear = now.getUTCFullYear() - 1;
    const urls = [`${address}/api/leadership/dashboard`, `${address}/api/leadership/dashboard?from=${lastYear}-01-01&to=${lastYear}-12-31`];
    const first = [await timed(urls[0] ?? '', cookie), await timed(urls[1] ?? '', cookie)];
    const times: number[] = [];
    for (let round = 0; round < Number(args.rounds); round += 1) times.push(await timed(urls[round % 2] ?? '', cookie));
    const funnel = await timed(`${address}/api/leadership/funnel/impact`, cookie);
    await app.close();
    process.stdout.write(`${JSON.stringify({ ...counts, database: database.kind, dashboard_first_ms: first.map(Math.round), dashboard_p50_ms: percentile(times, 50), dashboard_p95_ms: percentile(times, 95), dashboard_max_ms: percentile(times, 100), funnel_list_first_ms: Math.round(funnel), rounds: times.length, measured_at: new Date().toISOString() })}\n`);
  } finally {
    await database.close();
    rmSync(storage, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
