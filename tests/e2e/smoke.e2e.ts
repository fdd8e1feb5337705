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

  it('serves the app under /app and redirects the root there', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.baseUrl}/`);
    expect(new URL(page.url()).pathname).toMatch(/^\/app/);
    await expect.poll(() => page.getByRole('heading', { name: 'Jalin' }).count()).toBeGreaterThan(0);
    await page.close();
  });
});
