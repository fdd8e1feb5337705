#!/usr/bin/env node
// `npm test`: everything a change can break, in the order that fails fastest.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isCi = Boolean(process.env.CI);

function step(name, command, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`✖ ${name} failed after ${seconds}s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✔ ${name} (${seconds}s)\n`);
}

// Both only read the sources and each uses about one core: side by side they take the time of the
// longer one on the 2-core CI machine. Each one's output is held and printed whole, so the two never
// interleave.
function stepAsync(name, command, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n▶ ${name}\n${Buffer.concat(output).toString()}`);
      process.stdout.write(status === 0 ? `✔ ${name} (${seconds}s)\n` : `✖ ${name} failed after ${seconds}s\n`);
      resolve(status ?? 1);
    });
  });
}

const statuses = await Promise.all([
  stepAsync('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
  stepAsync('lint', 'npx', ['eslint', '--max-warnings', '0', '.']),
]);
const failed = statuses.find((status) => status !== 0);
if (failed !== undefined) process.exit(failed);
step('unit and integration tests', 'npx', ['vitest', 'run']);
// The browser tests run the production build: the web app precompressed, the server bundled.
step('build (web app and server)', process.execPath, ['scripts/build.mjs']);

if (!existsSync(CHROMIUM)) {
  const help = `Chromium is missing at ${CHROMIUM}. Install it with:\n  sudo apt-get install -y chromium\n(or set CHROMIUM_PATH). The browser end-to-end tests cannot run without it.`;
  if (isCi || !process.env.JALIN_SKIP_E2E) {
    process.stdout.write(`\n✖ ${help}\n`);
    if (!isCi) process.stdout.write('Set JALIN_SKIP_E2E=1 to run everything else knowingly without them.\n');
    process.exit(1);
  }
  process.stdout.write(`\n⚠ SKIPPED the browser end-to-end tests (JALIN_SKIP_E2E=1). ${help}\n`);
  process.exit(0);
}
step('browser end-to-end tests', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts'], { CHROMIUM_PATH: CHROMIUM });
