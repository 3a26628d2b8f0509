// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-artifacts/**', 'views/assets/**', 'views/widget/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // The domain layer must stay free of framework and infrastructure imports (ARCHITECTURE.md).
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['express', 'express-*', 'knex', 'pg', 'nodemailer', 'meilisearch', '@mistralai/*', 'eta', 'passport*'], message: 'services/ must not import frameworks or SDKs; depend on a port in services/ports.ts.' },
        { group: ['**/adapters/**', '**/http/**'], message: 'services/ must not import adapters or http; depend on a port.' },
      ] }],
    },
  },
  {
    files: ['src/cli.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '.ci/**/*.js'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['eslint.config.js', 'views/assets/**/*.js', 'docker/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The image's health check script runs on Node as it is, without TypeScript.
    files: ['docker/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', fetch: 'readonly', AbortSignal: 'readonly' } },
  },
);
