import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { ApiErrorBody } from '../../shared/api-error';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('gives each request a fresh id, in the X-Request-Id header and the error body alike', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/users' });
    const second = await t.app.inject({ method: 'GET', url: '/api/users' });
    expect(first.statusCode).toBe(401);
    const id = first.headers['x-request-id'];
    expect(id).toMatch(UUID);
    expect(first.json<ApiErrorBody>().error.requestId).toBe(id);
    expect(second.headers['x-request-id']).not.toBe(id);
  });

  it('keeps a short plain id sent by the proxy in front, for errors and successes', async () => {
    const error = await t.app.inject({ method: 'GET', url: '/api/tidak-ada', headers: { 'x-request-id': 'nginx-7f3a9c' } });
    expect(error.statusCode).toBe(404);
    expect(error.headers['x-request-id']).toBe('nginx-7f3a9c');
    expect(error.json<ApiErrorBody>().error.requestId).toBe('nginx-7f3a9c');
    const ok = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'lb.1700000000:42' } });
    expect(ok.headers['x-request-id']).toBe('lb.1700000000:42');
  });

  it('replaces an id that could forge log lines or headers, or is too long', async () => {
    for (const sent of ['abc\n{"level":50,"msg":"forged"}', 'a b', '<script>', 'x'.repeat(129), '']) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-request-id': sent }, payload: {} });
      expect(response.statusCode).toBe(400);
      const id = response.headers['x-request-id'];
      expect(id, JSON.stringify(sent)).toMatch(UUID);
      expect(response.json<ApiErrorBody>().error.requestId).toBe(id);
    }
  });

  it('writes the id into every log line of the request', async () => {
    const lines: string[] = [];
    const env = { ...t.env, LOG_LEVEL: 'info' as const };
    const app = await buildApp({ database: t.database, env, files: t.files, clock: () => t.clock.now }, { logStream: { write: (line) => void lines.push(line) } });
    await app.ready();
    try {
      await app.inject({ method: 'GET', url: '/api/users', headers: { 'x-request-id': 'trace-0001' } });
      await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-0002' } });
    } finally {
      await app.close();
    }
    const ofRequests = lines.map((line) => JSON.parse(line) as { reqId?: string; req?: unknown; res?: unknown }).filter((entry) => entry.req ?? entry.res);
    // Fastify logs each request as it comes in and as it is answered: two lines each.
    expect(ofRequests.map((entry) => entry.reqId)).toEqual(['trace-0001', 'trace-0001', 'trace-0002', 'trace-0002']);
  });
});
