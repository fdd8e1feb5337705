import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Prometheus metrics of one app instance (docs/decisions/0036-operations.md). Each app has its own
// registry: tests build many apps in one process, and two apps must never add to each other's counts.
export type AppMetrics = {
  registry: Registry;
  // One answered request: its method, the route's pattern (never the raw address, which would
  // make a series per agreement id), its status and how long it took.
  observeRequest: (input: { method: string; route: string; status: number; seconds: number }) => void;
};

export function createMetrics(options: { pool?: pg.Pool | undefined }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'jalin_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'jalin_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  if (options.pool) registerPoolMetrics(registry, options.pool);
  return {
    registry,
    observeRequest({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
  };
}

// PostgreSQL's pool, read at each scrape. The embedded database has one connection and no pool.
function registerPoolMetrics(registry: Registry, pool: pg.Pool): void {
  new Gauge({
    name: 'jalin_db_pool_connections',
    help: 'Connections of the PostgreSQL pool: total open, idle, and requests waiting for one.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
}

// What a job queue reports per queue when scraped.
export type JobQueueStats = { queue: string; depth: number; failed: number };
export type JobQueueStatsProvider = () => Promise<JobQueueStats[]>;

// The job queue registers itself here once it runs in this process; its numbers are read at each
// scrape (once per gauge: a count of waiting and failed jobs is cheap). Without metrics turned on (no JALIN_METRICS_TOKEN) there is nothing to register with.
export function registerJobQueueMetrics(metrics: AppMetrics | null, provider: JobQueueStatsProvider): void {
  if (!metrics) return;
  const gauge = (name: string, help: string, value: (stats: JobQueueStats) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const stats of await provider()) this.set({ queue: stats.queue }, value(stats));
      },
    });
  gauge('jalin_job_queue_depth', 'Jobs waiting to run, by queue.', (stats) => stats.depth);
  gauge('jalin_job_queue_failed', 'Jobs that failed for good, by queue.', (stats) => stats.failed);
}
