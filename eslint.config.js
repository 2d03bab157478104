// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
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
