import type { Db } from '../src/server/db/client';
import { refreshHealth } from '../src/server/modules/agreement-health/agreement-health.service';
import { monitorAsOf } from '../src/server/modules/monitoring/monitoring.service';
import { localDate } from '../src/server/lib/context';
import { percentile, timed, timeFetch } from './timing';

// Monitoring over the whole register (issue 11): the register filtered by health (p95 ≤ 30 ms at
// 100,000 agreements on PostgreSQL) and `monitor` as of a date (≤ 2 s).

// What a person ticks in the register's "Kesehatan" facet, with the other choices around it.
const HEALTH_QUERIES = ['health=dorman', 'health=perlu_perhatian', 'health=sehat', 'health=dorman&sort=ends_asc', 'health=perlu_perhatian&page=5', 'health=dorman&docType=PKS', 'health=dorman&sector=pendidikan&sort=title'];




export async function measureHealth(options: { baseUrl: string; cookie: string; db: Db; rounds: number; log: (m: string) => void }) {
  const { baseUrl, cookie, db, rounds, log } = options;
  const ctx = { db, now: new Date() };
  const on = localDate(ctx.now);
  log('measuring the whole health refresh and monitor');
  const refresh: number[] = [];
  // A forced refresh derives every agreement's health again (what the hourly job pays on a new day).
  for (let run = 0; run < 3; run += 1) refresh.push(await timed(() => refreshHealth(ctx, { on, force: true })));
  const monitor: number[] = [];
  for (let run = 0; run < 5; run += 1) monitor.push(await timed(() => monitorAsOf(ctx, { on })));
  // The first asking of each list counts its facets, kept then until the register changes (as for
  // every list, decision record 0004): measured apart, like list_after_change of the registry.
  const firstAsked: number[] = [];
  for (const query of HEALTH_QUERIES) firstAsked.push(await timeFetch(`${baseUrl}/api/agreements?${query}`, cookie));
  log(`measuring ${rounds} health-filtered lists`);
  const lists: number[] = [];
  const byQuery: Record<string, number[]> = {};
  for (let round = 0; round < rounds; round += 1) {
    const query = HEALTH_QUERIES[round % HEALTH_QUERIES.length] ?? '';
    const ms = await timeFetch(`${baseUrl}/api/agreements?${query}`, cookie);
    lists.push(ms);
    (byQuery[query] ??= []).push(ms);
  }
  const counts = await fetch(`${baseUrl}/api/agreements?pageSize=1`, { headers: { cookie } }).then((response) => response.json() as Promise<{ facets: { health: { value: string; count: number }[] } }>);
  return {
    health_list_p50_ms: percentile(lists, 50),
    health_list_p95_ms: percentile(lists, 95),
    health_list_first_p50_ms: percentile(firstAsked, 50),
    health_list_first_max_ms: percentile(firstAsked, 100),
    health_refresh_ms: percentile(refresh, 50),
    monitor_ms: percentile(monitor, 50),
    monitor_max_ms: percentile(monitor, 100),
    health_counts: Object.fromEntries(counts.facets.health.map((bucket) => [bucket.value, bucket.count])),
    health_by_query: Object.fromEntries(Object.entries(byQuery).map(([key, values]) => [key, { p50_ms: percentile(values, 50), max_ms: percentile(values, 100) }])),
  };
}
