// `npm run bench -- --agreements 100000 --json bench.json [--db pglite|postgres] [--keep] [--reuse <url|dir>] [--only registry|health|leadership|ocr]`
// Builds a realistic registry in a fresh database through Jalin's own import, then measures the
// HTTP API (search, list, statistics) against the same query as plain SQL. Prints one JSON object.
// --keep leaves the built database in place (its address is printed); --reuse measures such a
// database again without rebuilding it, after applying any newer migrations. --only measures one
// part: the registry (search, list, statistics), monitoring (health-filtered lists, monitor) or the
// leadership's dashboard, which adds plans and realisation reports first and runs only when asked,
// as does OCR (bench/ocr.ts: pages per minute, and the search's p95 while a scan is read).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { ensureHealthFresh } from '../src/server/modules/agreement-health/agreement-health.service';
import { keepRegisterCounts } from '../src/server/modules/search/search.service';
import { seedDefaultUnits } from '../src/server/bootstrap';
import { anotherHandle, migrateDatabase, openPglite, openPostgres, type Database } from '../src/server/db/client';
import { parseEnv } from '../src/server/env';
import { createLocalFileStore } from '../src/server/lib/file-store';
import { importFile } from '../src/server/modules/imports/imports.service';
import { insertUser } from '../src/server/modules/users/users.service';
import { MAX_IMPORT_ROWS } from '../src/shared/imports';
import { insertDocumentTexts, pdfDerivedTexts } from './documents';
import { generateRows, toCsv } from './generate';
import { measureHealth } from './health';
import { ensureMonitoringRows, measureLeadership } from './leadership';
import { measure, summarize } from './measure';
import { measureOcr } from './ocr';
import { testCtx } from '../tests/support/test-ctx';

const { values: args } = parseArgs({
  options: {
    agreements: { type: 'string', default: '100000' },
    documents: { type: 'string' },
    db: { type: 'string', default: 'pglite' },
    json: { type: 'string' },
    rounds: { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    only: { type: 'string' },
  },
});
const agreementCount = Number(args.agreements);
const documentCount = args.documents ? Number(args.documents) : Math.round(agreementCount / 5);
const rounds = Number(args.rounds);
const PARTS = ['registry', 'health', 'leadership', 'ocr'];
if (args.only !== undefined && !PARTS.includes(args.only)) throw new Error(`--only must be one of ${PARTS.join(', ')}, not ${args.only}`);
const ON_REQUEST = new Set(['leadership', 'ocr']);
const measures = (part: string) => (args.only === undefined ? !ON_REQUEST.has(part) : args.only === part);
const log = (message: string) => process.stderr.write(`${message}\n`);

type Opened = { database: Database; where: string; dispose: () => Promise<void> };

async function openFresh(kind: string): Promise<Opened> {
  if (kind === 'postgres') {
    const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `jalin_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    const database = openPostgres(url.toString());
    return {
      database,
      where: url.toString(),
      async dispose() {
        await database.close();
        if (args.keep) return;
        const cleaner = new pg.Client({ connectionString: server });
        await cleaner.connect();
        await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleaner.end();
      },
    };
  }
  if (kind !== 'pglite') throw new Error(`--db must be pglite or postgres, not ${kind}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'jalin-bench-'));
  const database = await openPglite({ dataDir: dir });
  return {
    database,
    where: dir,
    async dispose() {
      await database.close();
      if (!args.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openExisting(where: string): Promise<Opened> {
  const database = /^postgres(ql)?:/.test(where) ? openPostgres(where) : await openPglite({ dataDir: where });
  return { database, where, dispose: () => database.close() };
}

// Generates the rows, imports them in files of the largest size the import takes, adds document
// texts; answers the import's speed.
async function buildRegistry(database: Database, now: Date): Promise<{ imported: number; rowsPerSecond: number }> {
  await seedDefaultUnits(database.db, now);
  const ctx = testCtx({ db: database.db, actor: null, now });
  log(`generating ${agreementCount} agreements`);
  const rows = generateRows(agreementCount);
  let imported = 0;
  const importStarted = performance.now();
  for (let start = 0; start < rows.length; start += MAX_IMPORT_ROWS) {
    const bytes = new TextEncoder().encode(toCsv(rows.slice(start, start + MAX_IMPORT_ROWS)));
    const result = await importFile(ctx, { fileName: `register-${start}.csv`, bytes, dryRun: false });
    if (!result.run || result.preview.issues.length > 0) throw new Error(`import refused: ${JSON.stringify(result.preview.issues.slice(0, 3))}`);
    imported += result.run.createdCount;
    log(`  imported ${imported}`);
  }
  const importSeconds = (performance.now() - importStarted) / 1000;
  log(`adding ${documentCount} document texts`);
  const templates = await pdfDerivedTexts();
  await insertDocumentTexts(database.db, documentCount, templates);
  return { imported, rowsPerSecond: Math.round(imported / importSeconds) };
}

async function countOf(database: Database, table: 'agreements' | 'documents'): Promise<number> {
  // Both drivers answer raw SQL with { rows }.
  const result: unknown = await database.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return (result as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

async function main() {
  const { database, where, dispose } = args.reuse ? await openExisting(args.reuse) : await openFresh(args.db);
  const storage = mkdtempSync(path.join(tmpdir(), 'jalin-bench-files-'));
  try {
    await migrateDatabase(database);
    const now = new Date();
    const built = args.reuse ? null : await buildRegistry(database, now);
    if (measures('leadership')) await ensureMonitoringRows(database.db, log);
    await database.db.execute(sql`ANALYZE`);
    // What a server does at start before its first reader (background-jobs.ts: the jobs `health` and
    // `registry-counts`): the day's stored health, then the day's counts, stored for every process.
    // Through a handle of their own, as from another process: the server's first lists read the
    // stored counts from the database, not the job's memory.
    const jobsStarted = performance.now();
    const jobsDb = anotherHandle(database.db);
    await ensureHealthFresh({ db: jobsDb, now: new Date() });
    const countedLists = await keepRegisterCounts({ db: jobsDb, now: new Date() });
    const startJobsMs = Math.round(performance.now() - jobsStarted);
    log(`start-up jobs: ${countedLists} lists counted in ${startJobsMs} ms`);

    const env = parseEnv({ LOG_LEVEL: 'silent', JALIN_STORAGE_DIR: storage });
    const app = await buildApp({ database, env, files: createLocalFileStore(storage), clock: () => new Date() }, { logger: false });
    const email = `bench-${Date.now()}@jalin.local`;
    await insertUser(testCtx({ db: database.db, actor: null, now }), { email, name: 'Bench', role: 'admin', unitId: null, password: 'bench-password-123' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench-password-123' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const measureOptions = { baseUrl: address, cookie, db: database.db, rounds, log };
    const registry = measures('registry') ? summarize(await measure(measureOptions)) : null;
    const health = measures('health') ? await measureHealth(measureOptions) : null;
    const leadership = measures('leadership') ? await measureLeadership(measureOptions) : null;
    const ocr = measures('ocr') ? await measureOcr(measureOptions) : null;
    await app.close();

    const report = {
      agreements: built?.imported ?? (await countOf(database, 'agreements')),
      documents: built ? documentCount : await countOf(database, 'documents'),
      database: database.kind,
      import_rows_per_s: built?.rowsPerSecond ?? null,
      start_jobs_ms: startJobsMs,
      ...registry,
      ...health,
      ...leadership,
      ...ocr,
      rounds,
      node: process.version,
      measured_at: new Date().toISOString(),
    };
    const text = JSON.stringify(report);
    process.stdout.write(`${text}\n`);
    if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    if (args.keep) log(`database kept: ${where}`);
  } finally {
    await dispose();
    rmSync(storage, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
