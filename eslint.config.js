// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'binaries/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // node:test's describe/it return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript (bin, scripts, this file) is not in the TypeScript project: no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The pure core never touches the process or the console: those belong to src/cli.ts.
    files: ['src/core/**/*.ts', 'src/commands/**/*.ts', 'src/report/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'Only src/cli.ts reads the process.' }],
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'chalk', message: 'Only src/report renders colour.' }] },
      ],
    },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
