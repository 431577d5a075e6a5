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
  // The dependency direction between packages, module boundaries and import cycles are checked by
  // dependency-cruiser (.dependency-cruiser.mjs, npm run lint:deps).
);
