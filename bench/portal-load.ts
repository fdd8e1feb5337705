// The public portal under load: 200 concurrent readers for 60 s over its pages and open data JSON,
// against the app started as in production (a separate process) with the demo data on PostgreSQL.
// npm run bench:portal [-- --connections 200 --duration 60 --processes 1]
// --processes N: N Jalin processes on the one database, the readers split evenly between them (as a
// proxy in front would spread them), to measure how throughput grows with processes.
// BENCH_DATABASE_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
// a fresh database is made there and dropped afterwards.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startApp, type RunningApp } from '../tests/e2e/support/server';
import { countedRequests, METRICS_TOKEN } from './metrics-scrape';

const { values: args } = parseArgs({
  options: { connections: { type: 'string', default: '200' }, duration: { type: 'string', default: '60' }, processes: { type: 'string', default: '1' } },
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

// `sent`: requests the load tool wrote, answered or still under way when it stopped at the end.
type Load = { latencies: number[]; statuses: Map<number, number>; sent: number; errors: number; timeouts: number };

// One autocannon run per process, all at once, each with its share of the readers.
async function loadAll(baseUrls: string[], paths: string[], connections: number, duration: number): Promise<Load> {
  const load: Load = { latencies: [], statuses: new Map(), sent: 0, errors: 0, timeouts: 0 };
  const runs = baseUrls.map((baseUrl, index) => {
    const share = Math.floor(connections / baseUrls.length) + (index < connections % baseUrls.length ? 1 : 0);
    const instance = autocannon({ url: baseUrl, connections: share, duration, requests: paths.map((path) => ({ method: 'GET', path })) });
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      load.latencies.push(responseTime);
      load.statuses.set(statusCode, (load.statuses.get(statusCode) ?? 0) + 1);
    });
    return instance;
  });
  for (const result of await Promise.all(runs)) {
    // autocannon reports what it sent beside its typed figures.
    load.sent += (result.requests as { sent?: number }).sent ?? 0;
    load.errors += result.errors;
    load.timeouts += result.timeouts;
  }
  return load;
}

async function main() {
  const connections = Number(args.connections);
  const duration = Number(args.duration);
  const processCount = Number(args.processes);
  await withDatabase(async (databaseUrl) => {
    log(`starting ${processCount} Jalin process(es) with the demo data on PostgreSQL…`);
    const apps: RunningApp[] = [];
    try {
      // The first start loads the demo; the others find it there.
      for (let index = 0; index < processCount; index += 1) {
        apps.push(await startApp({ DATABASE_URL: databaseUrl, JALIN_DEMO: '1', NODE_ENV: 'production', JALIN_METRICS_TOKEN: METRICS_TOKEN, JALIN_OCR_WORKERS: '0' }));
      }
      const baseUrls = apps.map((app) => app.baseUrl);
      const paths = await portalPaths(baseUrls[0] ?? '');
      log(`${paths.length} addresses, ${connections} connections, ${duration} s, ${processCount} process(es)`);
      // One reader first, on every process: the figures are of the portal as readers meet it, pages already rendered.
      for (const baseUrl of baseUrls) for (const path of paths) await (await fetch(`${baseUrl}${path}`)).arrayBuffer();
      const before = await Promise.all(baseUrls.map((baseUrl) => countedRequests(baseUrl)));
      const load = await loadAll(baseUrls, paths, connections, duration);
      const after = await Promise.all(baseUrls.map((baseUrl) => countedRequests(baseUrl)));
      const counted = after.reduce((sum, value, index) => sum + value - (before[index] ?? 0), 0);
      load.latencies.sort((a, b) => a - b);
      const non2xx = [...load.statuses.entries()].filter(([status]) => status < 200 || status >= 300).reduce((sum, [, count]) => sum + count, 0);
      const summary = {
        processes: processCount,
        connections,
        durationSeconds: duration,
        addresses: paths.length,
        requests: load.latencies.length,
        requestsPerSecond: Math.round(load.latencies.length / duration),
        errors: load.errors,
        timeouts: load.timeouts,
        non2xx,
        statuses: Object.fromEntries(load.statuses),
        // What the processes' own /metrics counted over the load, against what the load tool sent
        // (the answers it received, plus those under way when it closed its connections at the end).
        metrics: { countedByServers: counted, sentByLoadTool: load.sent, receivedByLoadTool: load.latencies.length, isEqual: counted === load.sent },
        latencyMs: { p50: percentile(load.latencies, 0.5), p90: percentile(load.latencies, 0.9), p95: percentile(load.latencies, 0.95), p99: percentile(load.latencies, 0.99), max: load.latencies.at(-1) ?? 0 },
      };
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      if (summary.errors > 0 || summary.timeouts > 0 || non2xx > 0 || summary.latencyMs.p95 >= 100 || !summary.metrics.isEqual) process.exitCode = 1;
    } finally {
      for (const app of apps) await app.stop();
    }
  });
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
