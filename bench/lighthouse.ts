// Lighthouse (mobile settings, simulated slow 4G and a slow CPU) on the staff app's sign-in page
// and the portal's home, list, agreement and opportunities pages of a started demo app, driving
// Debian's Chromium. Also reports the bytes each page transfers (compressed, as sent).
// npm run bench:lighthouse [-- --pages app|portal|all --runs 1 --reports <dir> --calibrated]
// --reports writes each full Lighthouse report (JSON) there, for the details behind a score.
// --calibrated runs each page a second time with the CPU slowdown Lighthouse's calibration gives
// for this host's measured speed (its benchmark index), instead of the fixed 4× meant for a fast
// desktop: on a slow or busy host 4× throttles a phone's CPU far below a real phone's.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startApp } from '../tests/e2e/support/server';

const { values: args } = parseArgs({
  options: { pages: { type: 'string', default: 'all' }, runs: { type: 'string', default: '1' }, reports: { type: 'string' }, calibrated: { type: 'boolean' } },
});
const PORTAL_TARGETS = { performance: 90, accessibility: 95, 'best-practices': 90, seo: 90 } as const;
// The staff app is not for search engines: no SEO target.
const APP_TARGETS = { performance: 90, accessibility: 95, 'best-practices': 90 } as const;
type Targets = Partial<Record<keyof typeof PORTAL_TARGETS, number>>;
type Row = { page: string; run: number; cpuSlowdown: number; benchmarkIndex: number; scores: Record<string, number>; transferredBytes: number; requests: number; fcpMs: number; lcpMs: number; tbtMs: number; byType: Record<string, number> };
const log = (message: string) => process.stderr.write(`${message}\n`);

async function firstMatch(baseUrl: string, page: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${baseUrl}${page}`)).text();
  const found = pattern.exec(html)?.[1];
  if (!found) throw new Error(`nothing matching ${String(pattern)} on ${page}`);
  return found;
}

async function pagesToAudit(baseUrl: string): Promise<{ name: string; path: string; targets: Targets }[]> {
  const app = [{ name: 'sign-in', path: '/app/', targets: APP_TARGETS }];
  if (args.pages === 'app') return app;
  const agreement = await firstMatch(baseUrl, '/kerja-sama', /href="(\/kerja-sama\/[a-z0-9-]+)"/);
  const portal = Object.entries({ home: '/', list: '/kerja-sama', agreement, opportunities: '/peluang' }).map(([name, path]) => ({ name, path, targets: PORTAL_TARGETS }));
  return args.pages === 'portal' ? portal : [...app, ...portal];
}

type NetworkItem = { resourceType?: string; transferSize?: number };

function numeric(result: { audits: Record<string, { numericValue?: number } | undefined> }, id: string): number {
  return Math.round(result.audits[id]?.numericValue ?? 0);
}

// Lighthouse's CPU throttling calculator (lighthouse-cpu-throttling-calculator, linked from its
// throttling documentation): the slowdown that makes this host behave like the reference phone.
function calibratedSlowdown(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  if (benchmarkIndex >= 150) return 1 + (benchmarkIndex - 150) / 650;
  return 1;
}

// Lighthouse's mobile preset (simulated slow 4G), with the CPU slowdown given.
const mobileSlow4G = (cpuSlowdownMultiplier: number) => ({ rttMs: 150, throughputKbps: 1638.4, requestLatencyMs: 562.5, downloadThroughputKbps: 1474.56, uploadThroughputKbps: 675, cpuSlowdownMultiplier });

async function audit(baseUrl: string, port: number, page: { name: string; path: string; targets: Targets }, run: number, cpuSlowdown = 4): Promise<Row & { missed: boolean }> {
  // Warm the server's caches first: a reader almost never meets a cold page.
  await fetch(`${baseUrl}${page.path}`);
  const result = await lighthouse(`${baseUrl}${page.path}`, { port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(page.targets), throttling: mobileSlow4G(cpuSlowdown) });
  if (!result) throw new Error(`no Lighthouse result for ${page.path}`);
  const lhr = result.lhr;
  if (args.reports) {
    mkdirSync(args.reports, { recursive: true });
    writeFileSync(path.join(args.reports, `${page.name}-${run}.json`), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) log(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  for (const warning of lhr.runWarnings) log(`${page.path}: ${warning}`);
  const scores = Object.fromEntries(Object.keys(page.targets).map((key) => [key, Math.round((lhr.categories[key]?.score ?? 0) * 100)]));
  const missed = Object.entries(page.targets).some(([key, target]) => (scores[key] ?? 0) < target);
  const misses = Object.values(lhr.audits).filter((item) => item.score !== null && item.score < 0.9 && item.scoreDisplayMode !== 'informative' && item.scoreDisplayMode !== 'manual');
  if (misses.length > 0) log(`${page.path}: ${misses.map((item) => `${item.id} (${Math.round((item.score ?? 0) * 100)})`).join(', ')}`);
  const items = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? []);
  const byType: Record<string, number> = {};
  for (const item of items) byType[item.resourceType ?? 'Other'] = (byType[item.resourceType ?? 'Other'] ?? 0) + (item.transferSize ?? 0);
  return {
    page: `${page.name} (${page.path})`,
    run,
    cpuSlowdown: Math.round(cpuSlowdown * 100) / 100,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    scores,
    transferredBytes: numeric(lhr, 'total-byte-weight'),
    requests: items.length,
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    byType,
    missed,
  };
}

async function main() {
  const app = await startApp({ JALIN_DEMO: '1' });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let failed = false;
  try {
    const rows: Row[] = [];
    for (let run = 1; run <= Number(args.runs); run += 1) {
      for (const page of await pagesToAudit(app.baseUrl)) {
        const { missed, ...row } = await audit(app.baseUrl, chrome.port, page, run);
        if (missed) failed = true;
        rows.push(row);
        if (args.calibrated) {
          const { missed: calibratedMissed, ...calibrated } = await audit(app.baseUrl, chrome.port, page, run, calibratedSlowdown(row.benchmarkIndex));
          if (calibratedMissed) failed = true;
          rows.push(calibrated);
        }
      }
    }
    process.stdout.write(`${JSON.stringify({ lighthouse: '12.2.3', formFactor: 'mobile', appTargets: APP_TARGETS, portalTargets: PORTAL_TARGETS, rows }, null, 2)}\n`);
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
