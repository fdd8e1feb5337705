import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { TEST_DB_KIND } from '../../../tests/support/test-db';
import { registerJobQueueMetrics } from './metrics';

const TOKEN = 'token-metrik-uji-0123456789abcdef';
const AGREEMENT_ID = '00000000-0000-4000-8000-00000000beef';

// The value of one sample in Prometheus' text format, found by its name and some of its labels.
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('metrics turned off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('has no /metrics without JALIN_METRICS_TOKEN, whatever the token sent', async () => {
    expect(t.app.metrics).toBeNull();
    const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(404);
  });
});

describe('metrics at /metrics', () => {
  let t: TestApp;
  let other: TestApp;
  const scrape = async (app = t) => {
    const response = await app.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    return response.body;
  };
  beforeAll(async () => {
    t = await createTestApp({ env: { JALIN_METRICS_TOKEN: TOKEN } });
    other = await createTestApp({ env: { JALIN_METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it('refuses a scrape without the token or with a wrong one, and asks for a bearer token', async () => {
    for (const authorization of [undefined, 'Bearer salah', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body).not.toContain('jalin_http_requests_total');
    }
  });

  it('counts exactly the requests made, by route pattern and status, never by raw address', async () => {
    for (let index = 0; index < 3; index += 1) await t.app.inject({ method: 'GET', url: '/api/health' });
    for (let index = 0; index < 2; index += 1) expect((await t.app.inject({ method: 'GET', url: `/api/agreements/${AGREEMENT_ID}` })).statusCode).toBe(401);
    const text = await scrape();
    expect(sample(text, 'jalin_http_requests_total', { method: 'GET', route: '/api/health', status: '200' })).toBe(3);
    expect(sample(text, 'jalin_http_requests_total', { method: 'GET', route: '/api/agreements/:id', status: '401' })).toBe(2);
    expect(sample(text, 'jalin_http_request_duration_seconds_count', { method: 'GET', route: '/api/health', status: '200' })).toBe(3);
    expect(sample(text, 'jalin_http_request_duration_seconds_bucket', { route: '/api/health', le: '+Inf' })).toBe(3);
    expect(text).not.toContain(AGREEMENT_ID);
  });

  it('keeps each app\'s counts to itself', async () => {
    await other.app.inject({ method: 'GET', url: '/api/ready' });
    expect(sample(await scrape(other), 'jalin_http_requests_total', { route: '/api/ready', status: '200' })).toBe(1);
    expect(sample(await scrape(other), 'jalin_http_requests_total', { route: '/api/health' })).toBeUndefined();
  });

  it('reports the process and, on PostgreSQL, the connection pool', async () => {
    // Readiness asks the database, so the pool holds a connection (idle again once answered).
    await t.app.inject({ method: 'GET', url: '/api/ready' });
    const text = await scrape();
    expect(text).toContain('process_cpu_user_seconds_total');
    const total = sample(text, 'jalin_db_pool_connections', { state: 'total' });
    if (TEST_DB_KIND === 'postgres') {
      expect(total).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'jalin_db_pool_connections', { state: 'waiting' })).toBe(0);
    } else {
      // The embedded database has no pool to report.
      expect(total).toBeUndefined();
    }
  });

  it('reports a job queue registered with the app, as read at each scrape', async () => {
    const queues = [{ queue: 'mail', depth: 4, failed: 1 }];
    registerJobQueueMetrics(t.app.metrics, () => Promise.resolve(queues));
    let text = await scrape();
    expect(sample(text, 'jalin_job_queue_depth', { queue: 'mail' })).toBe(4);
    expect(sample(text, 'jalin_job_queue_failed', { queue: 'mail' })).toBe(1);
    queues[0] = { queue: 'mail', depth: 0, failed: 2 };
    text = await scrape();
    expect(sample(text, 'jalin_job_queue_depth', { queue: 'mail' })).toBe(0);
    expect(sample(text, 'jalin_job_queue_failed', { queue: 'mail' })).toBe(2);
  });

  it('counts a request whose client goes away before the answer, once, as 499', async () => {
    const address = await other.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);
    // A sign-in whose body never arrives in full: the client closes while the server still reads it.
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: Number(port) }, () => {
        socket.write('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"username"');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
      socket.on('error', reject);
    });
    let counted: number | undefined;
    for (let attempt = 0; attempt < 50 && counted === undefined; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      counted = sample(await scrape(other), 'jalin_http_requests_total', { route: '/api/auth/login', status: '499' });
    }
    expect(counted).toBe(1);
    // Not also under the status the server would have answered with.
    const lines = (await scrape(other)).split('\n').filter((line) => line.startsWith('jalin_http_requests_total{') && line.includes('route="/api/auth/login"'));
    expect(lines).toHaveLength(1);
  });

  it('takes a job queue without complaint when metrics are off, and never asks it', () => {
    let asked = false;
    registerJobQueueMetrics(null, () => {
      asked = true;
      return Promise.resolve([]);
    });
    expect(asked).toBe(false);
  });
});
