import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../../tests/support/builders';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ReviewerCandidateListResponse } from '../../../../shared/proposal-reviews';
import type { Role } from '../../../../shared/roles';
import { closeTestApp } from '../core/proposals.test-support';

const URL = '/api/proposals/reviewer-candidates';

describe('GET /api/proposals/reviewer-candidates', () => {
  let t: TestApp;
  const cookies = {} as Record<Role, string>;
  const ids = {} as Record<Role, string>;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'tkksd', 'opd', 'pimpinan'] as const) {
      const { cookie, user } = await t.loginAs(role);
      cookies[role] = cookie;
      ids[role] = user.id;
    }
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  // Role × action: only whoever sets and replaces reviewers reads whom they may choose.
  it.each([
    ['admin', 200],
    ['tkksd', 403],
    ['opd', 403],
    ['pimpinan', 403],
    ['anonymous', 401],
  ] as const)('answers %s with %i', async (who, status) => {
    const headers = who === 'anonymous' ? {} : { cookie: cookies[who] };
    const response = await t.app.inject({ method: 'GET', url: URL, headers });
    expect(response.statusCode).toBe(status);
  });

  it('lists the active TKKSD members and admins, and nobody inactive or of another role', async () => {
    const inactive = await buildUser(t.database.db, { role: 'tkksd', isActive: false });
    const response = await t.app.inject({ method: 'GET', url: URL, headers: { cookie: cookies.admin } });
    const { items } = response.json<ReviewerCandidateListResponse>();
    const listed = new Map(items.map((item) => [item.id, item.role]));
    expect(listed.get(ids.admin)).toBe('admin');
    expect(listed.get(ids.tkksd)).toBe('tkksd');
    expect(listed.has(ids.opd)).toBe(false);
    expect(listed.has(ids.pimpinan)).toBe(false);
    expect(listed.has(inactive.id)).toBe(false);
    expect(items.every((item) => item.name.length > 0 && item.email.includes('@'))).toBe(true);
  });
});
