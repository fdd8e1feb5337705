// The public portal under load: 200 concurrent readers for 60 s over its pages and open data JSON,
// against the app started as in production (a separate process) with the demo data on PostgreSQL.
// npm run bench:portal [-- --connections 200 --duration 60]
// BENCH_DATABASE_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
// a fresh database is made there and dropped afterwards.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startApp } from '../tests/e2e/support/server';

const { values: args } = parseArgs({
  options: { connections: { type: 'string', default: '200' }, duration: { type: 'string', default: '60' } },
});
const log = (message: string) => process.stderr.write(`${message}\n`);

async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `jalin_portal_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    const cleaner = new pg.Client({ connectionString: server });
    await cleaner.connect();
    await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleaner.end();
  }
}

// The addresses a reader visits: every portal page kind, agreement pages found on the list.
async function portalPaths(baseUrl: string): Promise<string[]> {
  const list = await (await fetch(`${baseUrl}/kerja-sama`)).text();
  const agreements = [...new Set([...list.matchAll(/href="(\/kerja-sama\/[a-z0-9-]+)"/g)].map((match) => match[1] ?? ''))].slice(0, 10);
  if (agreements.length === 0) throw new Error('no agreement on /kerja-sama: is the demo data loaded?');
  return [
    '/',
    '/kerja-sama',
    '/kerja-sama?halaman=2',
    '/kerja-sama?bidang=pendidikan',
    '/kerja-sama?q=bank',
    ...agreements,
    '/peluang',
    '/peluang?jenis=beasiswa',
    '/usulan',
    '/usulan/panduan/KSDPK',
    '/data',
    '/data/kerja-sama.json',
    '/feed.xml',
  ];
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

async function main() {
  const connections = Number(args.connections);
  const duration = Number(args.duration);
  await withDatabase(async (databaseUrl) => {
    log('starting Jalin with the demo data on PostgreSQL…');
    const app = await startApp({ DATABASE_URL: databaseUrl, JALIN_DEMO: '1', NODE_ENV: 'production' });
    try {
      const paths = await portalPaths(app.baseUrl);
      log(`${paths.length} addresses, ${connections} connections, ${duration} s`);
      // One reader first: the figures are of the portal as readers meet it, pages already rendered.
      for (const path of paths) await (await fetch(`${app.baseUrl}${path}`)).arrayBuffer();
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      const instance = autocannon({ url: app.baseUrl, connections, duration, requests: paths.map((path) => ({ method: 'GET', path })) });
      instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
        statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      });
      const result = await instance;
      latencies.sort((a, b) => a - b);
      const non2xx = [...statuses.entries()].filter(([status]) => status < 200 || status >= 300).reduce((sum, [, count]) => sum + count, 0);
      const summary = {
        connections,
        durationSeconds: duration,
        addresses: paths.length,
        requests: latencies.length,
        requestsPerSecond: Math.round(result.requests.average),
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx,
        statuses: Object.fromEntries(statuses),
        latencyMs: { p50: percentile(latencies, 0.5), p90: percentile(latencies, 0.9), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99), max: latencies.at(-1) ?? 0 },
      };
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      if (summary.errors > 0 || summary.timeouts > 0 || non2xx > 0 || summary.latencyMs.p95 >= 100) process.exitCode = 1;
    } finally {
      await app.stop();
    }
  });
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
