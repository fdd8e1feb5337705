import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Which test files use a database, so that the PostgreSQL run repeats only those. The database
// kind reaches a test only through tests/support/test-db.ts (it alone reads JALIN_TEST_DB), so a
// file that never reaches it, directly or through other test files, runs the same on both and
// once is enough. Type-only imports count too: better a file run twice than one never on PostgreSQL.
export const TEST_DB_MODULE = 'tests/support/test-db.ts';
// This file names the markers without using a database; it must not mark whoever imports it.
const SCANNER = 'tests/support/database-tests.ts';
const DB_MARKERS = ['JALIN_TEST_DB', 'TEST_DATABASE_URL'];
const TEST_ROOTS = ['src', 'tests'];
const TEST_FILE = /\.test\.tsx?$/;
const RELATIVE_IMPORT = /(?:from|import|vi\.mock\()\s*\(?\s*'(\.{1,2}\/[^']+)'/g;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function walk(dir: string, found: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else found.push(full);
  }
  return found;
}

// Files under tests/ and *.test-support.ts beside the code: the code itself never reaches test-db.
function isTestLand(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative.startsWith(`tests${path.sep}`) || /\.test(-support)?\.tsx?$/.test(relative);
}

function resolveImport(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ''));
  return EXTENSIONS.map((extension) => base + extension).find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

export function relativeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(RELATIVE_IMPORT)].flatMap((match) => {
    const resolved = match[1] ? resolveImport(file, match[1]) : null;
    return resolved ? [resolved] : [];
  });
}

function makeUsesDatabase(root: string): (file: string) => boolean {
  const dbModule = path.join(root, TEST_DB_MODULE);
  const scanner = path.join(root, SCANNER);
  const memo = new Map<string, boolean>();
  const usesDatabase = (file: string): boolean => {
    const known = memo.get(file);
    if (known !== undefined) return known;
    memo.set(file, false); // an import cycle adds nothing new
    if (file === scanner) return false;
    const source = readFileSync(file, 'utf8');
    const result =
      file === dbModule ||
      DB_MARKERS.some((marker) => source.includes(marker)) ||
      relativeImports(file).some((imported) => isTestLand(imported, root) && usesDatabase(imported));
    memo.set(file, result);
    return result;
  };
  return usesDatabase;
}

export function allTestFiles(root: string): string[] {
  return TEST_ROOTS.flatMap((dir) => walk(path.join(root, dir), []))
    .filter((file) => TEST_FILE.test(file))
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .sort();
}

// Test files (relative to root, with forward slashes) that use a database.
export function databaseTestFiles(root: string): string[] {
  const usesDatabase = makeUsesDatabase(root);
  return allTestFiles(root).filter((file) => usesDatabase(path.join(root, file)));
}
