import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { E2E_ADMIN } from './server';

// Debian's Chromium, never a downloaded one; flags keep it off the (closed) network.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function login(page: Page, baseUrl: string, account = E2E_ADMIN): Promise<void> {
  await page.goto(`${baseUrl}/app/login`);
  await page.getByLabel(/e-mail/i).fill(account.email);
  await page.getByLabel(/kata sandi/i).fill(account.password);
  await page.getByRole('button', { name: /masuk/i }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

// axe-core on the page as it stands: no serious or critical violations allowed.
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(bad.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}
