import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { moduleBoundaries } from './eslint/module-boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'src/server/db/migrations/**', '*.config.js', '*.config.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read settings through src/server/env.ts.' },
      ],
    },
  },
  {
    // A proposal is reached through loadReadableProposal (proposals/core/proposals-access.service.ts), so
    // that every part of it answers to the proposal's read rule; the token-based paths of the outside
    // initiator are marked.
    files: ['src/server/modules/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-support.ts', 'src/server/modules/proposals/core/proposals-access.service.ts', 'src/server/modules/proposals/core/proposals.repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read settings through src/server/env.ts.' },
        { selector: "CallExpression[callee.property.name=/^(findProposal|lockProposal)$/]", message: 'Load a proposal through loadReadableProposal (proposals/core/proposals-access.service.ts).' },
      ],
    },
  },
  {
    // env.ts, the CLI entry, test and build support may read process.env.
    files: ['src/server/env.ts', 'tests/**', 'scripts/**', 'bench/**', 'vitest*.ts', 'vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', 'tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', '**/server/**', '**/web/**', 'drizzle-orm*', 'react*'] }],
    },
  },
  {
    // Text in a contract is plainText(): z.string() would let NUL and lone surrogates through.
    files: ['src/shared/**'],
    ignores: ['src/shared/input.ts', 'src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read settings through src/server/env.ts.' },
        { selector: "CallExpression[callee.object.name='z'][callee.property.name='string']", message: 'Use plainText() from src/shared/input.ts.' },
      ],
    },
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['**/server/**', 'node:*'] }],
    },
  },
  {
    // Server state lives in each feature's api/ (and the shared hooks in lib/); screens call those
    // hooks. A feature reaches another only through lib/ and components/ shared by all.
    files: ['src/web/features/*/components/**', 'src/web/features/*/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', 'node:*'], message: 'The web app imports neither the server nor Node.' },
            { group: ['@tanstack/react-query'], message: "Call the feature's hooks in api/ (or src/web/lib): queries and mutations live there." },
            { group: ['../../[a-z]*/**'], message: 'A feature does not import another feature; move what both need to src/web/lib or src/web/components.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', 'node:*'], message: 'The web app imports neither the server nor Node.' },
            { group: ['@tanstack/react-query'], message: 'Shared components take data as props or through the hooks in src/web/lib.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/features/*/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', 'node:*'], message: 'The web app imports neither the server nor Node.' }, { group: ['../../[a-z]*/**'], message: 'A feature does not import another feature; move what both need to src/web/lib.' }] },
      ],
    },
  },
  {
    files: ['src/server/**'],
    plugins: { jalin: moduleBoundaries },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/web/**'] }],
      // A module's tables, repository and helpers are its own; modules depend downwards only.
      'jalin/imports': 'error',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
