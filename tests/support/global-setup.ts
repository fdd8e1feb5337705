import type { TestProject } from 'vitest/node';
import { dropPostgresTemplate, preparePostgresTemplate } from './test-db';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

// One migrated template per run (its name unique to this run, so two runs never collide);
// every test file clones it.
export default async function setup(project: TestProject) {
  if (!process.env.TEST_DATABASE_URL) return;
  const name = `jalin_test_tpl_${process.pid}_${Date.now().toString(36)}`;
  await preparePostgresTemplate(name);
  project.provide('pgTemplate', name);
  return async () => {
    await dropPostgresTemplate(name);
  };
}
