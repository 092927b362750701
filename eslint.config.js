import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'vitest.*.config.ts',
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'bin/**',
      '.data/**',
      'out/**',
      '**/*.tmp.ts',
      '**/*.tmp.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // domhandler's node types are a string enum that htmlparser2 and cheerio code compares with its
      // literal values ('tag', 'text'); the enum adds nothing there.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Off: our seams (stage processors, DNS lookups, closers, sink openers) are async contracts, and an
      // implementation that answers at once is still one. Dropping `async` to please the rule would turn
      // its throws into synchronous throws, which callers awaiting a promise do not expect.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false },
      ],
    },
  },
  {
    files: ['bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
