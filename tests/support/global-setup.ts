import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropPostgresTemplate, migratedPgliteSnapshot, preparePostgresTemplate } from './test-db';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteSnapshot: string;
  }
}

// Migrated templates made once per run, which every test file copies. Each file runs in a fresh
// process, so a template kept in memory would be rebuilt per file: a new PGlite (initdb, ≈ 3.8 s)
// and the migrations cost five times what loading a finished data directory does (≈ 1.1 s).
export default async function setup(project: TestProject) {
  const directory = await mkdtemp(path.join(tmpdir(), 'jalin-test-'));
  const snapshot = path.join(directory, 'pglite-migrated.tar');
  await writeFile(snapshot, Buffer.from(await (await migratedPgliteSnapshot()).arrayBuffer()));
  project.provide('pgliteSnapshot', snapshot);

  // The PostgreSQL template's name is unique to this run, so two runs never collide.
  const name = `jalin_test_tpl_${process.pid}_${Date.now().toString(36)}`;
  if (process.env.TEST_DATABASE_URL) {
    await preparePostgresTemplate(name);
    project.provide('pgTemplate', name);
  }
  return async () => {
    if (process.env.TEST_DATABASE_URL) await dropPostgresTemplate(name);
    await rm(directory, { recursive: true, force: true });
  };
}
