import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client';
import { insertMonitoringRows } from './monitoring-rows';
import { percentile, timeFetch } from './timing';

// The leadership's dashboard over a large register (issue 12): its API p95 ≤ 100 ms at 100,000
// agreements and 500,000 realisation rows on PostgreSQL.

// The periods a pimpinan picks: this year so far, whole past years, the whole term of office.
const PERIODS = ['', 'from=2025-01-01&to=2025-12-31', 'from=2024-01-01&to=2024-12-31', 'from=2021-01-01&to=2026-12-31', 'from=2026-01-01&to=2026-06-30', 'from=2023-07-01&to=2024-06-30'];
const FUNNEL_STEPS = ['signed', 'disseminated', 'acknowledged', 'planned', 'implemented', 'evaluated', 'impact'];

async function rowCount(db: Db, table: string): Promise<number> {
  const result: unknown = await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return (result as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

// Adds the monitoring rows once: a reused database that has them keeps them.
export async function ensureMonitoringRows(db: Db, log: (m: string) => void): Promise<void> {
  if ((await rowCount(db, 'realisation_reports')) > 0) return;
  log('adding dissemination packages, activity plans and realisation reports');
  const counts = await insertMonitoringRows(db, { yearsPerAgreement: 4 });
  log(`  ${JSON.stringify(counts)}`);
  await db.execute(sql`ANALYZE`);
}

export async function measureLeadership(options: { baseUrl: string; cookie: string; db: Db; rounds: number; log: (m: string) => void }) {
  const { baseUrl, cookie, db, rounds, log } = options;
  const url = (query: string) => `${baseUrl}/api/leadership/dashboard${query ? `?${query}` : ''}`;
  // Each period asked once before the rounds, as a person's first look after a start.
  const first: number[] = [];
  for (const period of PERIODS) first.push(await timeFetch(url(period), cookie));
  log(`measuring ${rounds} dashboard reads`);
  const dashboard: number[] = [];
  for (let round = 0; round < rounds; round += 1) dashboard.push(await timeFetch(url(PERIODS[round % PERIODS.length] ?? ''), cookie));
  const funnel: number[] = [];
  for (let round = 0; round < Math.max(FUNNEL_STEPS.length, Math.round(rounds / 4)); round += 1) {
    const step = FUNNEL_STEPS[round % FUNNEL_STEPS.length] ?? 'signed';
    funnel.push(await timeFetch(`${baseUrl}/api/leadership/funnel/${step}?from=2025-01-01&to=2025-12-31&page=${1 + (round % 3)}`, cookie));
  }
  return {
    realisation_reports: await rowCount(db, 'realisation_reports'),
    activity_plans: await rowCount(db, 'activity_plans'),
    dashboard_first_max_ms: percentile(first, 100),
    dashboard_p50_ms: percentile(dashboard, 50),
    dashboard_p95_ms: percentile(dashboard, 95),
    funnel_list_p50_ms: percentile(funnel, 50),
    funnel_list_p95_ms: percentile(funnel, 95),
  };
}
