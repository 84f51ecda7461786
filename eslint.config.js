// Lint: typescript-eslint (type-aware), react-hooks, and the import directions from STYLE.md:
// pages → components, hooks → data, bridge → analytics, contracts. Pure analytics import nothing
// outside themselves; workers import only pure code and contracts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrict = (patterns) => ['error', { patterns }];
const noUi = {
  group: [
    'react',
    'react-dom',
    'react-router',
    '@tanstack/*',
    'zustand',
    '**/components/**',
    '**/pages/**',
    '**/hooks/**',
    '**/app/**',
  ],
  message: 'This layer is framework-free: no React or UI imports.',
};
const noUp = (layers, message) => ({ group: layers.map((l) => `**/${l}/**`), message });

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'bench-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.worker.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/analytics/**'],
    rules: {
      'no-restricted-imports': restrict([
        noUi,
        {
          group: [
            'dexie',
            '@duckdb/*',
            'comlink',
            '**/data/**',
            '**/bridge/**',
            '**/contracts/**',
            '**/lib/**',
            '**/app/**',
          ],
          message: 'src/analytics is pure: it imports only itself (and libraries such as ml-kmeans).',
        },
      ]),
    },
  },
  {
    files: ['src/data/**', 'src/contracts/**', 'src/lib/**'],
    rules: { 'no-restricted-imports': restrict([noUi]) },
  },
  {
    files: ['src/data/ingestion/**', 'src/data/demo/**', 'src/data/schema.ts'],
    rules: {
      'no-restricted-imports': restrict([
        noUi,
        {
          group: ['dexie', '@duckdb/*', 'comlink', '**/bridge/**', '**/store/**', '**/duckdb/**'],
          message: 'Parsing, checking and demo generation are pure so they run in workers and Node tests.',
        },
      ]),
    },
  },
  {
    files: ['src/components/**'],
    rules: {
      'no-restricted-imports': restrict([
        noUp(['pages', 'app', 'bridge'], 'Components use hooks, not pages, the app or workers directly.'),
        {
          group: ['**/data/workspace', '**/data/store/**', '**/data/duckdb/**', 'dexie', '@duckdb/*'],
          message: 'Components reach data through hooks.',
        },
      ]),
    },
  },
  {
    files: ['src/pages/**'],
    rules: {
      'no-restricted-imports': restrict([
        noUp(['app', 'bridge'], 'Pages use components and hooks.'),
        {
          group: ['**/data/workspace', '**/data/store/**', '**/data/duckdb/**', 'dexie', '@duckdb/*'],
          message: 'Pages reach data through hooks.',
        },
      ]),
    },
  },
  {
    files: ['src/hooks/**'],
    rules: {
      'no-restricted-imports': restrict([
        noUp(['pages', 'app', 'components'], 'Hooks sit below pages and components.'),
      ]),
    },
  },
  {
    files: ['workers/**'],
    languageOptions: { globals: { ...globals.worker } },
    rules: {
      'no-restricted-imports': restrict([
        noUi,
        {
          group: ['@duckdb/*', '**/bridge/**', '**/duckdb/**', '**/data/workspace'],
          message:
            'Workers import pure code (analytics, ingestion, demo), contracts and the IndexedDB store; never DuckDB or other workers.',
        },
      ]),
    },
  },
  {
    files: ['tests/**', 'vite.config.ts', 'vitest.config.ts', 'eslint.config.js', 'src/data/demo/cli.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
