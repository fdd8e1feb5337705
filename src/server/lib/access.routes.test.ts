import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { buildApp } from '../app';
import type { ApiErrorBody } from '../../shared/api-error';
import { ROLES, type Role } from '../../shared/roles';
import { rolesAllowed, type DeclaredRoute } from './access';

type Principal = Role | 'anonymous';
const PRINCIPALS: readonly Principal[] = ['anonymous', ...ROLES];
const MISSING_ID = '00000000-0000-4000-8000-00000000dead';

// A path with every parameter filled by something that names nothing: a lookup then answers 404.
function urlOf(route: DeclaredRoute): string {
  return route.url.replace(/:(\w+)/g, (_match, name: string) => {
    if (name === 'token') return 'tautan-yang-tidak-ada-sama-sekali-0000000000';
    if (name === 'kind') return 'KSDPK';
    if (name === 'type') return 'kb';
    if (name === 'code') return 'tidak_ada';
    return MISSING_ID;
  });
}

// The role × route matrix, built from the routes the app itself registered, so a new route is in it
// the day it is added (and cannot be added without declaring its access).
describe('route access matrix', () => {
  let t: TestApp;
  const cookies: Partial<Record<Principal, string>> = {};
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) cookies[role] = (await t.loginAs(role)).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const routes = () =>
    t.app.apiRoutes
      .filter((route) => route.method !== 'HEAD')
      // Logging out ends the session the other requests use: last.
      .sort((a, b) => Number(a.url.endsWith('/auth/logout')) - Number(b.url.endsWith('/auth/logout')));

  it('refuses to start with an /api route that does not declare who may call it', async () => {
    const app = await buildApp({ database: t.database, env: t.env, files: t.files, clock: () => t.clock.now }, { logger: false });
    expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/declare who may call it/);
    // A module's routes are registered inside a plugin: the error stops the app from loading.
    const plugin = app.register(async (child) => {
      child.post('/api/also-undeclared', { config: {} }, async () => ({}));
    });
    await expect(plugin).rejects.toThrow(/POST \/api\/also-undeclared/);
  });

  it('keeps the public portal outside /api open without a session', async () => {
    for (const url of ['/', '/kerja-sama', '/peluang', '/usulan', '/data', '/feed.xml', '/robots.txt', '/sitemap.xml']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
    }
  });

  it('lists every /api route the app serves, with its access', () => {
    const urls = new Set(routes().map((route) => route.url));
    for (const url of ['/api/proposals/:id/drafts/:type', '/api/agreements/:id/dissemination-events', '/api/public/proposals', '/api/health']) expect(urls).toContain(url);
  });

  it('answers each role as the route declares: 401 without a session, 403 outside the roles, never 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      const allowed = rolesAllowed(route.access);
      for (const principal of PRINCIPALS) {
        const cookie = cookies[principal as Role];
        const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: urlOf(route),
          headers: cookie ? { cookie } : {},
          ...(hasBody ? { payload: {} } : {}),
        });
        const status = response.statusCode;
        const where = `${principal} ${route.method} ${route.url} → ${String(status)}`;
        const reason = status === 403 ? (response.json<ApiErrorBody>().error.details as { reason?: string } | undefined)?.reason : undefined;
        if (status >= 500) failures.push(`${where}: server error ${response.body.slice(0, 200)}`);
        else if (route.access === 'public') {
          if (status === 401 || status === 403) failures.push(`${where}: a public route refused`);
        } else if (principal === 'anonymous') {
          if (status !== 401) failures.push(`${where}: expected 401`);
        } else if (!allowed.includes(principal)) {
          if (status !== 403 || reason !== 'role') failures.push(`${where}: expected the gate's 403`);
        } else if (status === 401 || reason === 'role') {
          failures.push(`${where}: a declared role stopped at the gate`);
        } else if (status === 403) {
          // Object rules run after the lookup, which finds nothing here: a 403 means the policy
          // refuses this role outright and the declaration should not list it.
          failures.push(`${where}: refused by a policy although the route declares this role`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Some five hundred requests: room for a busy machine, no assertion on time.
  }, 180_000);
});
