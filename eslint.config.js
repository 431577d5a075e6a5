// Lint: typescript-eslint's recommended rules over every workspace's TypeScript.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/build/**', '**/dist/**', '**/.svelte-kit/**', '**/test-results/**', '**/playwright-report/**', '**/*.svelte', 'packages/db/src/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  // Dependency direction (DESIGN): domain ← db ← gateway; the admin app knows only the GraphQL schema.
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@tsukasa/*', '@mikro-orm/*', 'pg', 'express', 'graphql', 'type-graphql', '@apollo/*'], message: 'packages/domain is pure: no framework, no I/O.' },
        { group: ['node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:child_process'], message: 'packages/domain does no I/O.' },
      ] }],
    },
  },
  {
    files: ['packages/db/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@tsukasa/gateway', '@tsukasa/gateway/*', '@tsukasa/admin'], message: 'packages/db must not depend on the apps.' }] }] },
  },
  {
    files: ['apps/admin/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@tsukasa/*'], message: 'The admin app knows only the GraphQL schema.' }] }] },
  },
);
