import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PORTAL_ASSET_DIR as ASSET_DIR } from '../lib/paths';

// The portal's own CSS and small scripts, read once at start-up and served under a path that
// carries a hash of their content, so browsers keep them for a year and a change is a new address.

export const ASSET_PREFIX = '/aset';

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export type PortalAsset = { name: string; url: string; body: Buffer; gzipped: Buffer; type: string };

export function loadPortalAssets(): Map<string, PortalAsset> {
  const assets = new Map<string, PortalAsset>();
  for (const name of readdirSync(ASSET_DIR)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const body = readFileSync(path.join(ASSET_DIR, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    assets.set(name, { name, url: `${ASSET_PREFIX}/${hash}/${name}`, body, gzipped: gzipSync(body), type });
  }
  return assets;
}
