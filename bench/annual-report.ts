// `npx tsx bench/annual-report.ts [--agreements 5000] [--db pglite|postgres]`
// The annual report of a year with N agreements in force, each with a plan and a verified report:
// how long the background generation takes, and how much it delays other requests meanwhile
// (p95 of GET /api/auth/me asked every 25 ms while it runs, against the same with nothing running).
// Prints one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
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
import { insertUser } from '../src/server/modules/users/users.service';
import { testCtx } from '../tests/support/test-ctx';

const { values: args } = parseArgs({ options: { agreements: { type: 'string', default: '5000' }, db: { type: 'string', default: 'pglite' } } });
const count = Number(args.agreements);
const log = (message: string) => process.stderr.write(`${message}\n`);

async function open(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (args.db === 'postgres') {
    const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `jalin_bench_annual_${Date.now()}`;
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
  const dir = mkdtempSync(path.join(tmpdir(), 'jalin-bench-annual-'));
  const database = await openPglite({ dataDir: dir });
  return { database, dispose: async () => (await database.close(), rmSync(dir, { recursive: true, force: true })) };
}

// N agreements in force during 2025 (and as many outside it), each in force one with a 2025 plan and
// a verified 2025-S1 report, written in SQL.
async function fill(database: Database): Promise<void> {
  const db = database.db;
  await db.execute(sql`INSERT INTO partners (name, name_key, category_code) SELECT 'PT Bench ' || g, 'pt bench ' || g, 'swasta' FROM generate_series(1, 200) g`);
  await db.execute(sql`
    INSERT INTO agreements (doc_type, kind, title, number_ours, number_key, signed_on, starts_on, ends_on, primary_sector_code, primary_category_code, scope, purpose)
    SELECT (ARRAY['KB','PKS','NK'])[1 + g % 3], 'KSDPK', 'Kerja sama bench ' || g, 'BENCH/' || g, 'bench/' || g,
      CASE WHEN g <= ${count} THEN date '2022-01-01' + (g % 1000) ELSE date '2016-01-01' + (g % 1000) END,
      CASE WHEN g <= ${count} THEN date '2022-01-01' + (g % 1000) ELSE date '2016-01-01' + (g % 1000) END,
      CASE WHEN g <= ${count} THEN date '2026-06-01' + (g % 500) ELSE date '2019-06-01' + (g % 300) END,
      'pendidikan', 'swasta', 'Ruang lingkup kerja sama bench ' || g, 'Maksud dan tujuan kerja sama bench ' || g
    FROM generate_series(1, ${count * 2}) g`);
  await db.execute(sql`INSERT INTO agreement_partners (agreement_id, partner_id, position)
    SELECT a.id, (SELECT id FROM partners ORDER BY name LIMIT 1 OFFSET (abs(hashtext(a.id::text)) % 200)), 0 FROM agreements a`);
  await db.execute(sql`INSERT INTO agreement_units (agreement_id, unit_id, is_lead)
    SELECT a.id, (SELECT id FROM units ORDER BY name LIMIT 1 OFFSET (abs(hashtext(a.id::text)) % 20)), true FROM agreements a`);
  await db.execute(sql`INSERT INTO agreement_sectors (agreement_id, sector_code) SELECT id, primary_sector_code FROM agreements`);
  await db.execute(sql`INSERT INTO activity_plans (agreement_id, unit_id, budget_year, title, budget_amount, budget_source, indicators)
    SELECT au.agreement_id, au.unit_id, 2025, 'Kegiatan bench', 25000000, 'APBD', '[{"name":"Peserta","unit":"orang","target":50}]'::jsonb
    FROM agreement_units au JOIN agreements a ON a.id = au.agreement_id WHERE a.ends_on >= date '2025-01-01'`);
  await db.execute(sql`INSERT INTO realisation_reports (plan_id, agreement_id, unit_id, period, status, summary, outputs, completion, beneficiaries, funds, obstacles_internal, follow_up, verified_at)
    SELECT id, agreement_id, unit_id, '2025-S1', 'verified', 'Kegiatan dilaksanakan sesuai rencana.', 'Modul pelatihan.', 'completed',
      '[{"group":"umkm","count":40},{"group":"warga","count":12}]'::jsonb, '[{"source":"APBD","realised":"20000000"}]'::jsonb, 'Jadwal mitra padat.', 'Dilanjutkan.', now()
    FROM activity_plans`);
  await db.execute(sql`ANALYZE`);
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0) * 10) / 10;
}

async function probe(url: string, cookie: string, until: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!until()) {
    const started = performance.now();
    await (await fetch(url, { headers: { cookie } })).text();
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return times;
}

async function main() {
  const { database, dispose } = await open();
  const storage = mkdtempSync(path.join(tmpdir(), 'jalin-bench-files-'));
  try {
    await migrateDatabase(database);
    const now = new Date();
    await seedDefaultUnits(database.db, now);
    log(`filling ${count} agreements in force in 2025 (and ${count} outside it)`);
    await fill(database);
    const env = parseEnv({ LOG_LEVEL: 'silent', JALIN_STORAGE_DIR: storage });
    const app = await buildApp({ database, env, files: createLocalFileStore(storage), clock: () => new Date() }, { logger: false });
    await insertUser(testCtx({ db: database.db, actor: null, now }), { email: 'bench@jalin.local', name: 'Bench', role: 'admin', unitId: null, password: 'bench-password-123' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@jalin.local', password: 'bench-password-123' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // Health is refreshed once beforehand, as any screen of the register does on its first read.
    await fetch(`${address}/api/agreements?health=dorman`, { headers: { cookie } });
    const idleUntil = performance.now() + 5000;
    const idle = await probe(`${address}/api/auth/me`, cookie, () => performance.now() > idleUntil);
    const started = performance.now();
    const created = (await (
      await fetch(`${address}/api/statutory-reports`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'annual', year: 2025 }) })
    ).json()) as { id: string };
    let done = false;
    let sections = 0;
    const watcher = (async () => {
      for (;;) {
        const view = (await (await fetch(`${address}/api/statutory-reports`, { headers: { cookie } })).json()) as { reports: { id: string; job: { status: string }; sectionCount: number }[] };
        const report = view.reports.find((candidate) => candidate.id === created.id);
        if (report && report.job.status !== 'pending') {
          sections = report.sectionCount;
          done = true;
          return report.job.status;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const busy = await probe(`${address}/api/auth/me`, cookie, () => done);
    const status = await watcher;
    const generationSeconds = Math.round((performance.now() - started) / 100) / 10;
    const fileStarted = performance.now();
    const pdf = await fetch(`${address}/api/statutory-reports/${created.id}/file?format=xlsx`, { headers: { cookie } });
    const xlsxSeconds = Math.round((performance.now() - fileStarted) / 100) / 10;
    const xlsxBytes = (await pdf.arrayBuffer()).byteLength;
    process.stdout.write(
      `${JSON.stringify({ db: args.db, inForce: count, status, sections, generationSeconds, xlsxSeconds, xlsxBytes, idleP95Ms: p95(idle), duringP95Ms: p95(busy), delayP95Ms: Math.round((p95(busy) - p95(idle)) * 10) / 10, probes: busy.length })}\n`,
    );
    await app.close();
  } finally {
    await dispose();
    rmSync(storage, { recursive: true, force: true });
  }
}

void main();
