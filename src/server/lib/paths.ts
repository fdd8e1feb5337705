import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The server runs from its sources (tsx, tests) or from the bundle in dist/server/, so files it
// reads at run time are found from the project root — the nearest folder with a package.json —
// never relative to the file that asks.
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
// The built staff app (npm run build).
export const WEB_DIR = path.join(PROJECT_ROOT, 'dist/web');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'src/server/db/migrations');
export const PORTAL_ASSET_DIR = path.join(PROJECT_ROOT, 'src/server/portal/assets');
