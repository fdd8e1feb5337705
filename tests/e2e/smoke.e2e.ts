import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startApp, type RunningApp } from './support/server';

describe('the staff app', () => {
  let running: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  it('serves the public portal at the root and the staff app under /app', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await page.getByRole('heading', { name: 'Kerja sama daerah Kota Ternate', level: 1 }).waitFor();
    await page.goto(`${running.baseUrl}/app`);
    expect(new URL(page.url()).pathname).toMatch(/^\/app/);
    await expect.poll(() => page.getByRole('heading', { name: 'Jalin' }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('serves deep links to the app shell but answers 404 for a missing bundle file', async () => {
    const deep = await fetch(`${running.baseUrl}/app/agreements/00000000-0000-4000-8000-000000000000`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/text\/html/);
    const missing = await fetch(`${running.baseUrl}/app/assets/missing-file.js`);
    expect(missing.status).toBe(404);
    const api = await fetch(`${running.baseUrl}/api/no-such-route`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
