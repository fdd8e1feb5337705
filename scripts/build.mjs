#!/usr/bin/env node
// `npm run build`: the staff app (Vite → dist/web, each file also written brotli- and
// gzip-compressed beside it) and the server (esbuild → dist/server/main.js and cli.js, npm packages
// left as imports), so `npm start` runs plain Node without TypeScript tooling.
//   node scripts/build.mjs [--web] [--server] [--if-stale]
// --web / --server build only that part; --if-stale skips a part whose sources are older than it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB_OUT = path.join(ROOT, 'dist/web');
const SERVER_OUT = path.join(ROOT, 'dist/server');
const STAMP = '.built';
// What each part is made from; a change to any of these makes the part stale.
const WEB_INPUTS = ['src/web', 'src/shared', 'vite.config.ts', 'postcss.config.cjs', 'package-lock.json'];
const SERVER_INPUTS = ['src/server', 'src/shared', 'scripts/build.mjs', 'package-lock.json'];
// Text files worth compressing; images and fonts are compressed already.
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map']);
const MIN_BYTES = 1024;

const { values: args } = parseArgs({ options: { web: { type: 'boolean' }, server: { type: 'boolean' }, 'if-stale': { type: 'boolean' } } });
const both = !args.web && !args.server;
// stdout is left to the programs started after the build (`npm run jalin -- … --json`).
const log = (message) => process.stderr.write(`${message}\n`);

function newestMtime(entry) {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newestMtime(path.join(entry, name))));
}

function isFresh(outDir, inputs) {
  const stamp = path.join(outDir, STAMP);
  return existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...inputs.map(newestMtime));
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: ['ignore', process.stderr, 'inherit'] });
  if (result.status !== 0) {
    log(`✖ ${command} ${commandArgs.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

// Brotli for browsers that take it (all current ones), gzip for the rest; @fastify/static picks
// the file matching the request's Accept-Encoding. Done once here instead of on every request.
function precompress(dir) {
  let written = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      written += precompress(full);
      continue;
    }
    if (!COMPRESSIBLE.has(path.extname(entry.name))) continue;
    const body = readFileSync(full);
    if (body.length < MIN_BYTES) continue;
    writeFileSync(`${full}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    writeFileSync(`${full}.gz`, gzipSync(body, { level: 9 }));
    written += 1;
  }
  return written;
}

async function buildServer() {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: ROOT,
    // The PDF renderer's worker thread is a file of its own (src/server/lib/report-document/report-pdf.ts).
    entryPoints: [
      { in: 'src/server/main.ts', out: 'main' },
      { in: 'src/server/cli.ts', out: 'cli' },
      { in: 'src/server/lib/report-document/pdf-worker.mjs', out: 'report-pdf-worker' },
    ],
    outdir: SERVER_OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

function stamp(outDir) {
  writeFileSync(path.join(outDir, STAMP), `${new Date().toISOString()}\n`);
}

if ((both || args.web) && !(args['if-stale'] && isFresh(WEB_OUT, WEB_INPUTS))) {
  const started = Date.now();
  run(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  const files = precompress(WEB_OUT);
  stamp(WEB_OUT);
  log(`✔ web app → dist/web (${files} files precompressed, ${((Date.now() - started) / 1000).toFixed(1)}s)`);
}
if ((both || args.server) && !(args['if-stale'] && isFresh(SERVER_OUT, SERVER_INPUTS))) {
  const started = Date.now();
  await buildServer();
  stamp(SERVER_OUT);
  log(`✔ server → dist/server (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}
