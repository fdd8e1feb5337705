// `npm run bench -- --agreements 100000 --json bench.json [--db pglite|postgres]`
// Builds a realistic registry in a fresh database through Jalin's own import, then measures the
// HTTP API (search, list, statistics) against the same query as plain SQL. Prints one JSON object.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { seedDefaultUnits } from '../src/server/bootstrap';
import { migrateDatabase, openPglite, openPostgres, type Database } from '../src/server/db/client';
import { parseEnv } from '../src/server/env';
import { createLocalFileStore } from '../src/server/lib/file-store';
import { importFile } from '../src/server/modules/imports/imports.service';
import { insertUser } from '../src/server/modules/users/users.service';
import { MAX_IMPORT_ROWS } from '../src/shared/imports';
import { insertDocumentTexts, pdfDerivedTexts } from './documents';
import { generateRows, toCsv } from './generate';
import { measure, summarize } from './measure';

const { values: args } = parseArgs({
  options: {
    agreements: { type: 'string', default: '100000' },
    documents: { type: 'string' },
    db: { type: 'string', default: 'pglite' },
    json: { type: 'string' },
    rounds: { type: 'string', default: '100' },
  },
});
const agreementCount = Number(args.agreements);
const documentCount = args.documents ? Number(args.documents) : Math.round(agreementCount / 5);
const rounds = Number(args.rounds);
const log = (message: string) => process.stderr.write(`${message}\n`);

async function openFresh(kind: string): Promise<{ database: Database; dispose: () => Promise<void> }> {
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
      async dispose() {
        await database.close();
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
  return { database, dispose: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function main() {
  const { database, dispose } = await openFresh(args.db);
  const storage = mkdtempSync(path.join(tmpdir(), 'jalin-bench-files-'));
  try {
    await migrateDatabase(database);
    const now = new Date();
    await seedDefaultUnits(database.db, now);
    const ctx = { db: database.db, actor: null, now };

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
    await database.db.execute(sql`ANALYZE`);

    const env = parseEnv({ LOG_LEVEL: 'silent', JALIN_STORAGE_DIR: storage });
    const app = await buildApp({ database, env, files: createLocalFileStore(storage), clock: () => new Date() }, { logger: false });
    await insertUser(ctx, { email: 'bench@jalin.local', name: 'Bench', role: 'admin', unitId: null, password: 'bench-password-123' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@jalin.local', password: 'bench-password-123' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const results = await measure({ baseUrl: address, cookie, db: database.db, rounds, log });
    await app.close();

    const report = {
      agreements: imported,
      documents: documentCount,
      database: database.kind,
      import_rows_per_s: Math.round(imported / importSeconds),
      ...summarize(results),
      rounds,
      node: process.version,
      measured_at: new Date().toISOString(),
    };
    const text = JSON.stringify(report);
    process.stdout.write(`${text}\n`);
    if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await dispose();
    rmSync(storage, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
