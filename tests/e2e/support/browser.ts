import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { E2E_ADMIN } from './server';

// Debian's Chromium, never a downloaded one; flags keep it off the (closed) network.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--lang=id-ID', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
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
  // Colours are judged once fades and slides have finished, not halfway through. Asking for reduced
  // motion (which the theme respects) also keeps a notification from starting to fade out while axe
  // reads the page. Endless animations (spinners) are ignored.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(bad.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 375, height: 740 };
const SHOTS = path.resolve('test-results/e2e');

// Screenshots for a person to look at (test-results/ is not committed).
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

// A phone-sized page must never scroll sideways: wide content scrolls inside its own box. Polled:
// right after a resize the layout (the navigation collapsing to a burger) settles over a few frames;
// a real overflow stays and still fails.
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { timeout: 3_000 }).toBeLessThanOrEqual(0);
}
