// Lint: typescript-eslint's recommended rules over every workspace's TypeScript, and
// eslint-plugin-svelte's recommended rules over the admin app's Svelte components.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/build/**',
      '**/dist/**',
      '**/.svelte-kit/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'packages/db/src/migrations/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    // `<script lang="ts">` in components and the runes modules (*.svelte.ts) are parsed by typescript-eslint.
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
    rules: {
      // The admin app is served at the site root (no paths.base), so resolve() would change no link.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.svelte'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  // The dependency direction between packages, module boundaries and import cycles are checked by
  // dependency-cruiser (.dependency-cruiser.mjs, npm run lint:deps).
);
