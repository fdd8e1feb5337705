import path from 'node:path';
import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { moduleBoundaries } from '../../eslint/module-boundaries.js';

// The lint rule knows a file's role by its suffix (`search-facets.repository.ts` → repository): a
// second file of one role, named `<module>-<part>.<role>.ts`, is as private as the first.
const ROOT = path.resolve(import.meta.dirname, '../..');
const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { jalin: moduleBoundaries as unknown as ESLint.Plugin },
    rules: { 'jalin/imports': 'error' },
  },
];

function problems(source: string, from = 'src/server/modules/stats/probe.service.ts'): string[] {
  return linter.verify(source, config, { filename: path.join(ROOT, from) }).map((message) => message.message);
}

describe('the module boundary rule', () => {
  it('refuses another module a repository or a table, whatever the part before the role', () => {
    expect(problems("import { countRows } from '../search/search-facets.repository';")).toEqual([expect.stringContaining('private to the search module')]);
    expect(problems("import { agreementSearch } from '../search/search.table';")).toEqual([expect.stringContaining('private to the search module')]);
    expect(problems("import { parseCsv } from '../imports/imports.csv';")).toEqual([expect.stringContaining('private to the imports module')]);
  });

  it('lets another module import a service, a policy or rules', () => {
    expect(problems("import { cachedByRevision } from '../search/search.service';")).toEqual([]);
    expect(problems("import { summable } from '../search/search-facets.rules';")).toEqual([]);
  });

  it('refuses a repository that calls a service of its own module', () => {
    expect(problems("import { toFacets } from './search-facets.service';", 'src/server/modules/search/search-facets.repository.ts')).toEqual([
      expect.stringContaining('A repository never calls a service'),
    ]);
  });
});
