import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE } from './support/browser';
import { E2E_ADMIN, startApp, type RunningApp } from './support/server';

// What the sign-in page may cost a phone before it can paint: the scripts and styles its HTML names,
// as sent (brotli). It was 1,054 KiB uncompressed, 250 KiB brotli before the page was split from the
// signed-in shell; 170 KiB after; 136 KiB once the form no longer waited for react-router
// (docs/performance.md).
const SIGN_IN_BUDGET_BYTES = 150 * 1024;

// The server as `npm start` runs it: node dist/server/main.js (no TypeScript tooling), serving the
// precompressed web build.
describe('the production build', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ JALIN_DEMO: '0' });
  });
  afterAll(async () => {
    await running.stop();
  });

  it('starts from the compiled server: migrations applied, the API answers', async () => {
    const response = await fetch(`${running.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const portal = await fetch(`${running.baseUrl}/`);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toMatch(/\/aset\/[0-9a-f]{12}\/portal\.css/);
  });

  it('serves the staff app shell brotli-compressed and revalidated, its hashed files for a year', async () => {
    // fetch() decodes the body; the headers say what was sent.
    const shell = await fetch(`${running.baseUrl}/app/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-encoding')).toBe('br');
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    const html = await shell.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/app\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    let sentBytes = 0;
    for (const asset of assets) {
      const response = await fetch(`${running.baseUrl}${asset}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.status, asset).toBe(200);
      sentBytes += Number(response.headers.get('content-length'));
      expect(response.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
      // The build leaves files under 1 KiB uncompressed.
      if ((await response.arrayBuffer()).byteLength >= 1024) expect(response.headers.get('content-encoding'), asset).toBe('br');
    }
    expect(sentBytes).toBeLessThanOrEqual(SIGN_IN_BUDGET_BYTES);
  });

  it('shows a signed-out phone the sign-in form before the router is downloaded, asking who is signed in once', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: PHONE });
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${running.baseUrl}/app/partners`);
      await page.getByLabel(/e-mail/i).waitFor();
      expect(page.url()).toMatch(/\/app\/login$/);
      // index.html preloads /api/auth/me; the app takes that response instead of asking again.
      expect(requested.filter((path) => path === '/api/auth/me')).toHaveLength(1);
      expect(requested.some((path) => /\/app-router-[\w-]+\.js$/.test(path))).toBe(false);
      await page.getByLabel(/e-mail/i).fill(E2E_ADMIN.email);
      await page.getByLabel(/kata sandi/i).fill(E2E_ADMIN.password);
      const router = page.waitForRequest((request) => /\/app-router-[\w-]+\.js$/.test(new URL(request.url()).pathname));
      await page.getByRole('button', { name: 'Masuk' }).click();
      // Signed in, the router arrives and opens the address first asked for.
      await router;
      await page.waitForURL(/\/app\/partners$/);
      await page.getByRole('heading', { name: 'Mitra kerja sama' }).waitFor();
    } finally {
      await browser.close();
    }
  });
});
