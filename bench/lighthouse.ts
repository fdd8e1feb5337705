// Lighthouse (mobile settings, simulated slow 4G and a slow CPU) on the portal's home, list,
// agreement and opportunities pages of a started demo app, driving Debian's Chromium.
// npm run bench:lighthouse
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startApp } from '../tests/e2e/support/server';

const TARGETS = { performance: 90, accessibility: 95, 'best-practices': 90, seo: 90 } as const;
type Category = keyof typeof TARGETS;
const log = (message: string) => process.stderr.write(`${message}\n`);

async function firstMatch(baseUrl: string, page: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${baseUrl}${page}`)).text();
  const found = pattern.exec(html)?.[1];
  if (!found) throw new Error(`nothing matching ${String(pattern)} on ${page}`);
  return found;
}

async function main() {
  const app = await startApp({ JALIN_DEMO: '1' });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let failed = false;
  try {
    const agreement = await firstMatch(app.baseUrl, '/kerja-sama', /href="(\/kerja-sama\/[a-z0-9-]+)"/);
    const pages = { home: '/', list: '/kerja-sama', agreement, opportunities: '/peluang' };
    const rows: Record<string, Record<Category, number>> = {};
    for (const [name, path] of Object.entries(pages)) {
      // Warm the page cache first: a reader almost never meets a cold page.
      await fetch(`${app.baseUrl}${path}`);
      const result = await lighthouse(`${app.baseUrl}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(TARGETS) });
      if (!result) throw new Error(`no Lighthouse result for ${path}`);
      const scores = Object.fromEntries(Object.keys(TARGETS).map((key) => [key, Math.round((result.lhr.categories[key]?.score ?? 0) * 100)])) as Record<Category, number>;
      rows[`${name} (${path})`] = scores;
      for (const [key, target] of Object.entries(TARGETS)) if (scores[key as Category] < target) failed = true;
      const misses = Object.values(result.lhr.audits).filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual');
      if (misses.length > 0) log(`${path}: ${misses.map((audit) => `${audit.id} (${Math.round((audit.score ?? 0) * 100)})`).join(', ')}`);
    }
    process.stdout.write(`${JSON.stringify({ lighthouse: '12.2.3', formFactor: 'mobile', targets: TARGETS, scores: rows }, null, 2)}\n`);
  } finally {
    chrome.kill();
    await app.stop();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
