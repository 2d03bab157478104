// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * undici's public entry point only, and its documented handler interface: the legacy callbacks
 * (deprecated in undici 7, gone in 8) may not come back under another type.
 */
const UNDICI_RULES = [
  {
    selector:
      'ImportExpression[source.value=/^undici\\u002F/], ImportDeclaration[source.value=/^undici\\u002F/]',
    message: "Import undici's public entry point ('undici'), never its files.",
  },
  {
    selector:
      ':matches(MethodDefinition, PropertyDefinition, Property)[key.name=/^(onConnect|onHeaders|onData|onComplete|onUpgrade|onResponseStarted|onBodySent|onRequestSent)$/]',
    message:
      "undici's legacy handler callbacks are deprecated: use onRequestStart, onResponseStart, onResponseData, onResponseEnd and onResponseError.",
  },
];

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
      // Deprecated APIs of Node.js and of dependencies break on their next major release.
      '@typescript-eslint/no-deprecated': 'error',
      'no-restricted-syntax': ['error', ...UNDICI_RULES],
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
